import { describe, expect, it } from "vitest";
import { parseSqlTime, SqlParams, timeText } from "../../app/models/inbox-sql.server";
import { sqlDateIso } from "../../app/db/model-rows.server";

describe("inbox SQL helpers", () => {
  it("numbers PostgreSQL placeholders and keeps SQLite's positional, values in textual order", () => {
    const sqlite = new SqlParams("sqlite");
    expect(`${sqlite.add("a")} ${sqlite.list(["b", "c"])} ${sqlite.time(new Date("2026-01-02T03:04:05.006Z"))}`).toBe("? ?, ? ?");
    expect(sqlite.values).toEqual(["a", "b", "c", "2026-01-02T03:04:05.006+00:00"]);
    const postgres = new SqlParams("postgresql");
    expect(`${postgres.add("a")} ${postgres.time(new Date("2026-01-02T03:04:05.006Z"))} ${postgres.inIds("t.id", ["x", "y"])}`).toBe(
      "$1 $2::timestamp t.id IN (SELECT jsonb_array_elements_text($3::jsonb))",
    );
    expect(postgres.values).toEqual(["a", "2026-01-02T03:04:05.006Z", '["x","y"]']);
    expect(new SqlParams("sqlite").inIds("t.id", ["x"])).toBe("t.id IN (SELECT value FROM json_each(?))");
  });

  it("reads instants back in every form the drivers return them", () => {
    const instant = new Date("2026-01-02T03:04:05.006Z");
    expect(parseSqlTime("2026-01-02T03:04:05.006+00:00")).toEqual(instant); // Prisma's SQLite text
    expect(parseSqlTime("2026-01-02T03:04:05.006Z")).toEqual(instant); // to_char on PostgreSQL
    expect(parseSqlTime("2026-01-02 03:04:05.006")).toEqual(instant); // SQLite CURRENT_TIMESTAMP form: UTC
    expect(parseSqlTime(instant)).toBe(instant);
    expect(parseSqlTime(null)).toBeNull();
    expect(timeText("postgresql", 't."slaDueAt"')).toContain("to_char");
    expect(timeText("sqlite", 't."slaDueAt"')).toBe('t."slaDueAt"');
  });
});

describe("sqlDateIso", () => {
  it("gives the same ISO text as parsing would, for every stored form", () => {
    const expected = "2026-01-02T03:04:05.006Z";
    for (const stored of ["2026-01-02T03:04:05.006+00:00", "2026-01-02T03:04:05.006Z", "2026-01-02 03:04:05.006", "2026-01-02T04:04:05.006+01:00", 1767323045006]) {
      expect(sqlDateIso(stored)).toBe(expected);
    }
    expect(sqlDateIso(new Date(expected))).toBe(expected);
  });
});
