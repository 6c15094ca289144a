// The customer and order panel of a ticket: who the customer is, their history with us, and the linked
// orders with tracking and live stock. The Shopify part is ONE Admin request, cached per shop for 60 s;
// when Shopify is throttled, failing or slower than 2 s the panel renders from the cache, marked stale.
import type { Customer, Prisma, PrismaClient, Shop, TicketOrder } from "@prisma/client";
import { withStopRetrying, type AdminClient } from "../shopify/admin-client.server";
import { CustomerPanelQuery, PANEL_MAX_DETAILED_ORDERS, type CustomerPanelResult } from "../shopify/queries/customer-panel.server";
import { autoLinkOrders, customerIdentifier, needsAutoLink, NO_CUSTOMER_IDENTIFIER } from "./link-orders.server";
import { buildCustomer, buildOrder, buildRecentOrders, isOrderNode, lowStockThresholdOf, orderAdminUrl } from "./panel/build-view";
import { panelCacheKey, readPanelCache, readStalePanel, writePanelCache, type CachedPanel, type PanelCacheKeyParts } from "./panel/cache.server";
import { PANEL_DEADLINE_MS, withinDeadline } from "./panel/deadline";
import type { CustomerPanelView, PanelPreviousTicket } from "./panel/types";
import { modelColumns, modelFromRow, sqlDateIso } from "../db/model-rows.server";
import { sqlReaderFor } from "../db/sql-reader.server";
import { SqlParams, timeText } from "../models/inbox-sql.server";

export type * from "./panel/types";
export { invalidatePanelCache, PANEL_CACHE_TTL_MS } from "./panel/cache.server";

const PREVIOUS_TICKETS_LIMIT = 10;

export interface LoadCustomerPanelInput {
  db: PrismaClient;
  admin: AdminClient;
  shop: Shop;
  ticketId: string;
  now?: Date;
  /** How long Shopify gets (linking pass and panel request together) before the cached panel is used. */
  deadlineMs?: number;
}

async function previousTicketsOf(db: PrismaClient, shopId: string, ticketId: string, customer: { id: string; email: string | null; shopifyCustomerId: string | null } | null): Promise<PanelPreviousTicket[]> {
  if (!customer) return [];
  // The same person may have several customer rows (by email, by Shopify id): their ids first, each by its
  // index, then their tickets by [shopId, customerId]. A relation filter here made the database walk the
  // shop's tickets newest first, joining each to its customer, until ten matched.
  // Both statements on the direct reader (decision 018): every ticket page load runs them.
  const reader = sqlReaderFor(db);
  const same = new SqlParams(reader.dialect);
  const shopWhere = `"shopId" = ${same.add(shopId)}`; // bound first: SQLite's placeholders are positional
  const sameWhere = [
    ...(customer.email ? [`email = ${same.add(customer.email)}`] : []),
    ...(customer.shopifyCustomerId ? [`"shopifyCustomerId" = ${same.add(customer.shopifyCustomerId)}`] : []),
  ];
  const others =
    sameWhere.length > 0
      ? await reader.rows<{ id: string }>(`SELECT id FROM "Customer" WHERE ${shopWhere} AND (${sameWhere.join(" OR ")})`, same.values)
      : [];
  const customerIds = [...new Set([customer.id, ...others.map((row) => row.id)])];
  const params = new SqlParams(reader.dialect);
  const time = (column: string) => `${timeText(reader.dialect, `t."${column}"`)} AS "${column}"`;
  const tickets = await reader.rows<{ id: string; number: unknown; subject: string; status: string; createdAt: unknown; resolvedAt: unknown; csatScore: unknown }>(
    `SELECT t.id, t.number, t.subject, t.status, ${time("createdAt")}, ${time("resolvedAt")}, t."csatScore" AS "csatScore" FROM "Ticket" t
      WHERE t."shopId" = ${params.add(shopId)} AND ${params.inIds('t."customerId"', customerIds)} AND t.id <> ${params.add(ticketId)}
      ORDER BY t."createdAt" DESC, t.id DESC LIMIT ${Number(PREVIOUS_TICKETS_LIMIT)}`,
    params.values,
  );
  return tickets.map((ticket) => ({
    id: ticket.id,
    number: Number(ticket.number),
    subject: ticket.subject,
    status: ticket.status,
    createdAt: sqlDateIso(ticket.createdAt),
    resolvedAt: ticket.resolvedAt === null ? null : sqlDateIso(ticket.resolvedAt),
    csatScore: ticket.csatScore === null ? null : Number(ticket.csatScore),
  }));
}

/** The ticket's language, customer and linked orders (oldest link first), on the direct reader (decision 018). */
export async function loadPanelTicket(db: PrismaClient, shopId: string, ticketId: string): Promise<{ id: string; language: string | null; customer: Customer | null; orders: TicketOrder[] } | null> {
  const reader = sqlReaderFor(db);
  const params = new SqlParams(reader.dialect);
  const [row] = await reader.rows(
    `SELECT t.id AS "t.id", t.language AS "t.language", ${modelColumns("Customer", "c", reader.dialect)}
      FROM "Ticket" t LEFT JOIN "Customer" c ON c.id = t."customerId"
      WHERE t.id = ${params.add(ticketId)} AND t."shopId" = ${params.add(shopId)}`,
    params.values,
  );
  if (!row) return null;
  const orderParams = new SqlParams(reader.dialect);
  const orders = await reader.rows(
    `SELECT ${modelColumns("TicketOrder", "o", reader.dialect)} FROM "TicketOrder" o WHERE o."ticketId" = ${orderParams.add(ticketId)} ORDER BY o."createdAt" ASC, o."shopifyOrderId" ASC`,
    orderParams.values,
  );
  return {
    id: row["t.id"] as string,
    language: (row["t.language"] as string | null) ?? null,
    customer: modelFromRow<Customer>("Customer", row, "c."),
    orders: orders.map((order) => modelFromRow<TicketOrder>("TicketOrder", order, "o.")!),
  };
}

/**
 * The panel for a ticket of this shop. Throws a 404 Response for a ticket of another shop (or none).
 * Never throws for Admin API trouble: the view then carries `stale: true` and `error`.
 */
export async function loadCustomerPanel({ db, admin, shop, ticketId, now = new Date(), deadlineMs = PANEL_DEADLINE_MS }: LoadCustomerPanelInput): Promise<CustomerPanelView> {
  const started = Date.now();
  const remaining = () => deadlineMs - (Date.now() - started);
  let ticket = await loadPanelTicket(db, shop.id, ticketId);
  if (!ticket) throw new Response("Ticket not found", { status: 404 });

  let failure: { error: string; errorKind: string } | null = null;
  if (await needsAutoLink(db, shop.id, ticketId)) {
    const pass = await withinDeadline((abandoned) => autoLinkOrders({ db, admin: withStopRetrying(admin, abandoned), shop, ticketId, now }), remaining());
    if (pass.ok) ticket = (await loadPanelTicket(db, shop.id, ticketId)) ?? ticket;
    else failure = pass;
  }

  const links = ticket.orders;
  const detailed = links.slice(-PANEL_MAX_DETAILED_ORDERS); // the most recently linked orders
  const identifier = customerIdentifier(ticket.customer);
  const keyParts: PanelCacheKeyParts = {
    customerId: ticket.customer?.shopifyCustomerId,
    email: ticket.customer?.email,
    phone: ticket.customer?.phone,
    orderIds: detailed.map((link) => link.shopifyOrderId),
  };
  const key = panelCacheKey(keyParts);

  let snapshot: CachedPanel<CustomerPanelResult> | null = await readPanelCache<CustomerPanelResult>(db, shop.id, key, now);
  let stale = false;
  if (!snapshot?.fresh) {
    const writeCache = async (response: { data: CustomerPanelResult; cost?: { actualQueryCost: number | null; requestedQueryCost: number } }) => {
      const cost = response.cost ? (response.cost.actualQueryCost ?? response.cost.requestedQueryCost) : null;
      // On the caller's clock (tests freeze it): the entry expires 60 s after the build started.
      await writePanelCache(db, shop.id, key, response.data as unknown as Prisma.InputJsonValue, cost, now);
      return cost;
    };
    const request = failure
      ? null // the linking pass already failed or ran out of time: do not wait for Shopify again
      : withinDeadline(
          (abandoned) =>
            admin.request(
              CustomerPanelQuery,
              { identifier: identifier ?? NO_CUSTOMER_IDENTIFIER, withCustomer: identifier !== null, orderIds: detailed.map((link) => link.shopifyOrderId) },
              { stopRetrying: abandoned },
            ),
          remaining(),
          async (late) => void (await writeCache(late)),
        );
    const outcome = request ? await request : null;
    if (outcome?.ok) {
      const cost = await writeCache(outcome.value);
      snapshot = { key, value: outcome.value.data, cost, fetchedAt: now, fresh: true };
    } else {
      failure = failure ?? (outcome && !outcome.ok ? outcome : { error: "Shopify is unavailable", errorKind: "unknown" });
      snapshot = snapshot ?? (await readStalePanel<CustomerPanelResult>(db, shop.id, keyParts, now));
      stale = true;
    }
  }

  const data = snapshot?.value ?? null;
  const threshold = lowStockThresholdOf(shop.settings);
  const linkedIds = new Set(links.map((link) => link.shopifyOrderId));
  const ordersById = new Map((data?.linkedOrders ?? []).filter(isOrderNode).map((order) => [order.id, order]));
  const orders = [...links].reverse().flatMap((link) => {
    const order = ordersById.get(link.shopifyOrderId);
    return order ? [buildOrder(shop.domain, order, link.linkedBy, threshold)] : [];
  });
  const missingOrders = [...links].reverse()
    .filter((link) => !ordersById.has(link.shopifyOrderId))
    .map((link) => ({ id: link.shopifyOrderId, name: link.orderName, linkedBy: link.linkedBy, adminUrl: orderAdminUrl(shop.domain, link.shopifyOrderId) }));

  const customer = ticket.customer;
  return {
    ticketId,
    customer: buildCustomer(shop.domain, data?.customer, customer, ticket.language),
    previousTickets: await previousTicketsOf(db, shop.id, ticketId, customer),
    orders,
    missingOrders,
    recentOrders: buildRecentOrders(data?.customer, linkedIds),
    lowStockThreshold: threshold,
    fetchedAt: snapshot ? snapshot.fetchedAt.toISOString() : null,
    generatedAt: now.toISOString(),
    stale,
    ...(failure && stale ? { error: failure.error, errorKind: failure.errorKind } : {}),
    cost: snapshot?.cost ?? null,
  };
}
