import { describe, expect, it } from "vitest";
import { automatedSendTime, effectiveTimezone, quietHoursEnd, DEFAULT_QUIET_HOURS } from "./quiet-hours";

const at = (iso: string) => new Date(iso);
const HOUR = 3_600_000;

describe("automatedSendTime", () => {
  it("sends now during the customer's day", () => {
    // 14:00 in Berlin (UTC+1 in winter)
    const decision = automatedSendTime({ now: at("2026-01-15T13:00:00Z"), customerTimezone: "Europe/Berlin", shopTimezone: "UTC", previousSends: [] });
    expect(decision).toEqual({ kind: "now", at: at("2026-01-15T13:00:00Z"), timezone: "Europe/Berlin" });
  });

  it("waits until 08:00 local when the message is due at night, in the customer's zone rather than the shop's", () => {
    // 23:30 in Shanghai (UTC+8) = 15:30 UTC; the shop in Berlin is at 16:30, wide awake
    const decision = automatedSendTime({ now: at("2026-01-15T15:30:00Z"), customerTimezone: "Asia/Shanghai", shopTimezone: "Europe/Berlin", previousSends: [] });
    expect(decision).toEqual({ kind: "later", at: at("2026-01-16T00:00:00Z"), timezone: "Asia/Shanghai", reasons: ["quiet_hours"] });
  });

  it("covers the early-morning part of the quiet period (same day's 08:00)", () => {
    const decision = automatedSendTime({ now: at("2026-01-15T05:00:00Z"), shopTimezone: "Europe/Berlin", previousSends: [] }); // 06:00 local
    expect(decision).toMatchObject({ kind: "later", at: at("2026-01-15T07:00:00Z") });
  });

  it("falls back to the shop's zone for an unknown or invalid customer zone, then to UTC", () => {
    expect(effectiveTimezone(null, "America/New_York")).toBe("America/New_York");
    expect(effectiveTimezone("Mars/Olympus", "America/New_York")).toBe("America/New_York");
    expect(effectiveTimezone(undefined, "nonsense")).toBe("UTC");
  });

  it("ends quiet hours at 08:00 local across the spring-forward night (DST)", () => {
    // 2026-03-29: Berlin goes from UTC+1 to UTC+2 at 02:00. 22:00 local on the 28th = 21:00 UTC.
    const end = quietHoursEnd(at("2026-03-28T21:00:00Z"), "Europe/Berlin", DEFAULT_QUIET_HOURS);
    expect(end).toEqual(at("2026-03-29T06:00:00Z")); // 08:00 CEST
  });

  it("skips a second automated message within 24 h by default (cap 1 per 24 h)", () => {
    const decision = automatedSendTime({ now: at("2026-01-15T13:00:00Z"), shopTimezone: "Europe/Berlin", previousSends: [at("2026-01-15T09:00:00Z")] });
    expect(decision).toEqual({ kind: "skip", reason: "cap", timezone: "Europe/Berlin" });
  });

  it("defers past the cap when asked, then past quiet hours", () => {
    // The earlier send leaves the 24 h window at 2026-01-16T21:30Z = 22:30 Berlin: quiet, so 08:00 next day.
    const decision = automatedSendTime({
      now: at("2026-01-16T10:00:00Z"),
      shopTimezone: "Europe/Berlin",
      previousSends: [at("2026-01-15T21:30:00Z")],
      onCap: "defer",
    });
    expect(decision).toEqual({ kind: "later", at: at("2026-01-17T07:00:00Z"), timezone: "Europe/Berlin", reasons: ["cap", "quiet_hours"] });
  });

  it("judges the cap at the actual send time: a night-time send 20 h ago has left the window by morning", () => {
    // previous send 2026-01-15T09:00Z; now 2026-01-16T05:00Z (06:00 Berlin, quiet) → 07:00Z, 22 h later: still within 24 h → skip
    expect(automatedSendTime({ now: at("2026-01-16T05:00:00Z"), shopTimezone: "Europe/Berlin", previousSends: [at("2026-01-15T09:00:00Z")] }).kind).toBe("skip");
    // previous send 2026-01-15T06:30Z → by 2026-01-16T07:00Z it is 24.5 h old → allowed at 08:00 local
    expect(automatedSendTime({ now: at("2026-01-16T05:00:00Z"), shopTimezone: "Europe/Berlin", previousSends: [at("2026-01-15T06:30:00Z")] })).toMatchObject({
      kind: "later",
      at: at("2026-01-16T07:00:00Z"),
    });
  });

  it("keeps the minimum spacing with a higher cap", () => {
    const decision = automatedSendTime({
      now: at("2026-01-15T12:00:00Z"),
      shopTimezone: "UTC",
      settings: { maxPerWindow: 3, minSpacingMinutes: 120 },
      previousSends: [at("2026-01-15T11:00:00Z")],
    });
    expect(decision).toEqual({ kind: "later", at: new Date(at("2026-01-15T11:00:00Z").getTime() + 2 * HOUR), timezone: "UTC", reasons: ["spacing"] });
  });

  it("skips a message that could only go out after notAfter", () => {
    const decision = automatedSendTime({ now: at("2026-01-15T22:00:00Z"), shopTimezone: "UTC", previousSends: [], notAfter: at("2026-01-16T07:00:00Z") });
    expect(decision).toEqual({ kind: "skip", reason: "expired", timezone: "UTC" });
  });

  it("can be switched off, and an empty quiet period (start = end) never delays", () => {
    const night = at("2026-01-15T23:00:00Z");
    expect(automatedSendTime({ now: night, shopTimezone: "UTC", previousSends: [], settings: { enabled: false } }).kind).toBe("now");
    expect(automatedSendTime({ now: night, shopTimezone: "UTC", previousSends: [], settings: { start: "00:00", end: "00:00" } }).kind).toBe("now");
  });

  it("supports a same-day quiet period (e.g. 12:00–14:00)", () => {
    const decision = automatedSendTime({ now: at("2026-01-15T12:30:00Z"), shopTimezone: "UTC", previousSends: [], settings: { start: "12:00", end: "14:00" } });
    expect(decision).toMatchObject({ kind: "later", at: at("2026-01-15T14:00:00Z") });
  });
});
