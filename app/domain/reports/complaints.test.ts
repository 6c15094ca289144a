import { describe, expect, it } from "vitest";
import { isRising, reasonTerms, reasonTrends } from "./complaints";

const damaged = (terms: string[]) => [{ rule: "category:damaged_wrong_missing", detail: `score 9: ${terms.map((term) => `"${term}"`).join(", ")}` }, { rule: "priority", detail: "normal" }];

describe("reasonTerms", () => {
  it("reads the matched phrases of the ticket's category rule, longest phrase only", () => {
    expect(reasonTerms(damaged(["packaging damaged", "damaged", "Crushed"]), "damaged_wrong_missing")).toEqual(["packaging damaged", "crushed"]);
    expect(reasonTerms(damaged(["damaged"]), "complaint")).toEqual([]);
    expect(reasonTerms(null, "complaint")).toEqual([]);
    expect(reasonTerms([{ rule: "category:complaint", detail: 'score 3: "失望"' }], "complaint")).toEqual(["失望"]);
  });
});

describe("isRising", () => {
  it("needs three months of growth in a row", () => {
    expect(isRising([1, 2, 3, 4])).toBe(true);
    expect(isRising([5, 1, 2, 3, 4])).toBe(true);
    expect(isRising([1, 2, 2, 4])).toBe(false);
    expect(isRising([2, 3, 4])).toBe(false);
  });
});

describe("reasonTrends", () => {
  it("counts reasons per month, flags the rising one first, keeps examples", () => {
    const tickets = [
      ...[0, 1, 1, 2, 2, 2, 3, 3, 3, 3].map((monthIndex, index) => ({ id: `p${index}`, category: "damaged_wrong_missing", monthIndex, triageReasons: damaged(["packaging damaged"]) })),
      ...[0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3].map((monthIndex, index) => ({ id: `w${index}`, category: "damaged_wrong_missing", monthIndex, triageReasons: damaged(["wrong item"]) })),
    ];
    const trends = reasonTrends(tickets, 4);
    expect(trends.map((trend) => [trend.reason, trend.counts, trend.rising])).toEqual([
      ["packaging damaged", [1, 2, 3, 4], true],
      ["wrong item", [11, 0, 0, 1], false],
    ]);
    expect(trends[0]!.exampleTicketIds).toEqual(["p0", "p1", "p2"]);
  });
});
