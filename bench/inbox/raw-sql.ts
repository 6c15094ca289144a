// The benchmark's floor: the inbox page and the view counts as plain SQL (one statement each), the way one
// would write them by hand, run on the bare driver. Covers the filters the benchmark's scenarios use.
import { AT_RISK_WINDOW_MINUTES, decodeInboxCursor, parseInboxQuery } from "../../app/domain/inbox-filters";

export interface RawScenario {
  search: string;
}
interface Statement {
  sql: string;
  params: unknown[];
}

const VIEW_SQL: Record<string, { statuses: string[]; where: string }> = {
  all: { statuses: ["open", "pending"], where: "" },
  mine: { statuses: ["open", "pending"], where: 't."assigneeId" = :agent' },
  unassigned: { statuses: ["open", "pending"], where: 't."assigneeId" IS NULL' },
  urgent: { statuses: ["open", "pending"], where: "t.priority = 'urgent'" },
  breaching: { statuses: ["open", "pending"], where: 't."slaDueAt" <= :soon AND t."slaPausedAt" IS NULL' },
  waiting: { statuses: ["pending"], where: "" },
  snoozed: { statuses: ["snoozed"], where: "" },
  resolved: { statuses: ["resolved", "closed"], where: 't."mergedIntoId" IS NULL' },
};

const ORDER_SQL: Record<string, string> = {
  "sla_due asc": 't."slaDueAt" IS NULL, t."slaDueAt", t.id',
  "last_activity desc": 't."lastActivityAt" DESC, t.id DESC',
  "last_activity asc": 't."lastActivityAt", t.id',
  "priority asc": "CASE t.priority WHEN 'urgent' THEN 0 WHEN 'high' THEN 1 WHEN 'normal' THEN 2 ELSE 3 END, t.\"createdAt\", t.id",
  "created desc": 't."createdAt" DESC, t.id DESC',
  "created asc": 't."createdAt", t.id',
};

export function rawInboxSql(provider: "sqlite" | "postgresql", scenario: RawScenario, shopId: string, agentId: string): Statement[] {
  const query = parseInboxQuery(new URLSearchParams(scenario.search));
  const now = new Date();
  const time = (date: Date) => (provider === "sqlite" ? date.toISOString().replace("Z", "+00:00") : date.toISOString());
  const named: Record<string, unknown> = { shop: shopId, agent: agentId, soon: time(new Date(now.getTime() + AT_RISK_WINDOW_MINUTES * 60_000)), now: time(now) };
  const view = VIEW_SQL[query.view]!;
  const conditions = ['t."shopId" = :shop', `t.status IN (${view.statuses.map((status) => `'${status}'`).join(",")})`];
  if (view.where) conditions.push(view.where);
  const { filters } = query;
  if (filters.priorities.length) conditions.push(`t.priority IN (${filters.priorities.map((value) => `'${value}'`).join(",")})`);
  if (filters.categories.length) conditions.push(`t.category IN (${filters.categories.map((value) => `'${value}'`).join(",")})`);
  if (filters.channels.length) conditions.push(`t.channel IN (${filters.channels.map((value) => `'${value}'`).join(",")})`);
  if (filters.slaStates.includes("breached")) conditions.push('t."slaDueAt" < :now AND t."slaPausedAt" IS NULL');
  if (filters.tags.length) conditions.push(`EXISTS (SELECT 1 FROM "TicketTag" g WHERE g."ticketId" = t.id AND g.tag IN (${filters.tags.map((tag) => `'${tag}'`).join(",")}))`);
  if (filters.createdFrom) {
    named.from = time(new Date(`${filters.createdFrom}T00:00:00Z`));
    conditions.push('t."createdAt" >= :from');
  }
  if (query.search) {
    named.search = provider === "sqlite" ? `"${query.search}"` : `%${query.search}%`;
    const matches =
      provider === "sqlite"
        ? [...query.search].length >= 3
          ? 'd.id IN (SELECT rowid FROM "TicketSearchFts" WHERE "TicketSearchFts" MATCH :search)'
          : "d.body LIKE :searchLike"
        : "d.body ILIKE :search";
    named.searchLike = `%${query.search}%`;
    conditions.push(`t.id IN (SELECT d."ticketId" FROM "TicketSearchDocument" d WHERE d."shopId" = :shop AND ${matches} LIMIT 501)`);
  }
  if (query.cursor) {
    const cursor = decodeInboxCursor(new URLSearchParams(scenario.search).get("cursor")!, query.sort, query.direction);
    named.cursorTime = time(new Date(cursor.values[0] as string));
    named.cursorId = cursor.id;
    conditions.push('(t."slaDueAt" > :cursorTime OR (t."slaDueAt" = :cursorTime AND t.id > :cursorId) OR t."slaDueAt" IS NULL)');
  }
  const page = `SELECT t.id, t.number, t.subject, t.snippet, t.status, t.priority, t.severity, t.category, t.channel, t.unread,
      t."slaDueAt", t."slaPausedAt", t."lastActivityAt", t."createdAt", c."displayName", c.email, a.id AS "agentId", a.name AS "agentName",
      (SELECT o."orderName" FROM "TicketOrder" o WHERE o."ticketId" = t.id ORDER BY o."createdAt" LIMIT 1) AS "orderName"
    FROM "Ticket" t LEFT JOIN "Customer" c ON c.id = t."customerId" LEFT JOIN "Agent" a ON a.id = t."assigneeId"
    WHERE ${conditions.join(" AND ")} ORDER BY ${ORDER_SQL[`${query.sort} ${query.direction}`]} LIMIT 51`;
  const counts = `SELECT ${Object.entries(VIEW_SQL)
    .map(([name, definition]) => `(SELECT COUNT(*) FROM "Ticket" t WHERE t."shopId" = :shop AND t.status IN (${definition.statuses.map((status) => `'${status}'`).join(",")})${definition.where ? ` AND ${definition.where}` : ""}) AS "${name}"`)
    .join(", ")}`;
  const agents = 'SELECT id, name FROM "Agent" WHERE "shopId" = :shop ORDER BY name';
  // The loader serves the view counts from a 10 s cache (app/models/inbox-counts-cache.server.ts), so per
  // request it runs the page and the agents; the floor runs the same. COUNTS_FLOOR=1 adds the counts back.
  const statements = process.env.COUNTS_FLOOR === "1" ? [page, counts, agents] : [page, agents];
  return statements.map((sql) => bind(provider, sql, named));
}

/** :name placeholders → ? (SQLite) or $n (PostgreSQL). */
function bind(provider: "sqlite" | "postgresql", sql: string, named: Record<string, unknown>): Statement {
  const params: unknown[] = [];
  const text = sql.replace(/:([a-zA-Z]+)/g, (_match, name: string) => {
    params.push(named[name]);
    return provider === "sqlite" ? "?" : `$${params.length}`;
  });
  return { sql: text, params };
}
