import { describe, expect, it } from "vitest";
import type { BusinessSchedule } from "../business-hours";
import { computeTicketFacts, type FactMessage, type TicketFactsInput } from "./ticket-facts";

// Weekdays 09:00–17:00 in Berlin (UTC+1 in November).
const SCHEDULE: BusinessSchedule = {
  timezone: "Europe/Berlin",
  intervals: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: "09:00", end: "17:00" })),
  holidays: [],
};
const at = (iso: string) => new Date(iso);
const customer = (iso: string): FactMessage => ({ direction: "inbound", authorType: "customer", isAutomated: false, authorAgentId: null, createdAt: at(iso) });
const agent = (iso: string, agentId = "agent-1"): FactMessage => ({ direction: "outbound", authorType: "agent", isAutomated: false, authorAgentId: agentId, createdAt: at(iso) });
const automated = (iso: string): FactMessage => ({ direction: "outbound", authorType: "automation", isAutomated: true, authorAgentId: null, createdAt: at(iso) });
const note = (iso: string): FactMessage => ({ direction: "note", authorType: "agent", isAutomated: false, authorAgentId: "agent-2", createdAt: at(iso) });

function facts(overrides: Partial<TicketFactsInput>) {
  return computeTicketFacts({
    createdAt: at("2026-11-16T08:00:00Z"),
    status: "open",
    resolvedAt: null,
    reopenCount: 0,
    messages: [],
    businessHoursOnly: null,
    schedule: SCHEDULE,
    hasSlaPolicy: false,
    breachedTargets: [],
    ...overrides,
  });
}

describe("computeTicketFacts", () => {
  it("measures first response from the first customer message to the first human reply, ignoring automation and notes", () => {
    // Monday 08:00Z customer; 08:01 auto-acknowledgement; 08:10 internal note; 08:45 agent reply → 45 min
    const result = facts({ messages: [customer("2026-11-16T08:00:00Z"), automated("2026-11-16T08:01:00Z"), note("2026-11-16T08:10:00Z"), agent("2026-11-16T08:45:00Z")] });
    expect(result.firstResponseMinutes).toBe(45);
    expect(result.firstResponderAgentId).toBe("agent-1");
    expect(result).toMatchObject({ customerMessages: 1, humanReplies: 1, automatedReplies: 1 });
    expect(result.customerHours).toEqual([Math.floor(Date.parse("2026-11-16T08:00:00Z") / 3_600_000)]);
  });

  it("counts business minutes when the policy counts business hours (Friday evening → Monday morning)", () => {
    // Friday 16:30 Berlin (15:30Z) → Monday 09:30 Berlin (08:30Z): 30 + 30 = 60 business minutes
    const messages = [customer("2026-11-20T15:30:00Z"), agent("2026-11-23T08:30:00Z")];
    expect(facts({ messages, businessHoursOnly: true }).firstResponseMinutes).toBe(60);
    expect(facts({ messages, businessHoursOnly: false }).firstResponseMinutes).toBe(2 * 24 * 60 + 17 * 60);
  });

  it("records a next response for each customer message that waited after a reply, from the first unanswered one", () => {
    const result = facts({
      messages: [
        customer("2026-11-16T08:00:00Z"),
        agent("2026-11-16T08:10:00Z"), // first response: 10
        customer("2026-11-16T09:00:00Z"),
        customer("2026-11-16T09:20:00Z"), // still the same wait, from 09:00
        agent("2026-11-16T09:30:00Z"), // next response: 30
        agent("2026-11-16T09:31:00Z"), // a follow-up without a customer message: nothing
        customer("2026-11-16T10:00:00Z"),
        agent("2026-11-16T10:05:00Z"), // next response: 5
      ],
    });
    expect(result.firstResponseMinutes).toBe(10);
    expect(result.nextResponseMinutes).toEqual([30, 5]);
  });

  it("resolution time, first contact resolution and reopenings", () => {
    const messages = [customer("2026-11-16T08:00:00Z"), agent("2026-11-16T08:20:00Z")];
    const resolvedOnce = facts({ messages, status: "resolved", resolvedAt: at("2026-11-16T10:00:00Z") });
    expect(resolvedOnce).toMatchObject({ resolved: true, resolutionMinutes: 120, firstContactResolution: true, reopened: false, handledByAutomation: false });

    const reopened = facts({ messages, status: "resolved", resolvedAt: at("2026-11-17T08:00:00Z"), reopenCount: 1 });
    expect(reopened).toMatchObject({ resolutionMinutes: 24 * 60, firstContactResolution: false, reopened: true });

    const twoReplies = facts({ messages: [...messages, agent("2026-11-16T08:30:00Z")], status: "closed", resolvedAt: at("2026-11-16T09:00:00Z") });
    expect(twoReplies.firstContactResolution).toBe(false);

    const open = facts({ messages });
    expect(open).toMatchObject({ resolved: false, resolutionMinutes: null, firstContactResolution: null });
  });

  it("a ticket resolved by automation alone has no first response and counts as handled by automation", () => {
    const result = facts({ messages: [customer("2026-11-16T08:00:00Z"), automated("2026-11-16T08:00:30Z")], status: "resolved", resolvedAt: at("2026-11-16T08:05:00Z") });
    expect(result).toMatchObject({ firstResponseMinutes: null, handledByAutomation: true, firstContactResolution: false });
  });

  it("carries the SLA policy and its breaches per target", () => {
    const result = facts({ hasSlaPolicy: true, breachedTargets: ["first_response", "resolution"] });
    expect(result).toMatchObject({ slaApplied: true, breachedFirstResponse: true, breachedNextResponse: false, breachedResolution: true });
  });

  it("orders messages by time whatever order they arrive in", () => {
    const result = facts({ messages: [agent("2026-11-16T08:30:00Z"), customer("2026-11-16T08:00:00Z")] });
    expect(result.firstResponseMinutes).toBe(30);
  });
});
