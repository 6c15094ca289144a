// The SQLite adapter's statement cache: the same text is prepared once, parameters apply per run,
// and the least recently used statement goes first when the cache is full.
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { cachePreparedStatements } from "../../app/db/serialized-sqlite-adapter.server";

function database() {
  const db = new Database(":memory:");
  db.exec("CREATE TABLE item (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE)");
  let prepared = 0;
  const prepare = db.prepare.bind(db);
  db.prepare = ((sql: string) => {
    prepared++;
    return prepare(sql);
  }) as typeof db.prepare;
  cachePreparedStatements(db as never, 2);
  return { db: db as unknown as { prepare(sql: string): { reader: boolean; run(): unknown; bind(params: unknown[]): { reader: boolean; run(): { changes: number }; columns(): { name: string }[]; raw(): { all(): unknown[][] } } } }, prepared: () => prepared };
}

describe("cachePreparedStatements", () => {
  it("prepares a text once and applies each run's own parameters", () => {
    const { db, prepared } = database();
    const insert = "INSERT INTO item (name) VALUES (?)";
    expect(db.prepare(insert).bind(["a"]).run().changes).toBe(1);
    expect(db.prepare(insert).bind(["b"]).run().changes).toBe(1);
    const select = db.prepare("SELECT id, name FROM item WHERE name = ?").bind(["b"]);
    expect(select.reader).toBe(true);
    expect(select.columns().map((column) => column.name)).toEqual(["id", "name"]);
    expect(select.raw().all()).toEqual([[2, "b"]]);
    expect(db.prepare("SELECT id, name FROM item WHERE name = ?").bind(["a"]).raw().all()).toEqual([[1, "a"]]);
    expect(prepared()).toBe(2);
    // A failed run (unique violation) leaves the statement usable.
    expect(() => db.prepare(insert).bind(["a"]).run()).toThrow(/UNIQUE/);
    expect(db.prepare(insert).bind(["c"]).run().changes).toBe(1);
    expect(prepared()).toBe(2);
  });

  it("evicts the least recently used text when full", () => {
    const { db, prepared } = database();
    db.prepare("SELECT 1").bind([]).raw().all();
    db.prepare("SELECT 2").bind([]).raw().all();
    db.prepare("SELECT 1").bind([]).raw().all(); // 1 is now the most recent
    db.prepare("SELECT 3").bind([]).raw().all(); // evicts 2
    expect(prepared()).toBe(3);
    db.prepare("SELECT 1").bind([]).raw().all();
    expect(prepared()).toBe(3);
    db.prepare("SELECT 2").bind([]).raw().all();
    expect(prepared()).toBe(4);
  });
});

describe("beginImmediate", () => {
  it("takes the write lock at BEGIN, so another connection cannot write in between", async () => {
    const { mkdtempSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const path = await import("node:path");
    const { beginImmediate } = await import("../../app/db/serialized-sqlite-adapter.server");
    const file = path.join(mkdtempSync(path.join(tmpdir(), "shopdesk-immediate-")), "db.sqlite");
    const first = new Database(file);
    first.pragma("journal_mode = WAL");
    first.exec("CREATE TABLE t (v INTEGER)");
    const second = new Database(file, { timeout: 50 });
    beginImmediate(first as never);
    first.prepare("BEGIN").run();
    expect(() => second.prepare("INSERT INTO t VALUES (1)").run()).toThrow(/locked|busy/i);
    first.prepare("INSERT INTO t VALUES (2)").run();
    first.prepare("COMMIT").run();
    second.prepare("INSERT INTO t VALUES (3)").run();
    expect(first.prepare("SELECT count(*) AS n FROM t").get()).toEqual({ n: 2 });
    first.close();
    second.close();
  });
});
