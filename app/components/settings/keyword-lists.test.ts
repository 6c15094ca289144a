import { describe, expect, it } from "vitest";
import { defaultTerms, editedTerms, KEYWORD_LIST_PATHS, withEditedTerms } from "./keyword-lists";
import { keywordOverridesSchema } from "../../domain/triage/keywords";

describe("keyword list edits", () => {
  it("lists every editable list with its default terms", () => {
    expect(KEYWORD_LIST_PATHS).toContain("categories.order_status.strong");
    expect(KEYWORD_LIST_PATHS).toContain("severityL1.chargeback");
    for (const path of KEYWORD_LIST_PATHS) expect(defaultTerms(path).length, path).toBeGreaterThan(0);
  });

  it("sets and clears terms at a path, producing overrides the triage schema accepts", () => {
    let overrides = withEditedTerms({}, "add", "categories.order_status.strong", [" where's my parcel ", "where's my parcel", ""]);
    overrides = withEditedTerms(overrides, "remove", "escalation", ["manager"]);
    expect(editedTerms(overrides, "add", "categories.order_status.strong")).toEqual(["where's my parcel"]);
    expect(keywordOverridesSchema.parse(overrides)).toEqual(overrides);
    overrides = withEditedTerms(overrides, "remove", "escalation", []);
    expect(editedTerms(overrides, "remove", "escalation")).toEqual([]);
  });
});
