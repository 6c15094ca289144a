// `shop.support_hours` for templates: the weekly schedule as one readable line in the reader's
// language ("Mon–Fri 09:00–12:30, 13:30–18:00 (Europe/Berlin)"). Days with the same hours are
// grouped into ranges of consecutive days.
import type { WeeklyInterval } from "../business-hours";

const DAY_NAMES: Record<"en" | "zh" | "es", readonly string[]> = {
  en: ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"],
  zh: ["周一", "周二", "周三", "周四", "周五", "周六", "周日"],
  es: ["lun", "mar", "mié", "jue", "vie", "sáb", "dom"],
};

function languageOf(locale: string): keyof typeof DAY_NAMES {
  const primary = locale.split("-")[0]?.toLowerCase();
  return primary === "zh" || primary === "es" ? primary : "en";
}

export function describeSupportHours(intervals: readonly WeeklyInterval[], timezone: string, locale: string): string | null {
  if (intervals.length === 0) return null;
  const language = languageOf(locale);
  const names = DAY_NAMES[language];
  const hoursByDay = new Map<number, string>();
  for (let weekday = 1; weekday <= 7; weekday++) {
    const ranges = intervals
      .filter((interval) => interval.weekday === weekday)
      .sort((a, b) => a.start.localeCompare(b.start))
      .map((interval) => `${interval.start}–${interval.end}`);
    if (ranges.length > 0) hoursByDay.set(weekday, ranges.join(language === "zh" ? "、" : ", "));
  }
  const groups: Array<{ from: number; to: number; hours: string }> = [];
  for (const [weekday, hours] of [...hoursByDay.entries()].sort((a, b) => a[0] - b[0])) {
    const last = groups[groups.length - 1];
    if (last && last.hours === hours && last.to === weekday - 1) last.to = weekday;
    else groups.push({ from: weekday, to: weekday, hours });
  }
  const through = language === "zh" ? "至" : "–";
  const parts = groups.map(({ from, to, hours }) => {
    const days = from === to ? names[from - 1] : `${names[from - 1]}${through}${names[to - 1]}`;
    return `${days} ${hours}`;
  });
  return language === "zh" ? `${parts.join("；")}（${timezone}）` : `${parts.join("; ")} (${timezone})`;
}
