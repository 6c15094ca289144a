// Evidence retention: a shop's tickets, messages and events (with the customers and the ticket tags
// and order links they need) as JSONL, one record per line, and the idempotent import that restores
// them. The same records make up a customer's data-request export. Used by `npm run desk -- export`
// / `import` and the privacy page's download.
import type { Prisma, PrismaClient } from "@prisma/client";
import { z } from "zod";
import { isUniqueViolation } from "../../jobs/run-once.server";
import { refreshSearchDocument } from "../../models/ticket-search.server";
import { invalidateInboxCounts } from "../../models/inbox-counts-cache.server";

export const EVIDENCE_FORMAT = "shopdesk-evidence/1";
const PAGE = 500;

type Row = Record<string, unknown>;
export type EvidenceRecord =
  | { type: "header"; format: string; shop: string; exportedAt: string; since: string | null }
  | { type: "customer"; data: Row }
  | { type: "ticket"; data: Row }
  | { type: "ticket_tag"; data: Row }
  | { type: "ticket_order"; data: Row }
  | { type: "message"; data: Row }
  | { type: "event"; data: Row };

export interface EvidenceScope {
  shopId: string;
  shopDomain: string;
  /** Tickets created or active since then; all when null. */
  since?: Date | null;
  /** Only these customers' tickets (a data request). */
  customerIds?: string[];
  now?: Date;
}

function ticketWhere(scope: EvidenceScope): Prisma.TicketWhereInput {
  return {
    shopId: scope.shopId,
    ...(scope.since ? { OR: [{ createdAt: { gte: scope.since } }, { lastActivityAt: { gte: scope.since } }] } : {}),
    ...(scope.customerIds ? { customerId: { in: scope.customerIds } } : {}),
  };
}

/** The records in dependency order (customers, tickets, then what hangs off tickets), page by page. */
export async function* evidenceRecords(db: PrismaClient, scope: EvidenceScope): AsyncGenerator<EvidenceRecord> {
  yield { type: "header", format: EVIDENCE_FORMAT, shop: scope.shopDomain, exportedAt: (scope.now ?? new Date()).toISOString(), since: scope.since?.toISOString() ?? null };
  let cursor: string | undefined;
  for (;;) {
    const tickets = await db.ticket.findMany({
      where: ticketWhere(scope),
      orderBy: { id: "asc" },
      take: PAGE,
      ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
      include: { customer: true, tags: true, orders: true },
    });
    if (tickets.length === 0) break;
    cursor = tickets[tickets.length - 1]!.id;
    const seenCustomers = new Set<string>();
    for (const { customer, tags, orders, ...ticket } of tickets) {
      if (customer && !seenCustomers.has(customer.id)) {
        seenCustomers.add(customer.id);
        yield { type: "customer", data: customer as unknown as Row };
      }
      yield { type: "ticket", data: ticket as unknown as Row };
      for (const tag of tags) yield { type: "ticket_tag", data: tag as unknown as Row };
      for (const order of orders) yield { type: "ticket_order", data: order as unknown as Row };
    }
    const ticketIds = tickets.map((ticket) => ticket.id);
    const messages = await db.message.findMany({ where: { shopId: scope.shopId, ticketId: { in: ticketIds } }, orderBy: [{ ticketId: "asc" }, { createdAt: "asc" }] });
    for (const message of messages) yield { type: "message", data: message as unknown as Row };
    const events = await db.ticketEvent.findMany({ where: { shopId: scope.shopId, ticketId: { in: ticketIds } }, orderBy: [{ ticketId: "asc" }, { createdAt: "asc" }] });
    for (const event of events) yield { type: "event", data: event as unknown as Row };
    if (tickets.length < PAGE) break;
  }
}

/** Decimal and Date values as JSON strings; BigInt never occurs in these models. */
export function toJsonLine(record: EvidenceRecord): string {
  return JSON.stringify(record);
}

export async function exportEvidenceJsonl(db: PrismaClient, scope: EvidenceScope): Promise<string> {
  const lines: string[] = [];
  for await (const record of evidenceRecords(db, scope)) lines.push(toJsonLine(record));
  return `${lines.join("\n")}\n`;
}

// --- import ---

const header = z.object({ type: z.literal("header"), format: z.literal(EVIDENCE_FORMAT), shop: z.string().min(1) });
const recordLine = z.object({ type: z.enum(["customer", "ticket", "ticket_tag", "ticket_order", "message", "event"]), data: z.record(z.unknown()) });

const DATE_FIELDS = new Set([
  "createdAt", "updatedAt", "statsRefreshedAt", "redactedAt", "firstResponseDueAt", "nextResponseDueAt", "resolutionDueAt", "slaDueAt",
  "slaPausedAt", "firstRespondedAt", "waitingSince", "lastCustomerMessageAt", "lastAgentMessageAt", "lastActivityAt", "snoozedUntil",
  "resolvedAt", "closedAt", "escalatedAt", "csatRespondedAt", "sentAt",
]);
const JSON_FIELDS = ["triageReasons", "data"] as const;
// Columns that point at rows an evidence file does not carry (agents, SLA policies, merged tickets):
// set to null on import when the target does not have them.
const FOREIGN_OPTIONAL = ["assigneeId", "slaPolicyId", "mergedIntoId", "authorAgentId", "actorAgentId"] as const;

function revive(data: Row, shopId: string): Row {
  const row: Row = {};
  for (const [key, value] of Object.entries(data)) {
    row[key] = DATE_FIELDS.has(key) && typeof value === "string" ? new Date(value) : value;
  }
  if ("shopId" in row) row.shopId = shopId;
  // A JSON column's null must be left out (Prisma wants JsonNull for it); absent means null.
  for (const key of JSON_FIELDS) if (row[key] === null) delete row[key];
  return row;
}

export interface ImportSummary {
  shop: string;
  created: Record<string, number>;
  skipped: Record<string, number>;
}

export class EvidenceImportError extends Error {
  override name = "EvidenceImportError";
}

async function existingIds(db: PrismaClient, shopId: string, field: "agent" | "slaPolicy" | "ticket"): Promise<Set<string>> {
  const rows = field === "agent"
    ? await db.agent.findMany({ where: { shopId }, select: { id: true } })
    : field === "slaPolicy"
      ? await db.slaPolicy.findMany({ where: { shopId }, select: { id: true } })
      : await db.ticket.findMany({ where: { shopId }, select: { id: true } });
  return new Set(rows.map((row) => row.id));
}

/**
 * Restores an evidence file into the shop it names (which must exist here). Idempotent: records whose
 * id (or key) is already present are skipped, so importing the same file twice changes nothing.
 */
export async function importEvidenceJsonl(db: PrismaClient, text: string): Promise<ImportSummary> {
  const lines = text.split("\n").filter((line) => line.trim().length > 0);
  const first = header.safeParse(JSON.parse(lines[0] ?? "null"));
  if (!first.success) throw new EvidenceImportError(`not a ${EVIDENCE_FORMAT} file: the first line must be its header`);
  const shop = await db.shop.findUnique({ where: { domain: first.data.shop } });
  if (!shop) throw new EvidenceImportError(`shop ${first.data.shop} is not installed here`);
  const summary: ImportSummary = { shop: shop.domain, created: {}, skipped: {} };
  const count = (bucket: Record<string, number>, type: string) => (bucket[type] = (bucket[type] ?? 0) + 1);
  const agents = await existingIds(db, shop.id, "agent");
  const policies = await existingIds(db, shop.id, "slaPolicy");
  const touched = new Set<string>();

  for (const [index, line] of lines.slice(1).entries()) {
    let parsedLine: unknown;
    try {
      parsedLine = JSON.parse(line);
    } catch {
      throw new EvidenceImportError(`line ${index + 2}: not JSON`);
    }
    const parsed = recordLine.safeParse(parsedLine);
    if (!parsed.success) throw new EvidenceImportError(`line ${index + 2}: unknown record`);
    const { type } = parsed.data;
    const row = revive(parsed.data.data, shop.id);
    for (const key of FOREIGN_OPTIONAL) {
      if (typeof row[key] !== "string") continue;
      const known = key === "slaPolicyId" ? policies.has(row[key] as string) : key === "mergedIntoId" ? true : agents.has(row[key] as string);
      if (!known) row[key] = null;
    }
    const created = await insertIfMissing(db, type, row).catch((error: unknown) => {
      // Present under another key (a message's channel id, a ticket number taken here): keep theirs.
      if (isUniqueViolation(error)) return false;
      throw error;
    });
    count(created ? summary.created : summary.skipped, type);
    if (created && (type === "ticket" || type === "message")) touched.add(type === "ticket" ? (row.id as string) : (row.ticketId as string));
  }
  for (const ticketId of touched) await refreshSearchDocument(db, shop.id, ticketId);
  if (touched.size > 0) invalidateInboxCounts(shop.id);
  return summary;
}

async function insertIfMissing(db: PrismaClient, type: string, row: Row): Promise<boolean> {
  switch (type) {
    case "customer":
      if (await db.customer.findUnique({ where: { id: row.id as string }, select: { id: true } })) return false;
      await db.customer.create({ data: row as Prisma.CustomerUncheckedCreateInput });
      return true;
    case "ticket": {
      if (await db.ticket.findUnique({ where: { id: row.id as string }, select: { id: true } })) return false;
      if (row.mergedIntoId && !(await db.ticket.findUnique({ where: { id: row.mergedIntoId as string }, select: { id: true } }))) row.mergedIntoId = null;
      await db.ticket.create({ data: row as Prisma.TicketUncheckedCreateInput });
      return true;
    }
    case "ticket_tag":
      if (await db.ticketTag.findUnique({ where: { ticketId_tag: { ticketId: row.ticketId as string, tag: row.tag as string } } })) return false;
      await db.ticketTag.create({ data: row as Prisma.TicketTagUncheckedCreateInput });
      return true;
    case "ticket_order":
      if (await db.ticketOrder.findUnique({ where: { ticketId_shopifyOrderId: { ticketId: row.ticketId as string, shopifyOrderId: row.shopifyOrderId as string } } })) return false;
      await db.ticketOrder.create({ data: row as Prisma.TicketOrderUncheckedCreateInput });
      return true;
    case "message":
      if (await db.message.findUnique({ where: { id: row.id as string }, select: { id: true } })) return false;
      await db.message.create({ data: row as Prisma.MessageUncheckedCreateInput });
      return true;
    case "event":
      if (await db.ticketEvent.findUnique({ where: { id: row.id as string }, select: { id: true } })) return false;
      await db.ticketEvent.create({ data: { ...row, data: (row.data ?? undefined) as Prisma.InputJsonValue } as Prisma.TicketEventUncheckedCreateInput });
      return true;
    default:
      return false;
  }
}
