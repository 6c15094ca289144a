// customers/data_request: a JSON export of the customer's tickets, messages and events, listed on the
// privacy page and downloadable there.
import { describe, expect, it } from "vitest";
import prisma from "../../app/db.server";
import { loader as exportLoader } from "../../app/routes/app.privacy.exports.$exportId";
import { loader as privacyLoader } from "../../app/routes/app.privacy";
import { createShop, createTicket, uniqueShopDomain } from "../factories";
import { adminRequest } from "../helpers/admin-request";
import { deliver, drainJobs } from "../webhooks/harness";

describe("customers/data_request", () => {
  it("builds the customer's export and shows it on the privacy page with a download", async () => {
    // GIVEN a customer with two tickets (messages, an event) and another customer
    const shop = await createShop(prisma, { domain: uniqueShopDomain("datareq") });
    const first = await createTicket(prisma, shop.id, { customerEmail: "pat.requester@example.com", subject: "Where is my parcel" });
    const customerId = first.customerId!;
    const second = await prisma.ticket.create({ data: { shopId: shop.id, number: 2, subject: "Second question", customerId, messages: { create: { shopId: shop.id, direction: "inbound", authorType: "customer", bodyText: "Another one", channel: "email" } } } });
    await prisma.ticketEvent.create({ data: { shopId: shop.id, ticketId: second.id, type: "status_changed", data: { from: "open", to: "pending" } } });
    const stranger = await createTicket(prisma, shop.id, { customerEmail: "someone.else@example.com" });

    // WHEN Shopify forwards the request and the job runs
    const result = await deliver(shop.domain, "customers/data_request", { shop_id: 954889, shop_domain: shop.domain, orders_requested: [299938, 280263], customer: { id: 191167, email: "pat.requester@example.com", phone: "555-625-1199" }, data_request: { id: 9999 } });
    expect(result.status).toBe(200);
    await drainJobs(shop);

    // THEN one ready export holds exactly this customer's tickets, messages and events
    const row = await prisma.dataExport.findFirstOrThrow({ where: { shopId: shop.id, kind: "customer_data_request" } });
    expect(row).toMatchObject({ status: "ready", customerId });
    const document = JSON.parse(row.content!);
    expect(document).toMatchObject({ shop: shop.domain, dataRequestId: "9999", ordersRequested: ["299938", "280263"] });
    expect(document.tickets.map((t: { id: string }) => t.id).sort()).toEqual([first.id, second.id].sort());
    expect(document.messages).toHaveLength(2);
    expect(document.events.map((e: { type: string }) => e.type)).toContain("status_changed");
    expect(JSON.stringify(document)).not.toContain(stranger.id);

    // AND the privacy page lists it, and the download returns it as a JSON attachment
    const page = await privacyLoader({ request: await adminRequest(shop.domain, "/app/privacy"), params: {}, context: {} });
    const data = (page instanceof Response ? await page.json() : page) as { dataRequests: { id: string; customerEmail: string; tickets: number }[] };
    expect(data.dataRequests).toEqual([expect.objectContaining({ id: row.id, customerEmail: "pat.requester@example.com", tickets: 2 })]);
    const download = (await exportLoader({ request: await adminRequest(shop.domain, `/app/privacy/exports/${row.id}`), params: { exportId: row.id }, context: {} })) as Response;
    expect(download.status).toBe(200);
    expect(download.headers.get("Content-Disposition")).toContain(`shopdesk-customer-data-${row.id}.json`);
    expect(JSON.parse(await download.text())).toEqual(document);
  });

  it("does not hand one shop's export to another shop", async () => {
    const shop = await createShop(prisma, { domain: uniqueShopDomain("owner") });
    const other = await createShop(prisma, { domain: uniqueShopDomain("other") });
    const row = await prisma.dataExport.create({ data: { shopId: shop.id, kind: "customer_data_request", status: "ready", content: "{}" } });
    const response = (await exportLoader({ request: await adminRequest(other.domain, `/app/privacy/exports/${row.id}`), params: { exportId: row.id }, context: {} })) as Response;
    expect(response.status).toBe(404);
  });
});
