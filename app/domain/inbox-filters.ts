// The inbox's URL vocabulary: views, filters, search, sort and the keyset cursor, parsed into one typed
// query. Pure: unknown values are dropped (a hand-edited URL never crashes the inbox); only a malformed
// cursor is an error, because silently restarting at page one would hide rows from the agent.
import {
  TICKET_CATEGORIES,
  TICKET_CHANNELS,
  TICKET_PRIORITIES,
  TICKET_SEVERITIES,
  TICKET_STATUSES,
  isOneOf,
  type TicketCategory,
  type TicketChannel,
  type TicketPriority,
  type TicketSeverity,
  type TicketStatus,
} from "./ticket-fields";

export const INBOX_VIEWS = ["all", "mine", "unassigned", "urgent", "breaching", "waiting", "snoozed", "resolved"] as const;
export type InboxView = (typeof INBOX_VIEWS)[number];

export const SLA_FILTER_STATES = ["on_track", "at_risk", "breached", "no_target", "paused"] as const;
export type SlaFilterState = (typeof SLA_FILTER_STATES)[number];

export const INBOX_SORTS = ["sla_due", "last_activity", "priority", "created"] as const;
export type InboxSortKey = (typeof INBOX_SORTS)[number];
export type SortDirection = "asc" | "desc";

/** The direction each sort starts in; only activity and creation time can be flipped. */
export const DEFAULT_SORT_DIRECTION: Record<InboxSortKey, SortDirection> = {
  sla_due: "asc", // soonest due first, tickets without a target last
  last_activity: "desc",
  priority: "asc", // urgent first, then the longest waiting
  created: "desc",
};
const REVERSIBLE_SORTS: readonly InboxSortKey[] = ["last_activity", "created"];

/** "Breaching soon" and the "at risk" SLA state: due within this many minutes (the badge turns amber too). */
export const AT_RISK_WINDOW_MINUTES = 60;

export const MAX_SEARCH_LENGTH = 200;
const MAX_TAGS = 10;
const MAX_ASSIGNEES = 20;

export interface InboxFilters {
  statuses: TicketStatus[];
  priorities: TicketPriority[];
  severities: TicketSeverity[];
  categories: TicketCategory[];
  channels: TicketChannel[];
  /** Agent ids, plus "me" and "unassigned". */
  assignees: string[];
  tags: string[];
  slaStates: SlaFilterState[];
  /** Calendar days (YYYY-MM-DD) in the shop's time zone, inclusive. */
  createdFrom: string | null;
  createdTo: string | null;
}

/** The keyset position after the last row shown: the sort key's values and the ticket id. */
export interface InboxCursor {
  sort: InboxSortKey;
  direction: SortDirection;
  values: (string | number | null)[];
  id: string;
}

export interface InboxQuery {
  view: InboxView;
  filters: InboxFilters;
  search: string;
  sort: InboxSortKey;
  direction: SortDirection;
  cursor: InboxCursor | null;
}

export class MalformedCursorError extends Error {
  constructor(reason: string) {
    super(`The page cursor is not valid (${reason}); open the inbox's first page again.`);
    this.name = "MalformedCursorError";
  }
}

export const EMPTY_FILTERS: InboxFilters = {
  statuses: [],
  priorities: [],
  severities: [],
  categories: [],
  channels: [],
  assignees: [],
  tags: [],
  slaStates: [],
  createdFrom: null,
  createdTo: null,
};

/** Repeated parameters and comma-separated lists both work: `status=open&status=pending`, `status=open,pending`. */
function listParam(params: URLSearchParams, name: string): string[] {
  const values = params.getAll(name).flatMap((value) => value.split(","));
  return [...new Set(values.map((value) => value.trim()).filter(Boolean))];
}

function oneOfList<T extends string>(params: URLSearchParams, name: string, allowed: readonly T[]): T[] {
  return listParam(params, name).filter((value): value is T => isOneOf(allowed, value));
}

const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

function dayParam(params: URLSearchParams, name: string): string | null {
  const value = params.get(name)?.trim() ?? "";
  if (!DAY_PATTERN.test(value)) return null;
  const date = new Date(`${value}T00:00:00Z`);
  return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value ? null : value;
}

// Agent ids are cuids; anything else in the assignee list is ignored rather than sent to the database.
const ASSIGNEE_PATTERN = /^(me|unassigned|[A-Za-z0-9_-]{1,64})$/;

export function parseInboxFilters(params: URLSearchParams): InboxFilters {
  return {
    statuses: oneOfList(params, "status", TICKET_STATUSES),
    priorities: oneOfList(params, "priority", TICKET_PRIORITIES),
    severities: oneOfList(params, "severity", TICKET_SEVERITIES),
    categories: oneOfList(params, "category", TICKET_CATEGORIES),
    channels: oneOfList(params, "channel", TICKET_CHANNELS),
    assignees: listParam(params, "assignee").filter((value) => ASSIGNEE_PATTERN.test(value)).slice(0, MAX_ASSIGNEES),
    // Tags are stored lower-case (normaliseTags in the ticket updates).
    tags: [...new Set(listParam(params, "tag").map((tag) => tag.toLowerCase().slice(0, 64)))].slice(0, MAX_TAGS),
    slaStates: oneOfList(params, "sla", SLA_FILTER_STATES),
    createdFrom: dayParam(params, "createdFrom"),
    createdTo: dayParam(params, "createdTo"),
  };
}

export function parseInboxQuery(params: URLSearchParams): InboxQuery {
  const viewParam = params.get("view");
  const view: InboxView = isOneOf(INBOX_VIEWS, viewParam) ? viewParam : "all";
  const sortParam = params.get("sort");
  const sort: InboxSortKey = isOneOf(INBOX_SORTS, sortParam) ? sortParam : "sla_due";
  const dirParam = params.get("dir");
  const direction: SortDirection =
    REVERSIBLE_SORTS.includes(sort) && (dirParam === "asc" || dirParam === "desc") ? dirParam : DEFAULT_SORT_DIRECTION[sort];
  const search = (params.get("q") ?? "").trim().slice(0, MAX_SEARCH_LENGTH);
  const cursorParam = params.get("cursor");
  const cursor = cursorParam ? decodeInboxCursor(cursorParam, sort, direction) : null;
  return { view, filters: parseInboxFilters(params), search, sort, direction, cursor };
}

/** The query string of an inbox query (without the cursor unless given): for links, tabs and the ticket page's "back". */
export function serializeInboxQuery(query: Omit<InboxQuery, "cursor">, cursor?: string | null): string {
  const params = new URLSearchParams();
  if (query.view !== "all") params.set("view", query.view);
  const { filters } = query;
  const lists: [string, string[]][] = [
    ["status", filters.statuses],
    ["priority", filters.priorities],
    ["severity", filters.severities],
    ["category", filters.categories],
    ["channel", filters.channels],
    ["assignee", filters.assignees],
    ["tag", filters.tags],
    ["sla", filters.slaStates],
  ];
  for (const [name, values] of lists) if (values.length > 0) params.set(name, values.join(","));
  if (filters.createdFrom) params.set("createdFrom", filters.createdFrom);
  if (filters.createdTo) params.set("createdTo", filters.createdTo);
  if (query.search) params.set("q", query.search);
  if (query.sort !== "sla_due") params.set("sort", query.sort);
  if (query.direction !== DEFAULT_SORT_DIRECTION[query.sort]) params.set("dir", query.direction);
  if (cursor) params.set("cursor", cursor);
  return params.toString();
}

// --- The opaque cursor: base64url JSON of [sort, direction, values, id] ---

export function encodeInboxCursor(cursor: InboxCursor): string {
  const json = JSON.stringify([cursor.sort, cursor.direction, cursor.values, cursor.id]);
  return base64UrlEncode(json);
}

export function decodeInboxCursor(encoded: string, sort: InboxSortKey, direction: SortDirection): InboxCursor {
  if (encoded.length > 512 || !/^[A-Za-z0-9_-]+$/.test(encoded)) throw new MalformedCursorError("not base64url");
  let parsed: unknown;
  try {
    parsed = JSON.parse(base64UrlDecode(encoded));
  } catch {
    throw new MalformedCursorError("not JSON");
  }
  if (!Array.isArray(parsed) || parsed.length !== 4) throw new MalformedCursorError("wrong shape");
  const [cursorSort, cursorDirection, values, id] = parsed as unknown[];
  if (cursorSort !== sort || cursorDirection !== direction) throw new MalformedCursorError("made for another sort");
  if (typeof id !== "string" || id.length === 0 || id.length > 64) throw new MalformedCursorError("no ticket id");
  if (!Array.isArray(values) || values.length !== expectedValueCount(sort)) throw new MalformedCursorError("wrong sort values");
  for (const value of values) {
    const valid = value === null || typeof value === "number" || (typeof value === "string" && !Number.isNaN(Date.parse(value)));
    if (!valid) throw new MalformedCursorError("wrong sort values");
  }
  if (sort === "priority" && (typeof values[0] !== "number" || !Number.isInteger(values[0]) || values[0] < 0 || values[0] >= TICKET_PRIORITIES.length)) {
    throw new MalformedCursorError("unknown priority");
  }
  if (sort !== "sla_due" && values.some((value, index) => (sort === "priority" ? index > 0 : true) && typeof value !== "string")) {
    throw new MalformedCursorError("missing time");
  }
  return { sort, direction, values: values as (string | number | null)[], id };
}

function expectedValueCount(sort: InboxSortKey): number {
  return sort === "priority" ? 2 : 1;
}

function base64UrlEncode(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
}

function base64UrlDecode(encoded: string): string {
  const binary = atob(encoded.replaceAll("-", "+").replaceAll("_", "/"));
  return new TextDecoder("utf-8", { fatal: true }).decode(Uint8Array.from(binary, (char) => char.charCodeAt(0)));
}

/** How many filters are applied, for the "clear all" affordance and tests. */
export function activeFilterCount(filters: InboxFilters): number {
  const lists = [filters.statuses, filters.priorities, filters.severities, filters.categories, filters.channels, filters.assignees, filters.tags, filters.slaStates];
  return lists.filter((list) => list.length > 0).length + (filters.createdFrom || filters.createdTo ? 1 : 0);
}

// --- Bulk actions posted by the inbox ---

export const BULK_INTENTS = ["assign", "status", "priority", "severity", "addTag", "removeTag", "merge"] as const;
export type BulkIntent = (typeof BULK_INTENTS)[number];
const MAX_BULK_TICKETS = 250;

export interface BulkTicketChanges {
  status?: TicketStatus;
  priority?: TicketPriority;
  severity?: TicketSeverity;
  assigneeId?: string | null;
  addTags?: string[];
  removeTags?: string[];
}

export type InboxBulkAction =
  | { kind: "update"; ticketIds: string[]; changes: BulkTicketChanges }
  | { kind: "merge"; sourceTicketIds: string[]; targetTicketId: string };

export type BulkActionParse = { action: InboxBulkAction } | { errors: Record<string, string> };

/** The inbox's bulk-action form: `intent`, `ticketIds` (repeated) and `value`. */
export function parseBulkAction(form: FormData): BulkActionParse {
  const intent = form.get("intent");
  const ticketIds = [...new Set(form.getAll("ticketIds").filter((id): id is string => typeof id === "string" && /^[A-Za-z0-9_-]{1,64}$/.test(id)))];
  const rawValue = form.get("value");
  const value = typeof rawValue === "string" ? rawValue.trim() : "";
  if (!isOneOf(BULK_INTENTS, intent)) return { errors: { intent: "Unknown bulk action" } };
  if (ticketIds.length === 0) return { errors: { ticketIds: "Select at least one ticket" } };
  if (ticketIds.length > MAX_BULK_TICKETS) return { errors: { ticketIds: `At most ${MAX_BULK_TICKETS} tickets at once` } };
  const update = (changes: BulkTicketChanges): BulkActionParse => ({ action: { kind: "update", ticketIds, changes } });
  switch (intent) {
    case "assign":
      if (value !== "" && !/^[A-Za-z0-9_-]{1,64}$/.test(value)) return { errors: { value: "Unknown agent" } };
      return update({ assigneeId: value === "" ? null : value });
    case "status":
      return isOneOf(TICKET_STATUSES, value) ? update({ status: value }) : { errors: { value: "Unknown status" } };
    case "priority":
      return isOneOf(TICKET_PRIORITIES, value) ? update({ priority: value }) : { errors: { value: "Unknown priority" } };
    case "severity":
      return isOneOf(TICKET_SEVERITIES, value) ? update({ severity: value }) : { errors: { value: "Unknown severity" } };
    case "addTag":
    case "removeTag": {
      const tags = [...new Set(value.split(",").map((tag) => tag.trim().slice(0, 64)).filter(Boolean))];
      if (tags.length === 0) return { errors: { value: "Enter a tag" } };
      return update(intent === "addTag" ? { addTags: tags } : { removeTags: tags });
    }
    case "merge": {
      if (ticketIds.length < 2) return { errors: { ticketIds: "Select at least two tickets to merge" } };
      if (!ticketIds.includes(value)) return { errors: { value: "The target must be one of the selected tickets" } };
      return { action: { kind: "merge", sourceTicketIds: ticketIds.filter((id) => id !== value), targetTicketId: value } };
    }
  }
}
