import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startAdminEmulator, type RunningAdminEmulator } from "../../dev/emulator/index";
import { AdminApiError, createAdminClient, resolveAdminOrigin, type AdminClientOptions } from "../../app/shopify/admin-client.server";
import {
  AppMetafieldsQuery,
  CurrentAppInstallationQuery,
  CustomerByIdentifierQuery,
  InventoryLevelsQuery,
  MetafieldsSetMutation,
  OrderByNameQuery,
  OrderNoteQuery,
  OrderUpdateNoteMutation,
  ShopInfoQuery,
  TagsAddMutation,
  appendNote,
  isInventoryItemLevels,
  orderNameQuery,
  pickOrderByName,
} from "../../app/shopify/queries/index";

const SHOP = "shopdesk-demo.myshopify.com";
const TOKEN = "shpat_emulator_test";
let emulator: RunningAdminEmulator;

function recordingSleep() {
  const waits: number[] = [];
  return { waits, sleep: async (ms: number) => void waits.push(ms) };
}

function client(overrides: Partial<AdminClientOptions> = {}) {
  return createAdminClient({ shop: SHOP, accessToken: TOKEN, origin: emulator.origin, random: () => 0.5, sleep: async () => {}, ...overrides });
}

async function expectAdminError(promise: Promise<unknown>): Promise<AdminApiError> {
  const error = await promise.then(() => null, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(AdminApiError);
  return error as AdminApiError;
}

beforeAll(async () => {
  emulator = await startAdminEmulator({ port: 0, accessToken: TOKEN });
});
afterAll(async () => {
  await emulator.close();
});
beforeEach(() => {
  emulator.handler.reset();
});

const fixture = () => emulator.handler.state.store.data;

describe("Admin client against the emulator (real HTTP)", () => {
  it("reads the shop and reports query cost", async () => {
    const { data, cost } = await client().request(ShopInfoQuery);
    expect(data.shop).toMatchObject({ name: "Shopdesk Demo Supply", myshopifyDomain: SHOP, ianaTimezone: "America/New_York", currencyCode: "USD" });
    expect(data.shop.primaryDomain.host).toBe(SHOP);
    expect(cost?.requestedQueryCost).toBeGreaterThan(0);
    expect(cost?.throttleStatus).toMatchObject({ maximumAvailable: 2000, restoreRate: 100 });
  });

  it("finds a customer by e-mail with lifetime value and recent orders", async () => {
    const order = fixture().orders[0];
    const customer = fixture().customers.find((candidate) => candidate.id === order.customerId)!;
    const { data } = await client().request(CustomerByIdentifierQuery, { identifier: { emailAddress: customer.email.toUpperCase() }, ordersFirst: 3 });
    const profile = data.customerByIdentifier!;
    expect(profile.id).toBe(customer.id);
    expect(profile.defaultEmailAddress?.emailAddress).toBe(customer.email);
    expect(profile.numberOfOrders).toMatch(/^\d+$/); // UnsignedInt64 arrives as a string
    expect(Number(profile.numberOfOrders)).toBe(fixture().orders.filter((candidate) => candidate.customerId === customer.id).length);
    expect(profile.amountSpent.currencyCode).toBe("USD");
    expect(profile.orders.nodes.length).toBeGreaterThan(0);
    const dates = profile.orders.nodes.map((node) => Date.parse(node.createdAt));
    expect(dates).toEqual([...dates].sort((a, b) => b - a)); // newest first
  });

  it("returns null for an unknown customer", async () => {
    const { data } = await client().request(CustomerByIdentifierQuery, { identifier: { emailAddress: "nobody@example.com" } });
    expect(data.customerByIdentifier).toBeNull();
  });

  it("finds order #1001 by name with line items, fulfillments and tracking", async () => {
    const { data } = await client().request(OrderByNameQuery, { query: orderNameQuery("1001") });
    const order = pickOrderByName(data.orders.nodes, "#1001")!;
    const expected = fixture().orders[0];
    expect(order.id).toBe("gid://shopify/Order/5500000001001");
    expect(order.lineItems.nodes.map((line) => line.sku)).toEqual(expected.lineItems.map((line) => line.sku));
    expect(order.lineItems.nodes[0].variant?.inventoryItem.id).toBe(expected.lineItems[0].inventoryItemId);
    expect(order.fulfillments).toHaveLength(expected.fulfillments.length);
    expect(order.fulfillments[0].trackingInfo[0]).toEqual(expected.fulfillments[0].trackingInfo[0]);
    expect(order.totalPriceSet.shopMoney.currencyCode).toBe("USD");
    expect(Number(order.totalPriceSet.shopMoney.amount)).toBeCloseTo(Number(expected.totalPrice), 2);
  });

  it("shows in-transit tracking with an estimated delivery for a shipping order", async () => {
    const inTransit = fixture().orders.find((order) => order.scenario === "in_transit")!;
    const { data } = await client().request(OrderByNameQuery, { query: orderNameQuery(inTransit.name) });
    const fulfillment = pickOrderByName(data.orders.nodes, inTransit.name)!.fulfillments[0];
    expect(fulfillment.displayStatus).toBe("IN_TRANSIT");
    expect(fulfillment.deliveredAt).toBeNull();
    expect(Date.parse(fulfillment.estimatedDeliveryAt!)).toBeGreaterThan(Date.parse(fulfillment.inTransitAt!));
    expect(fulfillment.trackingInfo[0].url).toContain(fulfillment.trackingInfo[0].number);
  });

  it("reads inventory per location for an order's items", async () => {
    const ids = fixture().orders[0].lineItems.map((line) => line.inventoryItemId);
    const { data } = await client().request(InventoryLevelsQuery, { ids: [...ids, "gid://shopify/InventoryItem/1"] });
    expect(data.nodes.at(-1)).toBeNull();
    const items = data.nodes.filter(isInventoryItemLevels);
    expect(items).toHaveLength(ids.length);
    const levels = items[0].inventoryLevels.nodes;
    expect(levels.map((level) => level.location.name)).toEqual(["Brooklyn warehouse", "Shenzhen fulfilment centre", "Rotterdam hub"]);
    expect(levels[0].quantities.map((quantity) => quantity.name)).toEqual(["available", "on_hand", "committed", "incoming"]);
    const expected = fixture().products.flatMap((product) => product.variants).find((variant) => variant.inventoryItem.id === ids[0])!;
    expect(levels[0].quantities[0].quantity).toBe(expected.inventoryItem.levels[0].available);
  });

  it("writes app-data metafields with metafieldsSet and reads them back", async () => {
    const admin = client();
    const { data: installation } = await admin.request(CurrentAppInstallationQuery);
    const ownerId = installation.currentAppInstallation.id;
    expect(installation.currentAppInstallation.app.handle).toBe("shopdesk");
    const hours = JSON.stringify({ monday: ["09:00", "17:00"], timezone: "America/New_York" });
    const { data: written } = await admin.request(MetafieldsSetMutation, {
      metafields: [{ ownerId, namespace: "shopdesk", key: "support_hours", type: "json", value: hours }],
    });
    expect(written.metafieldsSet?.userErrors).toEqual([]);
    const { data: read } = await admin.request(AppMetafieldsQuery, { namespace: "shopdesk" });
    expect(read.currentAppInstallation.metafields.nodes).toEqual([expect.objectContaining({ key: "support_hours", type: "json", value: hours })]);

    const tooMany = Array.from({ length: 26 }, (_, index) => ({ ownerId, namespace: "shopdesk", key: `faq_${index}`, type: "single_line_text_field", value: "x" }));
    const { data: rejected } = await admin.request(MetafieldsSetMutation, { metafields: tooMany });
    expect(rejected.metafieldsSet?.userErrors[0]).toMatchObject({ code: "LESS_THAN_OR_EQUAL_TO" });
    const { data: unchanged } = await admin.request(AppMetafieldsQuery, { namespace: "shopdesk" });
    expect(unchanged.currentAppInstallation.metafields.nodes).toHaveLength(1); // atomic: nothing written
  });

  it("adds tags with tagsAdd and appends to the order note with orderUpdate", async () => {
    const admin = client();
    const orderId = fixture().orders[5].id;
    const before = fixture().orders[5].tags;
    const { data: tagged } = await admin.request(TagsAddMutation, { id: orderId, tags: ["shopdesk-ticket", "vip-followup"] });
    expect(tagged.tagsAdd).toEqual({ node: { id: orderId }, userErrors: [] });
    const { data: readTags } = await admin.request<{ order: { tags: string[] } }>(`query OrderTags($id: ID!) { order(id: $id) { tags } }`, { id: orderId });
    expect(readTags.order.tags).toEqual([...before, "shopdesk-ticket", "vip-followup"]);

    const { data: current } = await admin.request(OrderNoteQuery, { id: orderId });
    const note = appendNote(current.order!.note, "Shopdesk: ticket #42 opened");
    const { data: updated } = await admin.request(OrderUpdateNoteMutation, { input: { id: orderId, note } });
    expect(updated.orderUpdate?.order?.note).toBe(note);
    expect(note.endsWith("Shopdesk: ticket #42 opened")).toBe(true);

    const { data: missing } = await admin.request(TagsAddMutation, { id: "gid://shopify/Order/1", tags: ["x"] });
    expect(missing.tagsAdd?.userErrors[0].message).toBe("Resource not found");
  });

  it("pages through customers with opaque cursors", async () => {
    const query = `query Page($after: String) { customers(first: 3, after: $after) { edges { cursor node { id } } pageInfo { hasNextPage hasPreviousPage endCursor } } }`;
    type Page = { customers: { edges: { cursor: string; node: { id: string } }[]; pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string } } };
    const first = await client().request<Page>(query);
    const second = await client().request<Page>(query, { after: first.data.customers.pageInfo.endCursor });
    expect(first.data.customers.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    expect(second.data.customers.pageInfo.hasPreviousPage).toBe(true);
    expect(second.data.customers.edges.map((edge) => edge.node.id)).toEqual(fixture().customers.slice(3, 6).map((customer) => customer.id));
    expect(first.data.customers.pageInfo.endCursor).not.toContain("gid://");
  });
});

describe("Admin client failure handling", () => {
  it("retries THROTTLED answers, waiting (requested − available) / restoreRate plus jitter", async () => {
    emulator.setMode({ throttleNext: 2 });
    const { waits, sleep } = recordingSleep();
    const { data, cost } = await client({ sleep }).request(ShopInfoQuery);
    expect(data.shop.name).toBe("Shopdesk Demo Supply");
    // Simulated throttles report an empty bucket, so each wait is requested/100 s plus 0.5 × 250 ms jitter.
    const expectedWait = Math.ceil((cost!.requestedQueryCost / 100) * 1000 + 125);
    expect(waits).toEqual([expectedWait, expectedWait]);
  });

  it("waits for the real leaky bucket to refill", async () => {
    let clock = 1_000_000;
    const small = await startAdminEmulator({ port: 0, maximumAvailable: 20, restoreRate: 10, now: () => clock });
    try {
      const waits: number[] = [];
      const admin = createAdminClient({ shop: SHOP, accessToken: TOKEN, origin: small.origin, random: () => 0, sleep: async (ms) => { waits.push(ms); clock += ms; } });
      const first = await admin.request(ShopInfoQuery);
      const requested = first.cost!.requestedQueryCost;
      expect(requested).toBeGreaterThan(0);
      // Drain the bucket so the next query must wait for points to drip back in.
      while (small.handler.state.throttleStatus.currentlyAvailable >= requested) await admin.request(ShopInfoQuery);
      const available = small.handler.state.throttleStatus.currentlyAvailable;
      await admin.request(ShopInfoQuery);
      expect(waits).toEqual([Math.ceil(((requested - available) / 10) * 1000)]);
    } finally {
      await small.close();
    }
  });

  it("gives up after maxRetries throttles with kind 'throttled'", async () => {
    emulator.setMode({ throttleNext: 10 });
    const { waits, sleep } = recordingSleep();
    const error = await expectAdminError(client({ sleep, maxRetries: 2 }).request(ShopInfoQuery));
    expect(error.kind).toBe("throttled");
    expect(error.cost?.throttleStatus.restoreRate).toBe(100);
    expect(waits).toHaveLength(2);
  });

  it("retries a 503 with exponential backoff and then succeeds", async () => {
    emulator.setMode({ failNext: 2, status: 503 });
    const { waits, sleep } = recordingSleep();
    const { data } = await client({ sleep }).request(ShopInfoQuery);
    expect(data.shop.myshopifyDomain).toBe(SHOP);
    expect(waits).toEqual([250 + 125, 500 + 125]);
  });

  it("throws kind 'server' when 503s persist", async () => {
    emulator.setMode({ failNext: 50, status: 503 });
    const { waits, sleep } = recordingSleep();
    const error = await expectAdminError(client({ sleep }).request(ShopInfoQuery));
    expect(error).toMatchObject({ kind: "server", status: 503, shop: SHOP });
    expect(waits).toHaveLength(3);
  });

  it("starts no further retry once the caller stops waiting (stopRetrying aborted)", async () => {
    // GIVEN persistent 503s and a caller that abandons the request during the first backoff
    emulator.setMode({ failNext: 50, status: 503 });
    const abandoned = new AbortController();
    const sleep = async () => void abandoned.abort();

    // WHEN the request runs THEN the first failure is the answer, after a single request
    const error = await expectAdminError(client({ sleep }).request(ShopInfoQuery, undefined, { stopRetrying: abandoned.signal }));
    expect(error).toMatchObject({ kind: "server", status: 503 });
    expect(emulator.handler.state.requestCount).toBe(1);
  });

  it("does not retry a rejected token (kind 'unauthorized')", async () => {
    const before = emulator.handler.state.requestCount;
    const error = await expectAdminError(client({ accessToken: "shpat_wrong" }).request(ShopInfoQuery));
    expect(error).toMatchObject({ kind: "unauthorized", status: 401 });
    expect(error.message).toBe(`Admin API 401 for shop ${SHOP}: access token rejected`);
    expect(emulator.handler.state.requestCount - before).toBe(1);
  });

  it("maps a simulated 403 to kind 'forbidden'", async () => {
    emulator.setMode({ failNext: 1, status: 403 });
    expect((await expectAdminError(client().request(ShopInfoQuery))).kind).toBe("forbidden");
  });

  it("times out slow responses (kind 'timeout')", async () => {
    emulator.setMode({ latencyMs: 400 });
    const error = await expectAdminError(client({ timeoutMs: 100 }).request(ShopInfoQuery));
    expect(error.kind).toBe("timeout");
    expect(error.message).toContain("timed out after 100 ms");
  });

  it("reports network failures after bounded retries (kind 'network')", async () => {
    const { waits, sleep } = recordingSleep();
    const error = await expectAdminError(createAdminClient({ shop: SHOP, accessToken: TOKEN, origin: "http://127.0.0.1:9", sleep, random: () => 0 }).request(ShopInfoQuery));
    expect(error.kind).toBe("network");
    expect(waits).toEqual([250, 500, 1000]);
  });

  it("surfaces an unimplemented emulator field as a GraphQL error naming it", async () => {
    const error = await expectAdminError(client().request(`query { shop { name plan { partnerDevelopment } } }`));
    expect(error.kind).toBe("graphql");
    expect(error.message).toContain("Admin emulator: field Shop.plan is not implemented");
    expect(error.graphQLErrors[0].path).toEqual(["shop", "plan"]);
  });

  it("reports schema validation errors as kind 'graphql'", async () => {
    const error = await expectAdminError(client().request(`query { shop { nonexistentField } }`));
    expect(error).toMatchObject({ kind: "graphql", status: 200 });
    expect(error.message).toContain('Cannot query field "nonexistentField" on type "Shop".');
  });
});

describe("resolveAdminOrigin", () => {
  it("returns the stand-in origin outside production", () => {
    expect(resolveAdminOrigin({ SHOPIFY_ADMIN_API_ORIGIN: "http://127.0.0.1:3101/", NODE_ENV: "development" })).toBe("http://127.0.0.1:3101");
    expect(resolveAdminOrigin({ NODE_ENV: "production" })).toBeUndefined();
  });

  it("refuses the stand-in in production", () => {
    expect(() => resolveAdminOrigin({ SHOPIFY_ADMIN_API_ORIGIN: "http://127.0.0.1:3101", NODE_ENV: "production" })).toThrow(
      "SHOPIFY_ADMIN_API_ORIGIN is a development stand-in and is refused in production",
    );
  });
});
