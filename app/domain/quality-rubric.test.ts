import { describe, expect, it } from "vitest";
import { parseQualityScores, sampleOrder } from "./quality-rubric";

describe("parseQualityScores", () => {
  it("computes the mean as a percentage", () => {
    expect(parseQualityScores({ solution: "5", process: "5", empathy: "5", clarity: "5", efficiency: "5" })).toMatchObject({ ok: true, totalScore: 100 });
    expect(parseQualityScores({ solution: 4, process: 3, empathy: 5, clarity: 4, efficiency: 2 })).toMatchObject({ ok: true, totalScore: 72 });
  });

  it("names every missing or out-of-range item", () => {
    expect(parseQualityScores({ solution: "6", process: "0", empathy: "x", clarity: "4" })).toEqual({
      ok: false,
      errors: { solution: "invalid", process: "invalid", empathy: "invalid", efficiency: "invalid" },
    });
  });
});

describe("sampleOrder", () => {
  it("is stable and independent of the input order", () => {
    const ids = ["a", "b", "c", "d", "e", "f"];
    expect(sampleOrder(ids)).toEqual(sampleOrder([...ids].reverse()));
    expect(sampleOrder(ids)).toHaveLength(6);
  });
});
