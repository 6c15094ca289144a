// Triage accuracy on the labelled set: prints the numbers and the misses, fails under target
// (category ≥ 90 %, L1 recall ≥ 95 % overall). The held-out set is reported on its own line: it was
// written before the last tuning round and never tuned on (round 3: 80 % before that round's
// changes, 88 % after); a floor guards it against regressions, not a target to tune towards.

import { describe, expect, it } from "vitest";
import { HOLDOUT_MESSAGES, LABELLED_MESSAGES, type LabelledMessage } from "./labelled-messages";
import { triageMessage, type TriageResult } from "./triage";

const CATEGORY_TARGET = 0.9;
const L1_RECALL_TARGET = 0.95;
const MIN_MESSAGES = 150;
const HOLDOUT_CATEGORY_FLOOR = 0.8;

interface Scored {
  message: LabelledMessage;
  result: TriageResult;
}

const share = (hits: number, total: number) => (total === 0 ? 1 : hits / total);
const percent = (value: number) => `${(value * 100).toFixed(1)}%`;

function score(scored: Scored[]) {
  const categoryHits = scored.filter((s) => s.result.category === s.message.expected.category).length;
  const severityHits = scored.filter((s) => s.result.severity === s.message.expected.severity).length;
  const escalateHits = scored.filter((s) => s.result.escalate === s.message.expected.escalate).length;
  const l1 = scored.filter((s) => s.message.expected.severity === "L1");
  const predictedL1 = scored.filter((s) => s.result.severity === "L1");
  const l1Hits = l1.filter((s) => s.result.severity === "L1").length;
  return {
    total: scored.length,
    category: share(categoryHits, scored.length),
    severity: share(severityHits, scored.length),
    escalate: share(escalateHits, scored.length),
    l1Recall: share(l1Hits, l1.length),
    l1Precision: share(l1Hits, predictedL1.length),
    l1Count: l1.length,
  };
}

describe("triage accuracy on the labelled set", () => {
  const scored: Scored[] = LABELLED_MESSAGES.map((message) => ({ message, result: triageMessage(message.input) }));
  const overall = score(scored);

  it(`has at least ${MIN_MESSAGES} messages in six languages`, () => {
    expect(LABELLED_MESSAGES.length).toBeGreaterThanOrEqual(MIN_MESSAGES);
    expect(new Set(LABELLED_MESSAGES.map((m) => m.language))).toEqual(new Set(["en", "zh-CN", "es", "de", "fr", "ja"]));
  });

  it("reaches the category and L1-recall targets", () => {
    const lines = [
      `[triage accuracy] ${overall.total} messages: category ${percent(overall.category)}, severity ${percent(overall.severity)}, ` +
        `escalate ${percent(overall.escalate)}, L1 recall ${percent(overall.l1Recall)} (${overall.l1Count} L1), L1 precision ${percent(overall.l1Precision)}`,
    ];
    const holdout = score(scored.filter((x) => HOLDOUT_MESSAGES.includes(x.message)));
    lines.push(
      `  held-out (never tuned on) n=${holdout.total}: category ${percent(holdout.category)}, severity ${percent(holdout.severity)}, ` +
        `escalate ${percent(holdout.escalate)}, L1 recall ${percent(holdout.l1Recall)} (${holdout.l1Count} L1)`,
    );
    const tuning = score(scored.filter((x) => !HOLDOUT_MESSAGES.includes(x.message)));
    lines.push(`  tuning set n=${tuning.total}: category ${percent(tuning.category)}, L1 recall ${percent(tuning.l1Recall)} (${tuning.l1Count} L1)`);
    for (const language of ["en", "zh-CN", "es", "de", "fr", "ja"] as const) {
      const s = score(scored.filter((x) => x.message.language === language));
      lines.push(`  ${language.padEnd(5)} n=${String(s.total).padStart(3)} category ${percent(s.category)}, severity ${percent(s.severity)}, escalate ${percent(s.escalate)}, L1 recall ${percent(s.l1Recall)}`);
    }
    for (const { message, result } of scored) {
      const e = message.expected;
      const misses = [
        result.category !== e.category ? `category ${result.category}≠${e.category}` : "",
        result.severity !== e.severity ? `severity ${result.severity}≠${e.severity}` : "",
        result.escalate !== e.escalate ? `escalate ${result.escalate}≠${e.escalate}` : "",
      ].filter(Boolean);
      if (misses.length > 0) lines.push(`  miss${HOLDOUT_MESSAGES.includes(message) ? " (held-out)" : ""} [${message.language}] ${misses.join("; ")}: ${message.input.text.slice(0, 90)}`);
    }
    console.log(lines.join("\n"));
    expect(overall.category).toBeGreaterThanOrEqual(CATEGORY_TARGET);
    expect(overall.l1Recall).toBeGreaterThanOrEqual(L1_RECALL_TARGET);
    expect(holdout.category).toBeGreaterThanOrEqual(HOLDOUT_CATEGORY_FLOOR);
    expect(holdout.l1Recall).toBeGreaterThanOrEqual(L1_RECALL_TARGET);
  });
});
