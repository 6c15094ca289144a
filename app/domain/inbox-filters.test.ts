import { describe, expect, it } from "vitest";
import {
  decodeInboxCursor,
  encodeInboxCursor,
  MalformedCursorError,
  parseBulkAction,
  parseInboxQuery,
  serializeInboxQuery,
} from "./inbox-filters";

describe("inbox URL parsing", () => {
  it("defaults to the open view sorted by SLA due", () => {
    const query = parseInboxQuery(new URLSearchParams(""));
    expect(query).toMatchObject({ view: "all", sort: "sla_due", direction: "asc", search: "", cursor: null });
    expect(query.filters.statuses).toEqual([]);
  });

  it("reads every filter, repeated or comma-separated, and drops unknown values", () => {
    // GIVEN a URL with known and unknown values
    const params = new URLSearchParams(
      "view=mine&status=open,bogus&status=pending&priority=urgent&priority=HIGH&severity=L1&category=complaint&channel=chat,fax" +
        "&assignee=me&assignee=unassigned&assignee=ab%27;drop&tag=VIP,%20late&sla=at_risk,later&createdFrom=2026-02-01&createdTo=2026-02-30&q=%20%E9%80%80%E6%AC%BE%20&sort=created&dir=asc",
    );
    // WHEN parsed
    const query = parseInboxQuery(params);
    // THEN only the valid values remain
    expect(query.view).toBe("mine");
    expect(query.filters).toEqual({
      statuses: ["open", "pending"],
      priorities: ["urgent"],
      severities: ["L1"],
      categories: ["complaint"],
      channels: ["chat"],
      assignees: ["me", "unassigned"],
      tags: ["vip", "late"],
      slaStates: ["at_risk"],
      createdFrom: "2026-02-01",
      createdTo: null, // 30 February does not exist
    });
    expect(query.search).toBe("退款");
    expect(query).toMatchObject({ sort: "created", direction: "asc" });
  });

  it("ignores an unknown view, sort or direction", () => {
    const query = parseInboxQuery(new URLSearchParams("view=everything&sort=random&dir=sideways"));
    expect(query).toMatchObject({ view: "all", sort: "sla_due", direction: "asc" });
    // SLA due and priority have one direction only
    expect(parseInboxQuery(new URLSearchParams("sort=priority&dir=desc")).direction).toBe("asc");
  });

  it("round-trips through the query string", () => {
    const query = parseInboxQuery(new URLSearchParams("view=urgent&status=open&tag=vip&q=%231001&sort=last_activity&dir=asc&createdTo=2026-03-01"));
    const { cursor: _cursor, ...state } = query;
    expect(parseInboxQuery(new URLSearchParams(serializeInboxQuery(state)))).toEqual(query);
    expect(serializeInboxQuery({ ...state, view: "all", filters: { ...state.filters, tags: [] } }, "abc")).toContain("cursor=abc");
  });
});

describe("inbox cursor", () => {
  it("is opaque and round-trips", () => {
    const cursor = { sort: "priority" as const, direction: "asc" as const, values: [1, "2026-01-01T00:00:00.000Z"], id: "ck123" };
    const encoded = encodeInboxCursor(cursor);
    expect(encoded).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeInboxCursor(encoded, "priority", "asc")).toEqual(cursor);
  });

  it("rejects malformed cursors and cursors of another sort", () => {
    const sla = encodeInboxCursor({ sort: "sla_due", direction: "asc", values: [null], id: "x" });
    expect(() => decodeInboxCursor(sla, "created", "desc")).toThrow(MalformedCursorError);
    expect(() => parseInboxQuery(new URLSearchParams("cursor=%%%"))).toThrow(MalformedCursorError);
    expect(() => parseInboxQuery(new URLSearchParams(`cursor=${btoa("[1,2]")}`))).toThrow(MalformedCursorError);
    const badDate = encodeInboxCursor({ sort: "created", direction: "desc", values: ["yesterday"], id: "x" });
    expect(() => decodeInboxCursor(badDate, "created", "desc")).toThrow(MalformedCursorError);
    const badRank = encodeInboxCursor({ sort: "priority", direction: "asc", values: [9, "2026-01-01T00:00:00.000Z"], id: "x" });
    expect(() => decodeInboxCursor(badRank, "priority", "asc")).toThrow(MalformedCursorError);
  });
});

describe("bulk action form", () => {
  const form = (entries: [string, string][]) => {
    const data = new FormData();
    for (const [key, value] of entries) data.append(key, value);
    return data;
  };

  it("parses updates and merges", () => {
    expect(parseBulkAction(form([["intent", "status"], ["value", "resolved"], ["ticketIds", "a"], ["ticketIds", "b"]]))).toEqual({
      action: { kind: "update", ticketIds: ["a", "b"], changes: { status: "resolved" } },
    });
    expect(parseBulkAction(form([["intent", "assign"], ["value", ""], ["ticketIds", "a"]]))).toEqual({
      action: { kind: "update", ticketIds: ["a"], changes: { assigneeId: null } },
    });
    expect(parseBulkAction(form([["intent", "addTag"], ["value", "vip, late"], ["ticketIds", "a"]]))).toMatchObject({ action: { changes: { addTags: ["vip", "late"] } } });
    expect(parseBulkAction(form([["intent", "merge"], ["value", "b"], ["ticketIds", "a"], ["ticketIds", "b"]]))).toEqual({
      action: { kind: "merge", sourceTicketIds: ["a"], targetTicketId: "b" },
    });
  });

  it("answers bad input with errors", () => {
    expect(parseBulkAction(form([["intent", "explode"], ["ticketIds", "a"]]))).toHaveProperty("errors.intent");
    expect(parseBulkAction(form([["intent", "status"], ["value", "gone"], ["ticketIds", "a"]]))).toHaveProperty("errors.value");
    expect(parseBulkAction(form([["intent", "status"], ["value", "open"]]))).toHaveProperty("errors.ticketIds");
    expect(parseBulkAction(form([["intent", "merge"], ["value", "a"], ["ticketIds", "a"]]))).toHaveProperty("errors.ticketIds");
    expect(parseBulkAction(form([["intent", "merge"], ["value", "z"], ["ticketIds", "a"], ["ticketIds", "b"]]))).toHaveProperty("errors.value");
  });
});
