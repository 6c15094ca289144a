// Evidence retention: the export (CLI, privacy page) writes tickets, messages and events as JSONL; the
// import restores them exactly, and importing the same file again changes nothing.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import prisma from "../../app/db.server";
import { loader as evidenceLoader } from "../../app/routes/app.privacy.evidence";
import { exportEvidenceJsonl, importEvidenceJsonl } from "../../app/services/compliance/evidence.server";
import { createShop, createTicket, uniqueShopDomain } from "../factories";
import { adminRequest } from "../helpers/admin-request";
import { repoRoot } from "../setup/databases";

async function shopWithHistory() {
  const shop = await createShop(prisma, { domain: uniqueShopDomain("evidence") });
  const old = await createTicket(prisma, shop.id, { subject: "Old dispute" });
  await prisma.ticket.update({ where: { id: old.id }, data: { createdAt: new Date("2026-01-10T00:00:00Z"), lastActivityAt: new Date("2026-01-11T00:00:00Z") } });
  const recent = await createTicket(prisma, shop.id, { subject: "Chargeback 中文 ✓" });
  await prisma.ticketTag.create({ data: { ticketId: recent.id, shopId: shop.id, tag: "chargeback" } });
  await prisma.ticketOrder.create({ data: { ticketId: recent.id, shopId: shop.id, shopifyOrderId: "gid://shopify/Order/42", orderName: "#1042" } });
  await prisma.message.create({ data: { shopId: shop.id, ticketId: recent.id, direction: "outbound", authorType: "agent", bodyText: "Tracking: 1Z999", bodyHtml: "<p>Tracking: 1Z999</p>", channel: "email", deliveryStatus: "sent", sentAt: new Date() } });
  await prisma.ticketEvent.create({ data: { shopId: shop.id, ticketId: recent.id, type: "order_event", actorType: "shopify", data: { kind: "delivered", orderName: "#1042" }, dedupeKey: "order:42:delivered:1" } });
  await prisma.customer.update({ where: { id: recent.customerId! }, data: { lifetimeSpent: "123.45", lifetimeCurrency: "USD" } });
  return { shop, old, recent };
}

async function snapshotOf(shopId: string) {
  const tickets = await prisma.ticket.findMany({ where: { shopId }, orderBy: { id: "asc" }, include: { tags: true, orders: true, customer: true } });
  const messages = await prisma.message.findMany({ where: { shopId }, orderBy: { id: "asc" } });
  const events = await prisma.ticketEvent.findMany({ where: { shopId }, orderBy: { id: "asc" } });
  return JSON.parse(JSON.stringify({ tickets, messages, events }));
}

function desk(...args: string[]) {
  const result = spawnSync(path.join(repoRoot, "node_modules", ".bin", "tsx"), [path.join(repoRoot, "app", "cli", "desk.ts"), ...args], { encoding: "utf8", timeout: 60_000, env: process.env });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("evidence export and import", () => {
  it("round-trips tickets, messages and events exactly, and a second import changes nothing", async () => {
    // GIVEN a shop's history, exported
    const { shop } = await shopWithHistory();
    const before = await snapshotOf(shop.id);
    const jsonl = await exportEvidenceJsonl(prisma, { shopId: shop.id, shopDomain: shop.domain });
    const types = jsonl.trim().split("\n").map((line) => JSON.parse(line).type);
    expect(types[0]).toBe("header");
    expect(types.filter((type) => type === "ticket")).toHaveLength(2);
    // WHEN the data is lost and the file imported, twice
    await prisma.ticket.deleteMany({ where: { shopId: shop.id } });
    await prisma.customer.deleteMany({ where: { shopId: shop.id } });
    const first = await importEvidenceJsonl(prisma, jsonl);
    const second = await importEvidenceJsonl(prisma, jsonl);
    // THEN everything is back as it was; the second import skipped every record
    expect(await snapshotOf(shop.id)).toEqual(before);
    expect(first.created).toMatchObject({ ticket: 2, message: 3, event: 1, customer: 2, ticket_tag: 1, ticket_order: 1 });
    expect(second.created).toEqual({});
    expect(Object.values(second.skipped).reduce((a, b) => a + b, 0)).toBe(Object.values(first.created).reduce((a, b) => a + b, 0));
  });

  it("runs from the desk CLI with --since, and the privacy page serves the same file", async () => {
    const { shop, recent, old } = await shopWithHistory();
    const dir = mkdtempSync(path.join(tmpdir(), "shopdesk-evidence-"));
    const file = path.join(dir, "evidence.jsonl");
    // WHEN exported since June through the CLI
    const exported = desk("export", "--shop", shop.domain, "--since", "2026-06-01", "--out", file);
    expect(exported.stderr).toMatch(/exported \d+ records/);
    expect(exported.status).toBe(0);
    const text = readFileSync(file, "utf8");
    const tickets = text.trim().split("\n").map((line) => JSON.parse(line)).filter((record) => record.type === "ticket");
    // THEN only the recent ticket is in it
    expect(tickets.map((record) => record.data.id)).toEqual([recent.id]);
    expect(text).not.toContain(old.id);
    // AND the import restores it after loss, idempotently
    await prisma.ticket.delete({ where: { id: recent.id } });
    const imported = desk("import", file);
    expect(imported.status).toBe(0);
    expect(JSON.parse(imported.stdout)).toMatchObject({ shop: shop.domain, created: { ticket: 1 } });
    expect(JSON.parse(desk("import", file).stdout).created).toEqual({});
    expect(await prisma.ticket.findUniqueOrThrow({ where: { id: recent.id } })).toMatchObject({ subject: "Chargeback 中文 ✓" });
    // AND the merchant's download from the privacy page is the same records
    const response = (await evidenceLoader({ request: await adminRequest(shop.domain, "/app/privacy/evidence?since=2026-06-01"), params: {}, context: {} })) as Response;
    expect(response.headers.get("Content-Type")).toContain("ndjson");
    const download = (await response.text()).trim().split("\n").slice(1);
    expect(download).toEqual(text.trim().split("\n").slice(1));
  }, 120_000);

  it("refuses bad input clearly", async () => {
    expect(desk("export").status).toBe(2);
    const unknown = desk("export", "--shop", "no-such-shop.myshopify.com");
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/no shop no-such-shop/);
    const badDate = desk("export", "--shop", "x.myshopify.com", "--since", "yesterday");
    expect(badDate.stderr).toMatch(/--since must be a date/);
    await expect(importEvidenceJsonl(prisma, '{"type":"ticket"}\n')).rejects.toThrow(/first line must be its header/);
    const shop = await createShop(prisma, { domain: uniqueShopDomain("badimport") });
    const response = (await evidenceLoader({ request: await adminRequest(shop.domain, "/app/privacy/evidence?since=soon"), params: {}, context: {} })) as Response;
    expect(response.status).toBe(400);
  }, 60_000);
});
