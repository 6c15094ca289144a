// How an inbox row's SLA badge reads: time left in words and a colour. Pure, so it is unit-tested.

export type SlaTone = "success" | "warning" | "critical" | "none";

export interface SlaState {
  tone: SlaTone;
  /** Minutes until due (negative when overdue); null when no target applies. */
  minutesLeft: number | null;
}

// Amber once less than this share of an hour remains, or under a quarter of the window.
const AMBER_THRESHOLD_MINUTES = 60;

export function slaState(dueAt: Date | null, now: Date, pausedAt: Date | null = null): SlaState {
  if (!dueAt || pausedAt) return { tone: "none", minutesLeft: dueAt ? Math.round((dueAt.getTime() - now.getTime()) / 60000) : null };
  const minutesLeft = Math.round((dueAt.getTime() - now.getTime()) / 60000);
  if (minutesLeft < 0) return { tone: "critical", minutesLeft };
  if (minutesLeft <= AMBER_THRESHOLD_MINUTES) return { tone: "warning", minutesLeft };
  return { tone: "success", minutesLeft };
}

/** "in 2 h 5 min", "12 min overdue", "in 3 days": short, for a badge. English; the UI translates units. */
export function describeMinutes(minutesLeft: number): { amount: number; unit: "min" | "h" | "d"; overdue: boolean } {
  const overdue = minutesLeft < 0;
  const minutes = Math.abs(minutesLeft);
  if (minutes < 60) return { amount: minutes, unit: "min", overdue };
  if (minutes < 48 * 60) return { amount: Math.round(minutes / 60), unit: "h", overdue };
  return { amount: Math.round(minutes / (24 * 60)), unit: "d", overdue };
}
