// In-app notifications (the Notification model): written in the transaction of the change that
// causes them, so a notification exists exactly when its cause does.
import type { Prisma, Ticket } from "@prisma/client";
import type { TriageResult } from "../domain/triage/triage";

type Tx = Prisma.TransactionClient;

export type NotificationKind = "sla_warning" | "sla_breach" | "l1_alert" | "assignment" | "mention";

export interface NotificationDraft {
  shopId: string;
  /** null = everyone in the shop. */
  agentId: string | null;
  ticketId: string | null;
  kind: NotificationKind;
  title: string;
  body?: string | null;
  now: Date;
}

export async function createNotifications(tx: Tx, drafts: NotificationDraft[]): Promise<void> {
  if (drafts.length === 0) return;
  await tx.notification.createMany({
    data: drafts.map((draft) => ({
      shopId: draft.shopId,
      agentId: draft.agentId,
      ticketId: draft.ticketId,
      kind: draft.kind,
      title: draft.title.slice(0, 200),
      body: draft.body?.slice(0, 1000) ?? null,
      createdAt: draft.now,
    })),
  });
}

/** Who hears about a ticket: its assignee, plus the shop's supervisors and admins. */
export async function ticketAudience(tx: Tx, shopId: string, assigneeId: string | null): Promise<(string | null)[]> {
  const supervisors = await tx.agent.findMany({ where: { shopId, role: { in: ["supervisor", "admin"] } }, select: { id: true } });
  const ids = new Set<string>(supervisors.map((agent) => agent.id));
  if (assigneeId) ids.add(assigneeId);
  // Without anyone named, the whole shop sees it.
  return ids.size > 0 ? [...ids] : [null];
}

/** L1 (safety, fraud, chargeback, legal, public) alerts at once, on intake. */
export async function notifyL1Alert(tx: Tx, input: { shopId: string; ticket: Ticket; triage: TriageResult; now: Date }): Promise<void> {
  const { ticket, triage } = input;
  const signals = triage.reasons.filter((r) => r.rule.startsWith("severity:L1:")).map((r) => `${r.rule.slice("severity:L1:".length)} (${r.detail})`);
  const audience = await ticketAudience(tx, input.shopId, ticket.assigneeId);
  await createNotifications(
    tx,
    audience.map((agentId) => ({
      shopId: input.shopId,
      agentId,
      ticketId: ticket.id,
      kind: "l1_alert",
      title: `L1 ticket #${ticket.number}: ${ticket.subject}`,
      body: signals.join("; ") || null,
      now: input.now,
    })),
  );
}

export async function unreadNotifications(db: Pick<Tx, "notification">, shopId: string, agentId: string, take = 50) {
  return db.notification.findMany({
    where: { shopId, readAt: null, OR: [{ agentId }, { agentId: null }] },
    orderBy: { createdAt: "desc" },
    take,
  });
}
