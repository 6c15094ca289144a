// The ticket page's read on the direct reader returns exactly what Prisma's include returns, and nothing
// for another shop's ticket (both databases).
import { describe, expect, it } from "vitest";
import prisma from "../../app/db.server";
import { findTicketForPage, ticketPageInclude } from "../../app/models/ticket-thread.server";
import { loadPanelTicket } from "../../app/services/customer-panel.server";
import { createShop, createTicket, uniqueShopDomain } from "../factories";

describe("findTicketForPage", () => {
  it("equals Prisma's include: tags, messages with attachments, events, in order", async () => {
    // GIVEN a ticket with tags, three messages (two with attachments), a note, HTML, JSON event data
    const shop = await createShop(prisma, { domain: uniqueShopDomain("page-read") });
    const ticket = await createTicket(prisma, shop.id, { subject: "Où est ma commande ? 订单" });
    const at = (minutes: number) => new Date(Date.UTC(2026, 10, 20, 9, minutes));
    await prisma.ticketTag.createMany({ data: ["vip", "refund", "中文"].map((tag) => ({ ticketId: ticket.id, shopId: shop.id, tag })) });
    const reply = await prisma.message.create({
      data: { shopId: shop.id, ticketId: ticket.id, direction: "outbound", authorType: "agent", authorName: "Ada", bodyText: "Sent <b>today</b>", bodyHtml: "<p>Sent <b>today</b></p>", channel: "email", deliveryStatus: "failed", deliveryError: "550 mailbox", createdAt: at(5) },
    });
    const note = await prisma.message.create({ data: { shopId: shop.id, ticketId: ticket.id, direction: "note", authorType: "agent", bodyText: "Checked the warehouse", channel: "internal", isAutomated: true, createdAt: at(5) } });
    for (const [index, messageId] of [reply.id, reply.id, note.id].entries()) {
      await prisma.attachment.create({ data: { shopId: shop.id, messageId, filename: `photo-${index}.jpg`, contentType: "image/jpeg", sizeBytes: 1000 + index, storageKey: `k/${index}`, createdAt: at(6 + index) } });
    }
    await prisma.ticketEvent.create({ data: { shopId: shop.id, ticketId: ticket.id, type: "status_changed", actorType: "agent", data: { from: "open", to: "pending", nested: [1, null, "退款"] }, createdAt: at(7) } });
    await prisma.ticketEvent.create({ data: { shopId: shop.id, ticketId: ticket.id, type: "automation", createdAt: at(8) } });

    // WHEN the page reads it THEN it is Prisma's own result, value for value
    const expected = await prisma.ticket.findFirst({ where: { id: ticket.id, shopId: shop.id }, include: ticketPageInclude });
    const found = await findTicketForPage(prisma, shop.id, ticket.id);
    expect(found).toStrictEqual(expected);
    expect(found!.messages).toHaveLength(3);
    expect(found!.messages.find((message) => message.id === reply.id)!.attachments.map((attachment) => attachment.filename)).toEqual(["photo-0.jpg", "photo-1.jpg"]);
    expect(found!.tags.map((tag) => tag.tag)).toEqual(expected!.tags.map((tag) => tag.tag));
  });

  it("finds nothing for another shop's ticket or an unknown id", async () => {
    const shop = await createShop(prisma, { domain: uniqueShopDomain("page-read-a") });
    const other = await createShop(prisma, { domain: uniqueShopDomain("page-read-b") });
    const ticket = await createTicket(prisma, other.id);
    expect(await findTicketForPage(prisma, shop.id, ticket.id)).toBeNull();
    expect(await findTicketForPage(prisma, shop.id, "no-such-ticket")).toBeNull();
  });

  it("reads the panel's ticket (language, customer, linked orders oldest first) as Prisma does", async () => {
    const shop = await createShop(prisma, { domain: uniqueShopDomain("panel-read") });
    const ticket = await createTicket(prisma, shop.id);
    await prisma.ticket.update({ where: { id: ticket.id }, data: { language: "zh-CN" } });
    await prisma.customer.update({ where: { id: ticket.customerId! }, data: { phone: "+8613800000000", shopifyCustomerId: "gid://shopify/Customer/9", language: "zh-CN" } });
    for (const [index, linkedBy] of ["auto", "manual"].entries()) {
      await prisma.ticketOrder.create({ data: { ticketId: ticket.id, shopId: shop.id, shopifyOrderId: `gid://shopify/Order/${index + 1}`, orderName: `#100${index}`, linkedBy, createdAt: new Date(Date.UTC(2026, 10, 1 + index)) } });
    }
    const expected = await prisma.ticket.findFirst({
      where: { id: ticket.id, shopId: shop.id },
      select: { id: true, language: true, customer: true, orders: { orderBy: { createdAt: "asc" } } },
    });
    expect(await loadPanelTicket(prisma, shop.id, ticket.id)).toStrictEqual(expected);
    // Without a customer, and for another shop
    await prisma.ticket.update({ where: { id: ticket.id }, data: { customerId: null } });
    expect((await loadPanelTicket(prisma, shop.id, ticket.id))!.customer).toBeNull();
    const other = await createShop(prisma, { domain: uniqueShopDomain("panel-read-other") });
    expect(await loadPanelTicket(prisma, other.id, ticket.id)).toBeNull();
  });
});
