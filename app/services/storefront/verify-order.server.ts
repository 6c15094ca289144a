// An order number typed into the contact form is linked only when the visitor provably owns it: the
// order belongs to the logged-in customer, or its email is the one given. Anyone can type "#1001".
import type { AdminClient } from "../../shopify/admin-client.server";
import { OrderByNameQuery, orderNameQuery, pickOrderByName } from "../../shopify/queries";

export interface VerifiedOrder {
  shopifyOrderId: string;
  orderName: string;
}

export async function verifiedOrders(admin: AdminClient | null, orderName: string, email: string, shopifyCustomerId: string | null): Promise<VerifiedOrder[]> {
  if (!admin) return [];
  try {
    const { data } = await admin.request(OrderByNameQuery, { query: orderNameQuery(orderName) });
    const order = pickOrderByName(data.orders.nodes, orderName);
    if (!order) return [];
    const ownedByCustomer = shopifyCustomerId !== null && order.customer?.id === shopifyCustomerId;
    const sameEmail = !!order.email && order.email.trim().toLowerCase() === email.trim().toLowerCase();
    return ownedByCustomer || sameEmail ? [{ shopifyOrderId: order.id, orderName: order.name }] : [];
  } catch {
    // The Admin API being down must not cost the visitor their message: the agent can link it later.
    return [];
  }
}
