import { describe, expect, it } from "vitest";
import { describeSupportHours } from "./support-hours";

const weekdays = [1, 2, 3, 4, 5].flatMap((weekday) => [
  { weekday, start: "09:00", end: "12:30" },
  { weekday, start: "13:30", end: "18:00" },
]);

describe("describeSupportHours", () => {
  it("groups consecutive days with the same hours, in the reader's language", () => {
    const hours = [...weekdays, { weekday: 6, start: "10:00", end: "14:00" }];
    expect(describeSupportHours(hours, "Europe/Berlin", "en-US")).toBe("Mon–Fri 09:00–12:30, 13:30–18:00; Sat 10:00–14:00 (Europe/Berlin)");
    expect(describeSupportHours(hours, "Asia/Shanghai", "zh-CN")).toBe("周一至周五 09:00–12:30、13:30–18:00；周六 10:00–14:00（Asia/Shanghai）");
    expect(describeSupportHours(weekdays, "Europe/Madrid", "es")).toBe("lun–vie 09:00–12:30, 13:30–18:00 (Europe/Madrid)");
  });

  it("does not group days that are not consecutive, and is null without hours", () => {
    const hours = [{ weekday: 1, start: "09:00", end: "17:00" }, { weekday: 3, start: "09:00", end: "17:00" }];
    expect(describeSupportHours(hours, "UTC", "en")).toBe("Mon 09:00–17:00; Wed 09:00–17:00 (UTC)");
    expect(describeSupportHours([], "UTC", "en")).toBeNull();
  });
});
