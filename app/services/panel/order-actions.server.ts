// Order actions from a ticket: add a note (appended, never overwritten) or a tag to a linked order,
// each recorded on the ticket's timeline as an `order_action` event.
import type { PrismaClient } from "@prisma/client";
import type { AdminClient } from "../../shopify/admin-client.server";
import { OrderNoteQuery, OrderUpdateNoteMutation, TagsAddMutation, appendNote } from "../../shopify/queries/order-mutations.server";
import { OrderLinkError } from "../link-orders.server";
import { invalidatePanelCache } from "./cache.server";

export const MAX_ORDER_NOTE_LENGTH = 1_000;
export const MAX_ORDER_TAG_LENGTH = 40;

interface OrderActionInput {
  db: PrismaClient;
  admin: AdminClient;
  shopId: string;
  ticketId: string;
  ticketNumber: number;
  orderId: string;
  agentId: string | null;
  agentName: string | null;
}

async function requireLinkedOrder(db: PrismaClient, shopId: string, ticketId: string, orderId: string) {
  const link = await db.ticketOrder.findFirst({ where: { shopId, ticketId, shopifyOrderId: orderId } });
  if (!link) throw new OrderLinkError("orderId", "Link the order to this ticket first");
  return link;
}

function userErrorMessage(errors: readonly { message: string }[] | null | undefined): string | null {
  return errors && errors.length > 0 ? errors.map((error) => error.message).join("; ") : null;
}

async function recordOrderAction(db: PrismaClient, input: OrderActionInput, data: Record<string, string>) {
  await db.ticketEvent.create({
    data: {
      shopId: input.shopId,
      ticketId: input.ticketId,
      type: "order_action",
      actorType: input.agentId ? "agent" : "system",
      actorAgentId: input.agentId,
      data: { orderId: input.orderId, ...data },
    },
  });
  await invalidatePanelCache(db, input.shopId, { orderIds: [input.orderId] });
}

/** Reads the order's note, appends one line naming the ticket and agent, writes it back. */
export async function addOrderNote(input: OrderActionInput & { note: string }): Promise<{ orderName: string; note: string }> {
  const text = input.note.replace(/\s+/g, " ").trim();
  if (!text) throw new OrderLinkError("note", "Write a note");
  if (text.length > MAX_ORDER_NOTE_LENGTH) throw new OrderLinkError("note", `Keep the note under ${MAX_ORDER_NOTE_LENGTH} characters`);
  const link = await requireLinkedOrder(input.db, input.shopId, input.ticketId, input.orderId);
  const { data: current } = await input.admin.request(OrderNoteQuery, { id: input.orderId });
  if (!current.order) throw new OrderLinkError("orderId", "Shopify does not know this order");
  const line = `[Shopdesk #${input.ticketNumber}${input.agentName ? `, ${input.agentName}` : ""}] ${text}`;
  const { data } = await input.admin.request(OrderUpdateNoteMutation, { input: { id: input.orderId, note: appendNote(current.order.note, line) } });
  const problem = userErrorMessage(data.orderUpdate?.userErrors);
  if (problem) throw new OrderLinkError("note", problem);
  await recordOrderAction(input.db, input, { action: "add_note", orderName: link.orderName, note: text });
  return { orderName: link.orderName, note: data.orderUpdate?.order?.note ?? "" };
}

export async function addOrderTag(input: OrderActionInput & { tag: string }): Promise<{ orderName: string; tag: string }> {
  const tag = input.tag.trim();
  if (!tag) throw new OrderLinkError("tag", "Write a tag");
  if (tag.includes(",")) throw new OrderLinkError("tag", "Add one tag at a time (no commas)");
  if (tag.length > MAX_ORDER_TAG_LENGTH) throw new OrderLinkError("tag", `Keep the tag under ${MAX_ORDER_TAG_LENGTH} characters`);
  const link = await requireLinkedOrder(input.db, input.shopId, input.ticketId, input.orderId);
  const { data } = await input.admin.request(TagsAddMutation, { id: input.orderId, tags: [tag] });
  const problem = userErrorMessage(data.tagsAdd?.userErrors);
  if (problem) throw new OrderLinkError("tag", problem);
  await recordOrderAction(input.db, input, { action: "add_tag", orderName: link.orderName, tag });
  return { orderName: link.orderName, tag };
}
