import { describe, expect, it } from "vitest";
import { APP_URL } from "@shopify/shopify-api/test-helpers";
import prisma from "../../app/db.server";
import { loader } from "../../app/routes/app._index";
import { createShop, createTicket, uniqueShopDomain } from "../factories";
import { adminRequest } from "../helpers/admin-request";

describe("inbox loader", () => {
  it("lists only the authenticated shop's active tickets, soonest SLA due first", async () => {
    // GIVEN two shops with tickets
    const shop = await createShop(prisma, { domain: uniqueShopDomain("inbox") });
    const other = await createShop(prisma);
    const later = await createTicket(prisma, shop.id, { number: 2, slaDueAt: new Date(Date.now() + 7_200_000) });
    const sooner = await createTicket(prisma, shop.id, { number: 1, slaDueAt: new Date(Date.now() + 600_000) });
    await createTicket(prisma, shop.id, { number: 3, status: "resolved" });
    await createTicket(prisma, other.id, { number: 1, subject: "Other shop's secret" });

    // WHEN the shop's admin loads the inbox
    const data = await loader({ request: await adminRequest(shop.domain, "/app"), params: {}, context: {} });

    // THEN only its active tickets show, in SLA order, and nothing of the other shop leaks
    expect(data.rows.map((row) => row.id)).toEqual([sooner.id, later.id]);
    expect(JSON.stringify(data)).not.toContain("Other shop's secret");
    expect(data.counts).toMatchObject({ open: 2, resolved: 1 });
  });

  it("creates the shop row on first sight and shows an empty inbox", async () => {
    const domain = uniqueShopDomain("fresh");
    const data = await loader({ request: await adminRequest(domain, "/app"), params: {}, context: {} });
    expect(data.rows).toEqual([]);
    expect(await prisma.shop.findUnique({ where: { domain } })).not.toBeNull();
  });

  it("pages with a cursor", async () => {
    const shop = await createShop(prisma, { domain: uniqueShopDomain("paging") });
    for (let number = 1; number <= 55; number++) await createTicket(prisma, shop.id, { number, slaDueAt: new Date(Date.now() + number * 60_000) });
    const first = await loader({ request: await adminRequest(shop.domain, "/app"), params: {}, context: {} });
    expect(first.rows).toHaveLength(50);
    expect(first.nextCursor).not.toBeNull();
    const second = await loader({ request: await adminRequest(shop.domain, `/app?cursor=${first.nextCursor}`), params: {}, context: {} });
    expect(second.rows.map((row) => row.number)).toEqual([51, 52, 53, 54, 55]);
    expect(second.nextCursor).toBeNull();
  });

  it("rejects a request without a valid session token", async () => {
    const response = await loader({ request: new Request(`${APP_URL}/app?shop=x.myshopify.com`), params: {}, context: {} }).catch((thrown) => thrown);
    expect(response).toBeInstanceOf(Response);
    expect([302, 401, 410]).toContain((response as Response).status);
  });
});
