import { GraphQLError } from "graphql";

export interface ConnectionArgs {
  first?: number | null;
  last?: number | null;
  after?: string | null;
  before?: string | null;
  reverse?: boolean | null;
}

export interface PageInfo {
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor: string | null;
  endCursor: string | null;
}

export interface Connection<TNode> {
  nodes: () => TNode[];
  edges: () => { cursor: string; node: TNode }[];
  pageInfo: PageInfo;
}

const MAX_PAGE_SIZE = 250;

/** Opaque like Shopify's: base64 of a small JSON object naming the last item. */
export function encodeCursor(key: string): string {
  return Buffer.from(JSON.stringify({ last_id: key }), "utf8").toString("base64url");
}

export function decodeCursor(cursor: string): string {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as { last_id?: unknown };
    if (typeof parsed.last_id === "string") return parsed.last_id;
  } catch {
    // fall through to the error below
  }
  throw new GraphQLError(`Invalid cursor for current pagination sort.`, { extensions: { code: "BAD_REQUEST" } });
}

/**
 * Slices an already filtered and sorted list the way Relay connections do. Node views are built
 * lazily so a query that asks only for pageInfo does not materialise a page of objects.
 */
export function paginate<TItem, TNode>(
  items: readonly TItem[],
  args: ConnectionArgs,
  keyOf: (item: TItem) => string,
  toNode: (item: TItem) => TNode,
): Connection<TNode> {
  const { first, last, after, before } = args;
  if (first == null && last == null) {
    throw new GraphQLError("you must provide one of first or last", { extensions: { code: "BAD_REQUEST" } });
  }
  for (const [name, value] of [["first", first], ["last", last]] as const) {
    if (value != null && (value < 0 || value > MAX_PAGE_SIZE)) {
      throw new GraphQLError(`The ${name} argument must be between 0 and ${MAX_PAGE_SIZE}.`, { extensions: { code: "BAD_REQUEST" } });
    }
  }
  const ordered = args.reverse ? [...items].reverse() : items;
  const indexOfCursor = (cursor: string) => {
    const key = decodeCursor(cursor);
    const index = ordered.findIndex((item) => keyOf(item) === key);
    if (index < 0) throw new GraphQLError("Invalid cursor for current pagination sort.", { extensions: { code: "BAD_REQUEST" } });
    return index;
  };
  let start = after ? indexOfCursor(after) + 1 : 0;
  let end = before ? indexOfCursor(before) : ordered.length;
  if (first != null) end = Math.min(end, start + first);
  if (last != null) start = Math.max(start, end - last);
  const page = ordered.slice(start, end);
  const cursors = page.map((item) => encodeCursor(keyOf(item)));
  return {
    nodes: () => page.map(toNode),
    edges: () => page.map((item, index) => ({ cursor: cursors[index], node: toNode(item) })),
    pageInfo: {
      hasNextPage: end < ordered.length,
      hasPreviousPage: start > 0,
      startCursor: cursors[0] ?? null,
      endCursor: cursors[cursors.length - 1] ?? null,
    },
  };
}
