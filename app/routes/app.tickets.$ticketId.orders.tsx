// The panel's resource route: GET returns the customer and order panel (for a refresh), POST links,
// unlinks and searches orders, and adds a note or a tag to a linked order.
import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import prisma from "../db.server";
import { withServiceErrors } from "../lib/service-errors.server";
import { findTicket } from "../models/tickets.server";
import { loadCustomerPanel } from "../services/customer-panel.server";
import { linkOrderManually, OrderLinkError, searchOrdersForLinking, unlinkOrder } from "../services/link-orders.server";
import { addOrderNote, addOrderTag } from "../services/panel/order-actions.server";
import type { OrderActionIntent, OrderActionResult } from "../services/panel/types";
import { adminRequestContext } from "../services/request-context.server";
import { authenticate } from "../shopify.server";

const INTENTS: readonly OrderActionIntent[] = ["link", "unlink", "search", "addNote", "addTag"];

function invalid(errors: Record<string, string>) {
  return json<OrderActionResult>({ ok: false, errors }, { status: 422 });
}

export const loader = async ({ request, params }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  return withServiceErrors(async () => {
    const { shop, admin } = await adminRequestContext(prisma, session);
    return json(await loadCustomerPanel({ db: prisma, admin, shop, ticketId: params.ticketId ?? "" }));
  });
};

export const action = async ({ request, params }: ActionFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const form = await request.formData();
  return withServiceErrors(async () => {
    const { shop, agent, admin } = await adminRequestContext(prisma, session);
    const ticket = await findTicket(prisma, shop.id, params.ticketId ?? "");
    if (!ticket) throw new Response("Ticket not found", { status: 404 });

    const intent = String(form.get("intent") ?? "") as OrderActionIntent;
    if (!INTENTS.includes(intent)) return invalid({ intent: `Unknown intent; use one of ${INTENTS.join(", ")}` });
    const orderId = String(form.get("orderId") ?? "").trim();
    if (intent !== "search" && !orderId) return invalid({ orderId: "Choose an order" });
    const actor = { db: prisma, shopId: shop.id, ticketId: ticket.id, agentId: agent?.id ?? null };

    try {
      switch (intent) {
        case "search": {
          const [customer, links] = await Promise.all([
            ticket.customerId ? prisma.customer.findFirst({ where: { id: ticket.customerId, shopId: shop.id }, select: { shopifyCustomerId: true } }) : null,
            prisma.ticketOrder.findMany({ where: { shopId: shop.id, ticketId: ticket.id }, select: { shopifyOrderId: true } }),
          ]);
          const query = String(form.get("query") ?? "");
          if (query.length > 100) return invalid({ query: "Search for an order name or a few words" });
          const results = await searchOrdersForLinking({
            admin,
            query,
            customerId: customer?.shopifyCustomerId ?? null,
            linkedIds: new Set(links.map((link) => link.shopifyOrderId)),
          });
          return json<OrderActionResult>({ ok: true, intent, results });
        }
        case "link": {
          const link = await linkOrderManually({ ...actor, admin, orderId });
          return json<OrderActionResult>({ ok: true, intent, message: link.orderName });
        }
        case "unlink": {
          const { orderName } = await unlinkOrder({ ...actor, orderId });
          return json<OrderActionResult>({ ok: true, intent, message: orderName });
        }
        case "addNote": {
          const input = { ...actor, admin, orderId, ticketNumber: ticket.number, agentName: agent?.name ?? null };
          const { orderName } = await addOrderNote({ ...input, note: String(form.get("note") ?? "") });
          return json<OrderActionResult>({ ok: true, intent, message: orderName });
        }
        case "addTag": {
          const input = { ...actor, admin, orderId, ticketNumber: ticket.number, agentName: agent?.name ?? null };
          const { orderName } = await addOrderTag({ ...input, tag: String(form.get("tag") ?? "") });
          return json<OrderActionResult>({ ok: true, intent, message: orderName });
        }
      }
    } catch (error) {
      if (error instanceof OrderLinkError) return invalid({ [error.field]: error.message });
      throw error;
    }
    return invalid({ intent: "Unknown intent" });
  });
};
