import { describe, expect, it } from "vitest";
import prisma from "../../app/db.server";
import { databaseProvider } from "../../app/db/create-client.server";
import { refreshSearchDocument, searchTicketIds } from "../../app/models/ticket-search.server";
import { createShop } from "../factories";

const provider = databaseProvider(process.env.DATABASE_URL!);

async function ticketWith(shopId: string, number: number, subject: string, message: string, orderName?: string) {
  const customer = await prisma.customer.create({ data: { shopId, email: `buyer${number}@example.com`, displayName: `Buyer ${number}` } });
  const ticket = await prisma.ticket.create({
    data: {
      shopId,
      number,
      subject,
      customerId: customer.id,
      messages: { create: { shopId, direction: "inbound", authorType: "customer", bodyText: message, channel: "email" } },
      orders: orderName ? { create: { shopId, shopifyOrderId: `gid://shopify/Order/${number}`, orderName } } : undefined,
    },
  });
  await refreshSearchDocument(prisma, shopId, ticket.id);
  return ticket.id;
}

describe(`ticket search (${provider})`, () => {
  it("finds tickets by message text, subject, customer email and order name, in any language, within one shop", async () => {
    // GIVEN two shops with tickets in English, Chinese and Japanese
    const shop = await createShop(prisma);
    const other = await createShop(prisma);
    const parcel = await ticketWith(shop.id, 1, "Where is my parcel?", "Tracking has not moved for four days", "#1001");
    const refund = await ticketWith(shop.id, 2, "退款申请", "订单里的外套尺码偏小，请问怎么退货？", "#1002");
    const japanese = await ticketWith(shop.id, 3, "商品が破損", "陶器のマグカップが割れた状態で届きました");
    await ticketWith(other.id, 1, "Where is my parcel?", "Other shop's tracking question", "#1001");

    // THEN
    expect(await searchTicketIds(prisma, provider, shop.id, "tracking")).toEqual([parcel]);
    expect(await searchTicketIds(prisma, provider, shop.id, "TRACKING moved")).toEqual([parcel]);
    expect(await searchTicketIds(prisma, provider, shop.id, "#1001")).toEqual([parcel]);
    expect(await searchTicketIds(prisma, provider, shop.id, "buyer2@example.com")).toEqual([refund]);
    expect(await searchTicketIds(prisma, provider, shop.id, "尺码偏小")).toEqual([refund]);
    expect(await searchTicketIds(prisma, provider, shop.id, "退货")).toEqual([refund]); // two characters: LIKE
    expect(await searchTicketIds(prisma, provider, shop.id, "マグカップ")).toEqual([japanese]);
    expect(await searchTicketIds(prisma, provider, shop.id, "nothing like this")).toEqual([]);
    expect(await searchTicketIds(prisma, provider, shop.id, '50% "quoted_"')).toEqual([]);
  });

  it("follows edits: a refreshed document is searchable by its new text only", async () => {
    const shop = await createShop(prisma);
    const id = await ticketWith(shop.id, 1, "Question", "original wording");
    await prisma.message.create({ data: { shopId: shop.id, ticketId: id, direction: "inbound", authorType: "customer", bodyText: "a later follow-up", channel: "email" } });
    await refreshSearchDocument(prisma, shop.id, id);
    expect(await searchTicketIds(prisma, provider, shop.id, "follow-up")).toEqual([id]);
    await prisma.ticketSearchDocument.update({ where: { ticketId: id }, data: { body: "replaced" } });
    expect(await searchTicketIds(prisma, provider, shop.id, "original")).toEqual([]);
  });
});
