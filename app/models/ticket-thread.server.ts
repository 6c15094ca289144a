// A ticket as the ticket page shows it: header fields, the conversation and timeline interleaved in
// time order, and the neighbouring tickets in the inbox's default order (for j/k).
import type { Prisma, PrismaClient, Ticket } from "@prisma/client";
import { modelColumns, modelFromRow } from "../db/model-rows.server";
import { parseSqlTime, SqlParams, timeText, type SqlDialect } from "./inbox-sql.server";
import { sqlReaderFor } from "../db/sql-reader.server";

export const ticketPageInclude = {
  tags: { select: { tag: true }, orderBy: { tag: "asc" } },
  messages: {
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      direction: true,
      authorType: true,
      authorName: true,
      bodyText: true,
      bodyHtml: true, // sanitised when stored (app/services/email)
      channel: true,
      isAutomated: true,
      deliveryStatus: true,
      deliveryError: true,
      createdAt: true,
      attachments: { select: { id: true, filename: true, contentType: true, sizeBytes: true }, orderBy: { createdAt: "asc" } },
    },
  },
  events: {
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, type: true, actorType: true, actorAgentId: true, data: true, createdAt: true },
  },
} satisfies Prisma.TicketInclude;

export type TicketPageRecord = Prisma.TicketGetPayload<{ include: typeof ticketPageInclude }>;

export type ThreadItem =
  | ({ kind: "message" } & Omit<TicketPageRecord["messages"][number], "createdAt"> & { createdAt: string })
  | { kind: "event"; id: string; type: string; actorType: string; actorName: string | null; data: Prisma.JsonValue; createdAt: string };

// Where the default inbox lists its working queue (app/models/inbox-query.server.ts, view "all", sort "sla_due").
const INBOX_WORKING_STATUSES = ["open", "pending"];

const MESSAGE_FIELDS = ["id", "direction", "authorType", "authorName", "bodyText", "bodyHtml", "channel", "isAutomated", "deliveryStatus", "deliveryError", "createdAt"] as const;
const ATTACHMENT_FIELDS = ["id", "filename", "contentType", "sizeBytes"] as const;
const EVENT_FIELDS = ["id", "type", "actorType", "actorAgentId", "data", "createdAt"] as const;

type PageMessage = Omit<TicketPageRecord["messages"][number], "attachments">;
type PageAttachment = TicketPageRecord["messages"][number]["attachments"][number];

/**
 * The ticket with what `ticketPageInclude` names, read on the direct reader (decision 018): the same
 * five statements Prisma would send for the include, without its client work around each (the ticket
 * page's largest read). Another shop's ticket is null, like a missing one.
 */
export async function findTicketForPage(db: PrismaClient, shopId: string, ticketId: string): Promise<TicketPageRecord | null> {
  const reader = sqlReaderFor(db);
  const dialect = reader.dialect;
  const p = new SqlParams(dialect);
  const [row] = await reader.rows(`SELECT ${modelColumns("Ticket", "t", dialect)} FROM "Ticket" t WHERE t.id = ${p.add(ticketId)} AND t."shopId" = ${p.add(shopId)}`, p.values);
  const ticket = row ? modelFromRow<Ticket>("Ticket", row, "t.") : null;
  if (!ticket) return null;
  // The relations, each by its ticketId (alias x).
  const ofTicket = (table: string, columns: string, orderBy: string) => {
    const params = new SqlParams(dialect);
    return reader.rows(`SELECT ${columns} FROM "${table}" x WHERE x."ticketId" = ${params.add(ticketId)} ORDER BY ${orderBy}`, params.values);
  };
  const [tagRows, messageRows, eventRows] = await Promise.all([
    ofTicket("TicketTag", "x.tag AS tag", "x.tag ASC"),
    ofTicket("Message", modelColumns("Message", "x", dialect, "m.", MESSAGE_FIELDS), 'x."createdAt" ASC, x.id ASC'),
    ofTicket("TicketEvent", modelColumns("TicketEvent", "x", dialect, "e.", EVENT_FIELDS), 'x."createdAt" ASC, x.id ASC'),
  ]);
  const messages = messageRows.map((message) => modelFromRow<PageMessage>("Message", message, "m.", MESSAGE_FIELDS)!);
  const attachments = new Map<string, PageAttachment[]>(messages.map((message) => [message.id, []]));
  if (messages.length > 0) {
    const params = new SqlParams(dialect);
    const attachmentRows = await reader.rows(
      `SELECT a."messageId" AS "messageId", ${modelColumns("Attachment", "a", dialect, "a.", ATTACHMENT_FIELDS)} FROM "Attachment" a
        WHERE ${params.inIds('a."messageId"', [...attachments.keys()])} ORDER BY a."createdAt" ASC, a.id ASC`,
      params.values,
    );
    for (const attachment of attachmentRows) {
      attachments.get(attachment.messageId as string)!.push(modelFromRow<PageAttachment>("Attachment", attachment, "a.", ATTACHMENT_FIELDS)!);
    }
  }
  return {
    ...ticket,
    tags: tagRows.map((tag) => ({ tag: tag.tag as string })),
    messages: messages.map((message) => ({ ...message, attachments: attachments.get(message.id)! })),
    events: eventRows.map((event) => modelFromRow<TicketPageRecord["events"][number]>("TicketEvent", event, "e.", EVENT_FIELDS)!),
  };
}

/** Messages and timeline events in one list, oldest first; a message comes before an event of the same instant. */
export function buildThread(ticket: TicketPageRecord, agentNames: ReadonlyMap<string, string>): ThreadItem[] {
  const items: (ThreadItem & { at: number; order: number })[] = [
    ...ticket.messages.map((message) => ({ ...message, kind: "message" as const, createdAt: message.createdAt.toISOString(), at: message.createdAt.getTime(), order: 0 })),
    ...ticket.events.map((event) => ({
      kind: "event" as const,
      id: event.id,
      type: event.type,
      actorType: event.actorType,
      actorName: event.actorAgentId ? (agentNames.get(event.actorAgentId) ?? null) : null,
      data: event.data,
      createdAt: event.createdAt.toISOString(),
      at: event.createdAt.getTime(),
      order: 1,
    })),
  ];
  items.sort((a, b) => a.at - b.at || a.order - b.order);
  return items.map(({ at: _at, order: _order, ...item }) => item as ThreadItem);
}

type SortKey = { id: string; slaDueAt: Date | null };

/** Inbox order: tickets with an SLA due time first (by due time, then id), then those without one by id. */
function compareInboxOrder(a: SortKey, b: SortKey): number {
  if (a.slaDueAt && b.slaDueAt && a.slaDueAt.getTime() !== b.slaDueAt.getTime()) return a.slaDueAt.getTime() - b.slaDueAt.getTime();
  if (a.slaDueAt && !b.slaDueAt) return -1;
  if (!a.slaDueAt && b.slaDueAt) return 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

type NeighbourPart = "before" | "after" | "fallback";

/**
 * The previous and next ticket in the default inbox order: for each status, the nearest ticket before and
 * after this one (and the first of the other part of the order, for when there is none) as LIMIT 1 ranges
 * of the (shopId, status, slaDueAt, id) index, all in one statement: as separate queries, the client-side
 * work per query cost more than the lookups.
 */
export async function inboxNeighbours(
  db: PrismaClient,
  dialect: SqlDialect,
  shopId: string,
  position: SortKey,
): Promise<{ previousId: string | null; nextId: string | null }> {
  const due = position.slaDueAt;
  const parts: { part: NeighbourPart; where: (p: SqlParams) => string; orderBy: string }[] = due
    ? [
        { part: "before", where: (p) => `t."slaDueAt" <= ${p.time(due)} AND (t."slaDueAt" < ${p.time(due)} OR t.id < ${p.add(position.id)})`, orderBy: `t."slaDueAt" DESC, t.id DESC` },
        { part: "after", where: (p) => `t."slaDueAt" >= ${p.time(due)} AND (t."slaDueAt" > ${p.time(due)} OR t.id > ${p.add(position.id)})`, orderBy: `t."slaDueAt" ASC, t.id ASC` },
        // Next after the last due ticket: the first one without a target.
        { part: "fallback", where: () => `t."slaDueAt" IS NULL`, orderBy: "t.id ASC" },
      ]
    : [
        { part: "before", where: (p) => `t."slaDueAt" IS NULL AND t.id < ${p.add(position.id)}`, orderBy: "t.id DESC" },
        { part: "after", where: (p) => `t."slaDueAt" IS NULL AND t.id > ${p.add(position.id)}`, orderBy: "t.id ASC" },
        // Previous before the first ticket without a target: the last due one.
        { part: "fallback", where: () => `t."slaDueAt" IS NOT NULL`, orderBy: `t."slaDueAt" DESC, t.id DESC` },
      ];
  const params = new SqlParams(dialect);
  const branches = parts.flatMap(({ part, where, orderBy }) =>
    INBOX_WORKING_STATUSES.map(
      (status, index) =>
        `SELECT * FROM (SELECT '${part}' AS part, t.id AS id, ${timeText(dialect, 't."slaDueAt"')} AS "slaDueAt" FROM "Ticket" t
          WHERE t."shopId" = ${params.add(shopId)} AND t.status = ${params.add(status)} AND t."mergedIntoId" IS NULL AND ${where(params)}
          ORDER BY ${orderBy} LIMIT 1) AS ${part}${index}`,
    ),
  );
  const rows = await sqlReaderFor(db).rows<{ part: NeighbourPart; id: string; slaDueAt: unknown }>(branches.join(" UNION ALL "), params.values);
  const sorted = (part: NeighbourPart) =>
    rows
      .filter((row) => row.part === part)
      .map((row) => ({ id: row.id, slaDueAt: parseSqlTime(row.slaDueAt) }))
      .sort(compareInboxOrder);
  const previous = sorted("before").at(-1) ?? (due ? undefined : sorted("fallback").at(-1));
  const next = sorted("after")[0] ?? (due ? sorted("fallback")[0] : undefined);
  return { previousId: previous?.id ?? null, nextId: next?.id ?? null };
}

/** The newest message the agent has seen: the composer posts it back to detect a colleague's reply. */
export function lastMessageId(ticket: TicketPageRecord): string | null {
  return ticket.messages.at(-1)?.id ?? null;
}
