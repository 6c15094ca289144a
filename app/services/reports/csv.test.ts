import { describe, expect, it } from "vitest";
import { csvCell, toCsv } from "./csv";

describe("toCsv", () => {
  it("quotes commas, quotes and newlines; keeps numbers and Chinese as they are", () => {
    expect(toCsv([["a,b", 'say "hi"', "two\nlines", 12.5, null, "包装破损"]])).toBe('"a,b","say ""hi""","two\nlines",12.5,,包装破损\r\n');
  });

  it("defuses spreadsheet formulas in customer text, but not negative numbers", () => {
    expect(csvCell("=HYPERLINK(\"http://evil\")")).toBe("\"'=HYPERLINK(\"\"http://evil\"\")\"");
    expect(csvCell("+1 555")).toBe("'+1 555");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell("-12.5")).toBe("-12.5");
    expect(csvCell(-3)).toBe("-3");
  });
});
