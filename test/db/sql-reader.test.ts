// The direct SQL reader: the same rows Prisma would return, on the connection Prisma uses, never inside
// another caller's open transaction (SQLite), on whichever database TEST_DATABASE_URL picks.
import type { Agent, Shop } from "@prisma/client";
import { describe, expect, it } from "vitest";
import prisma from "../../app/db.server";
import { modelColumns, modelFromRow } from "../../app/db/model-rows.server";
import { sqlReaderFor } from "../../app/db/sql-reader.server";
import { findShopWithAgent } from "../../app/models/shops.server";
import { createShop, uniqueShopDomain } from "../factories";

describe("findShopWithAgent on the direct reader", () => {
  it("returns the shop and agent exactly as Prisma reads them: dates, JSON, numbers and nulls", async () => {
    // GIVEN a shop with settings, an uninstall date and an agent with a last assignment
    const shop = await createShop(prisma, { domain: uniqueShopDomain("reader-shop") });
    await prisma.shop.update({
      where: { id: shop.id },
      data: { settings: { lowStockThreshold: 3, nested: { zh: "退款", list: [1, true, null] } }, uninstalledAt: new Date("2026-02-03T04:05:06.789Z"), nextTicketNumber: 4321 },
    });
    await prisma.agent.create({ data: { shopId: shop.id, shopifyStaffId: "77", name: "Ada", lastAssignedAt: new Date("2026-01-01T00:00:00.001Z"), maxOpenTickets: 9 } });
    await prisma.agent.create({ data: { shopId: shop.id, shopifyStaffId: "78", name: "Other" } });

    // WHEN it is read for staff member 77
    const found = await findShopWithAgent(prisma, shop.domain, "77");

    // THEN both objects equal Prisma's own reads, field for field and type for type
    const expectedShop = await prisma.shop.findUniqueOrThrow({ where: { id: shop.id } });
    const expectedAgent = await prisma.agent.findUniqueOrThrow({ where: { shopId_shopifyStaffId: { shopId: shop.id, shopifyStaffId: "77" } } });
    expect(found!.shop).toStrictEqual(expectedShop);
    expect(found!.agent).toStrictEqual(expectedAgent);
    expect(found!.shop.updatedAt).toBeInstanceOf(Date);
    expect(typeof found!.agent!.maxOpenTickets).toBe("number");
  });

  it("has no agent for an unknown staff member, and nothing for an unknown shop", async () => {
    const shop = await createShop(prisma, { domain: uniqueShopDomain("reader-noagent") });
    const found = await findShopWithAgent(prisma, shop.domain, "999");
    expect(found!.shop.id).toBe(shop.id);
    expect(found!.agent).toBeNull();
    expect(await findShopWithAgent(prisma, uniqueShopDomain("reader-missing"), "1")).toBeNull();
  });

  it("does not take another shop's agent with the same staff id", async () => {
    const shop = await createShop(prisma, { domain: uniqueShopDomain("reader-a") });
    const other = await createShop(prisma, { domain: uniqueShopDomain("reader-b") });
    await prisma.agent.create({ data: { shopId: other.id, shopifyStaffId: "5", name: "Elsewhere" } });
    expect((await findShopWithAgent(prisma, shop.domain, "5"))!.agent).toBeNull();
  });
});

describe("sqlReaderFor", () => {
  it("binds values and reads what Prisma wrote", async () => {
    const shop = await createShop(prisma, { domain: uniqueShopDomain("reader-bind") });
    const reader = sqlReaderFor(prisma);
    const placeholder = reader.dialect === "sqlite" ? "?" : "$1";
    const rows = await reader.rows<Record<string, unknown>>(`SELECT ${modelColumns("Shop", "s", reader.dialect)} FROM "Shop" s WHERE s.id = ${placeholder}`, [shop.id]);
    expect(rows).toHaveLength(1);
    expect(modelFromRow<Shop>("Shop", rows[0]!, "s.")).toStrictEqual(await prisma.shop.findUniqueOrThrow({ where: { id: shop.id } }));
  });

  it("reads a model keyed by two columns (no id), with JSON and a nullable integer, as Prisma does", async () => {
    const shop = await createShop(prisma, { domain: uniqueShopDomain("reader-composite") });
    const expiresAt = new Date("2026-05-06T07:08:09.010Z");
    await prisma.adminCacheEntry.create({ data: { shopId: shop.id, key: "k1", value: { orders: [{ name: "#1001", total: "12.50" }] }, cost: 60, expiresAt } });
    await prisma.adminCacheEntry.create({ data: { shopId: shop.id, key: "k2", value: [], cost: null, expiresAt } });
    const reader = sqlReaderFor(prisma);
    const placeholder = (position: number) => (reader.dialect === "sqlite" ? "?" : `$${position}`);
    const rows = await reader.rows<Record<string, unknown>>(
      `SELECT ${modelColumns("AdminCacheEntry", "e", reader.dialect)} FROM "AdminCacheEntry" e WHERE e."shopId" = ${placeholder(1)} ORDER BY e.key`,
      [shop.id],
    );
    const expected = await prisma.adminCacheEntry.findMany({ where: { shopId: shop.id }, orderBy: { key: "asc" } });
    expect(rows.map((row) => modelFromRow("AdminCacheEntry", row, "e."))).toStrictEqual(expected);
  });

  it("keeps reading after the client disconnects and reconnects (a new connection or pool)", async () => {
    const shop = await createShop(prisma, { domain: uniqueShopDomain("reader-reconnect") });
    await prisma.$disconnect();
    // The reader connects the client itself when nothing has since
    expect((await findShopWithAgent(prisma, shop.domain, "1"))!.shop.id).toBe(shop.id);
    await prisma.$disconnect();
    await prisma.shop.update({ where: { id: shop.id }, data: { name: "Reconnected" } });
    expect((await findShopWithAgent(prisma, shop.domain, "1"))!.shop.name).toBe("Reconnected");
  });

  it("reads through Prisma inside a transaction client, with the same result", async () => {
    const shop = await createShop(prisma, { domain: uniqueShopDomain("reader-tx") });
    const found = await prisma.$transaction(async (tx) => {
      await tx.agent.create({ data: { shopId: shop.id, shopifyStaffId: "12", name: "In transaction" } });
      return findShopWithAgent(tx as typeof prisma, shop.domain, "12");
    });
    expect(found!.agent).toMatchObject<Partial<Agent>>({ shopId: shop.id, name: "In transaction" });
  });

  it("waits for an open transaction instead of reading inside it, and sees what it committed", async () => {
    const shop = await createShop(prisma, { domain: uniqueShopDomain("reader-wait") });
    let releaseTransaction!: () => void;
    const held = new Promise<void>((resolve) => (releaseTransaction = resolve));
    let inserted!: () => void;
    const insertDone = new Promise<void>((resolve) => (inserted = resolve));
    const transaction = prisma.$transaction(async (tx) => {
      await tx.agent.create({ data: { shopId: shop.id, shopifyStaffId: "31", name: "Committed" } });
      inserted();
      await held;
    });
    await insertDone;
    // WHEN a read starts while the transaction is open
    const read = findShopWithAgent(prisma, shop.domain, "31");
    releaseTransaction();
    await transaction;
    // THEN it saw the committed row (SQLite: it waited; PostgreSQL: another connection, so it read
    // either before the commit or after it — never the uncommitted row and then a rollback)
    const found = await read;
    if (sqlReaderFor(prisma).dialect === "sqlite") expect(found!.agent).toMatchObject({ name: "Committed" });
    else expect(found!.agent === null || found!.agent.name === "Committed").toBe(true);
  });
});
