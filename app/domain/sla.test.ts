import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import type { BusinessSchedule } from "./business-hours";
import {
  computeSlaDueTimes,
  customerSegment,
  DEFAULT_SLA_POLICIES,
  detectSlaEvents,
  nextSlaCheckAt,
  pausedMinutesBetween,
  selectSlaPolicy,
  slaPolicyRuleSchema,
  slaProgress,
  SLA_NOTHING_DUE,
  type SlaClockInput,
  type SlaPolicyRule,
  type SlaTicketFacts,
} from "./sla";

const NY = "America/New_York";
const at = (local: string) => DateTime.fromISO(local, { zone: NY }).toJSDate();
const office: BusinessSchedule = {
  timezone: NY,
  intervals: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: "09:00", end: "17:00" })),
  holidays: [],
};
const facts = (overrides: Partial<SlaTicketFacts> = {}): SlaTicketFacts => ({
  priority: "normal",
  severity: "L3",
  category: "order_status",
  channel: "email",
  ...overrides,
});
const policyFor = (overrides: Partial<SlaTicketFacts> = {}): SlaPolicyRule => {
  const policy = selectSlaPolicy(DEFAULT_SLA_POLICIES, facts(overrides));
  if (!policy) throw new Error("no policy");
  return policy;
};
const clock = (overrides: Partial<SlaClockInput> = {}): SlaClockInput => ({
  policy: policyFor(),
  schedule: office,
  createdAt: at("2024-05-06T10:00"), // a Monday
  firstRespondedAt: null,
  lastCustomerMessageAt: at("2024-05-06T10:00"),
  pausedAt: null,
  ...overrides,
});

describe("DEFAULT_SLA_POLICIES", () => {
  it("are valid rows, L1 first, in increasing position", () => {
    for (const policy of DEFAULT_SLA_POLICIES) expect(slaPolicyRuleSchema.parse(policy)).toEqual(policy);
    expect(DEFAULT_SLA_POLICIES[0].matchSeverity).toBe("L1");
    const positions = DEFAULT_SLA_POLICIES.map((p) => p.position);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it("encode the e-commerce targets", () => {
    expect(policyFor({ category: "cancellation" }).firstResponseMinutes).toBe(30);
    expect(policyFor({ category: "damaged_wrong_missing" }).firstResponseMinutes).toBe(60);
    expect(policyFor({ category: "return_refund" }).firstResponseMinutes).toBe(60);
    expect(policyFor({ category: "product_question" }).firstResponseMinutes).toBe(240);
    expect(policyFor({ category: "other" }).name).toMatch(/same business day/);
    const l1 = policyFor({ severity: "L1", category: "order_status" });
    expect([l1.firstResponseMinutes, l1.businessHoursOnly, l1.warnAtShare]).toEqual([60, false, 0]);
    const l2 = policyFor({ severity: "L2", category: "complaint" });
    expect([l2.firstResponseMinutes, l2.resolutionMinutes]).toEqual([240, 24 * 60]);
    expect(policyFor({ channel: "marketplace", category: "product_question" }).firstResponseMinutes).toBe(12 * 60);
  });
});

describe("selectSlaPolicy", () => {
  const vip: SlaPolicyRule = { ...DEFAULT_SLA_POLICIES[0], name: "VIP", position: 5, matchSeverity: null, matchSegment: "vip", firstResponseMinutes: 15 };

  it("takes the first enabled match by position and skips disabled ones", () => {
    const policies = [...DEFAULT_SLA_POLICIES, vip];
    expect(selectSlaPolicy(policies, facts({ segment: "vip" }))?.name).toBe("VIP");
    expect(selectSlaPolicy(policies, facts({ segment: "new" }))?.matchCategory).toBe("order_status");
    expect(selectSlaPolicy([{ ...vip, enabled: false }], facts({ segment: "vip" }))).toBeNull();
  });

  it("derives the customer segment from value thresholds", () => {
    expect(customerSegment({ lifetimeSpent: 1500, ordersCount: 1 })).toBe("vip");
    expect(customerSegment({ lifetimeSpent: 100, ordersCount: 12 })).toBe("vip");
    expect(customerSegment({ lifetimeSpent: 100, ordersCount: 3 })).toBe("repeat");
    expect(customerSegment({ lifetimeSpent: 0, ordersCount: 0 })).toBe("new");
  });
});

describe("computeSlaDueTimes", () => {
  it("counts business hours: a Friday-evening order question is due Monday morning", () => {
    const due = computeSlaDueTimes(clock({ createdAt: at("2024-05-10T16:50"), lastCustomerMessageAt: at("2024-05-10T16:50") }));
    expect(due.firstResponseDueAt).toEqual(at("2024-05-13T09:20"));
    expect(due.slaDueAt).toEqual(due.firstResponseDueAt);
    expect(due.nextResponseDueAt).toBeNull();
    expect(due.resolutionDueAt).toEqual(at("2024-05-14T16:50")); // 2 business days of 8 h
  });

  it("counts calendar hours for L1, even on a Saturday night", () => {
    const due = computeSlaDueTimes(clock({ policy: policyFor({ severity: "L1" }), createdAt: at("2024-05-11T03:00") }));
    expect(due.firstResponseDueAt).toEqual(at("2024-05-11T04:00"));
    expect(due.slaDueAt).toEqual(at("2024-05-11T04:00"));
  });

  it("is recomputed with the new policy when the category changes", () => {
    const asOrderQuestion = computeSlaDueTimes(clock());
    const asProductQuestion = computeSlaDueTimes(clock({ policy: policyFor({ category: "product_question" }) }));
    expect(asOrderQuestion.firstResponseDueAt).toEqual(at("2024-05-06T10:30"));
    expect(asProductQuestion.firstResponseDueAt).toEqual(at("2024-05-06T14:00"));
  });

  it("after the first reply, owes only resolution until the customer writes again", () => {
    const replied = computeSlaDueTimes(clock({ firstRespondedAt: at("2024-05-06T10:10"), lastAgentMessageAt: at("2024-05-06T10:10") }));
    expect(replied.nextResponseDueAt).toBeNull();
    expect(replied.slaDueAt).toEqual(replied.resolutionDueAt);
  });

  it("restarts the next-response clock from the oldest unanswered customer message", () => {
    const due = computeSlaDueTimes(
      clock({
        firstRespondedAt: at("2024-05-06T10:10"),
        lastAgentMessageAt: at("2024-05-06T10:10"),
        waitingSince: at("2024-05-06T15:00"),
        lastCustomerMessageAt: at("2024-05-06T15:30"),
      }),
    );
    expect(due.nextResponseDueAt).toEqual(at("2024-05-06T16:00"));
    expect(due.slaDueAt).toEqual(at("2024-05-06T16:00"));
  });

  it("has no due time while paused, and extends resolution by the paused span afterwards", () => {
    const paused = computeSlaDueTimes(clock({ firstRespondedAt: at("2024-05-06T10:10"), pausedAt: at("2024-05-06T11:00") }));
    expect(paused.slaDueAt).toBeNull();
    const policy = policyFor();
    const pausedMinutes = pausedMinutesBetween(policy, office, at("2024-05-06T11:00"), at("2024-05-07T11:00"));
    expect(pausedMinutes).toBe(8 * 60);
    const resumed = computeSlaDueTimes(clock({ firstRespondedAt: at("2024-05-06T10:10"), pausedMinutes }));
    expect(resumed.resolutionDueAt).toEqual(at("2024-05-09T10:00")); // 2 business days + 1 paused day
  });

  it("owes nothing once resolved, and nothing without a policy", () => {
    expect(computeSlaDueTimes(clock({ resolvedAt: at("2024-05-06T10:05") })).slaDueAt).toBeNull();
    expect(computeSlaDueTimes(clock({ policy: null }))).toEqual({ firstResponseDueAt: null, nextResponseDueAt: null, resolutionDueAt: null, slaDueAt: null });
  });

  it("returns null due times when the schedule never opens", () => {
    const due = computeSlaDueTimes(clock({ schedule: { timezone: NY, intervals: [], holidays: [] } }));
    expect(due.firstResponseDueAt).toBeNull();
    expect(due.slaDueAt).toBeNull();
  });
});

describe("slaProgress", () => {
  it("reports the share of each target elapsed in business time", () => {
    expect(slaProgress(clock(), at("2024-05-06T10:15")).first_response).toBeCloseTo(0.5);
    const overnight = clock({ createdAt: at("2024-05-06T16:45") });
    expect(slaProgress(overnight, at("2024-05-07T09:10")).first_response).toBeCloseTo(25 / 30);
    expect(slaProgress(overnight, at("2024-05-07T09:10")).next_response).toBeNull();
  });

  it("freezes a met target at the share when it was met", () => {
    const progress = slaProgress(clock({ firstRespondedAt: at("2024-05-06T10:06") }), at("2024-05-06T16:00"));
    expect(progress.first_response).toBeCloseTo(0.2);
    expect(progress.resolution).toBeCloseTo(6 / 16);
  });
});

describe("detectSlaEvents", () => {
  const state = (overrides: Partial<SlaClockInput> = {}) => {
    const input = clock(overrides);
    return { ...input, ...computeSlaDueTimes(input) };
  };

  it("warns at 75% of the target and breaches at the due time, each with a stable key", () => {
    const ticket = state();
    expect(detectSlaEvents(ticket, at("2024-05-06T10:20"))).toEqual([]);
    expect(detectSlaEvents(ticket, at("2024-05-06T10:23"))).toEqual([
      { target: "first_response", kind: "warning", dueAt: at("2024-05-06T10:30"), clockStartedAt: at("2024-05-06T10:00"), dedupeKey: "sla_warning:first_response:2024-05-06T14:00:00.000Z" },
    ]);
    const breach = detectSlaEvents(ticket, at("2024-05-06T10:30"));
    expect(breach).toEqual([{ target: "first_response", kind: "breach", dueAt: at("2024-05-06T10:30"), clockStartedAt: at("2024-05-06T10:00"), dedupeKey: "sla_breach:first_response:2024-05-06T14:00:00.000Z" }]);
    expect(detectSlaEvents(ticket, at("2024-05-06T12:00"))).toEqual(breach); // same key on every sweep: recorded once
  });

  it("honours a configured share", () => {
    expect(detectSlaEvents(state(), at("2024-05-06T10:16"), 0.5).map((e) => e.kind)).toEqual(["warning"]);
  });

  it("does not count closed hours toward the warning", () => {
    const ticket = state({ createdAt: at("2024-05-10T16:50") }); // due Monday 09:20
    expect(detectSlaEvents(ticket, at("2024-05-11T12:00"))).toEqual([]);
    expect(detectSlaEvents(ticket, at("2024-05-13T09:14")).map((e) => e.kind)).toEqual(["warning"]);
  });

  it("alerts on L1 as soon as the ticket exists", () => {
    const ticket = state({ policy: policyFor({ severity: "L1" }) });
    expect(detectSlaEvents(ticket, at("2024-05-06T10:00")).map((e) => `${e.kind}:${e.target}`)).toEqual(["warning:first_response", "warning:resolution"]);
  });

  it("fires nothing while waiting on the customer or after the target is met", () => {
    expect(detectSlaEvents(state({ pausedAt: at("2024-05-06T10:05") }), at("2024-05-08T10:00"))).toEqual([]);
    const replied = state({ firstRespondedAt: at("2024-05-06T10:10"), lastAgentMessageAt: at("2024-05-06T10:10") });
    expect(detectSlaEvents(replied, at("2024-05-06T11:00"))).toEqual([]);
  });

  it("breaches the next-response target and the resolution target separately", () => {
    const ticket = state({
      firstRespondedAt: at("2024-05-06T10:10"),
      lastAgentMessageAt: at("2024-05-06T10:10"),
      waitingSince: at("2024-05-08T09:00"),
      lastCustomerMessageAt: at("2024-05-08T09:00"),
    });
    const events = detectSlaEvents(ticket, at("2024-05-08T10:30"));
    expect(events.map((e) => e.dedupeKey)).toEqual(["sla_breach:next_response:2024-05-08T13:00:00.000Z", "sla_breach:resolution:2024-05-06T14:00:00.000Z"]);
  });

  it("keys a breach by the target's clock start: a recomputed due time does not record it twice", () => {
    const normal = state();
    const urgent = state({ policy: { ...normal.policy!, firstResponseMinutes: 10 } });
    const late = at("2024-05-06T12:00");
    expect(detectSlaEvents(urgent, late)[0].dueAt).not.toEqual(detectSlaEvents(normal, late)[0].dueAt);
    expect(detectSlaEvents(urgent, late)[0].dedupeKey).toBe(detectSlaEvents(normal, late)[0].dedupeKey);
  });
});

describe("nextSlaCheckAt", () => {
  const state = (overrides: Partial<SlaClockInput> = {}) => {
    const input = clock(overrides);
    return { ...input, ...computeSlaDueTimes(input) };
  };

  it("is the warning time, then the due time, then nothing once every open target is breached", () => {
    // 30 business minutes from 10:00: warning at 10:22:30 (75 %), due 10:30
    const ticket = state({ policy: { ...clock().policy!, resolutionMinutes: null } });
    expect(nextSlaCheckAt(ticket, at("2024-05-06T10:00"))).toEqual(at("2024-05-06T10:22:30"));
    expect(nextSlaCheckAt(ticket, at("2024-05-06T10:25"))).toEqual(at("2024-05-06T10:30"));
    expect(nextSlaCheckAt(ticket, at("2024-05-06T10:31"))).toEqual(SLA_NOTHING_DUE);
  });

  it("is nothing while paused, and the same events detectSlaEvents reports fall due at those times", () => {
    expect(nextSlaCheckAt(state({ pausedAt: at("2024-05-06T10:05") }), at("2024-05-06T10:06"))).toEqual(SLA_NOTHING_DUE);
    const ticket = state();
    const first = nextSlaCheckAt(ticket, at("2024-05-06T10:00"));
    expect(detectSlaEvents(ticket, first).map((e) => e.kind)).toEqual(["warning"]);
    expect(detectSlaEvents(ticket, new Date(first.getTime() - 60_000))).toEqual([]);
  });
});

