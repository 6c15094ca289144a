// The closed vocabularies of a ticket. Stored as strings (one schema for SQLite and PostgreSQL),
// validated here. Order matters where it ranks (priority, severity).

export const TICKET_STATUSES = ["open", "pending", "snoozed", "resolved", "closed"] as const;
export const TICKET_PRIORITIES = ["urgent", "high", "normal", "low"] as const;
export const TICKET_SEVERITIES = ["L1", "L2", "L3"] as const;
export const TICKET_CATEGORIES = [
  "order_status",
  "shipping_address",
  "cancellation",
  "return_refund",
  "damaged_wrong_missing",
  "product_question",
  "payment_invoice",
  "complaint",
  "other",
] as const;
export const TICKET_CHANNELS = ["email", "contact_form", "chat", "social", "marketplace", "phone"] as const;
export const MESSAGE_DIRECTIONS = ["inbound", "outbound", "note"] as const;

export type TicketStatus = (typeof TICKET_STATUSES)[number];
export type TicketPriority = (typeof TICKET_PRIORITIES)[number];
export type TicketSeverity = (typeof TICKET_SEVERITIES)[number];
export type TicketCategory = (typeof TICKET_CATEGORIES)[number];
export type TicketChannel = (typeof TICKET_CHANNELS)[number];
export type MessageDirection = (typeof MESSAGE_DIRECTIONS)[number];

/** Statuses in which the shop still owes the customer something. */
export const ACTIVE_STATUSES: readonly TicketStatus[] = ["open", "pending", "snoozed"];

export function priorityRank(priority: string): number {
  const rank = TICKET_PRIORITIES.indexOf(priority as TicketPriority);
  return rank === -1 ? TICKET_PRIORITIES.length : rank;
}

export function isOneOf<T extends string>(values: readonly T[], value: unknown): value is T {
  return typeof value === "string" && (values as readonly string[]).includes(value);
}
