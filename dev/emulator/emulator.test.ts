import { parse, getOperationAST } from "graphql";
import { describe, expect, it } from "vitest";
import { loadAdminSchema } from "../admin-schema";
import { buildFixtureShop } from "../fixtures/index";
import { LeakyBucket, requestedQueryCost } from "./cost";
import { executeAdminRequest } from "./execute";
import { parseSearchQuery } from "./search";
import { EmulatorStore } from "./store";

const fixture = buildFixtureShop();
const schema = loadAdminSchema();

function run(query: string, variables: Record<string, unknown> = {}) {
  const store = new EmulatorStore(fixture, () => new Date("2026-11-20T12:00:00Z"));
  return executeAdminRequest({ query, variables }, { schema, store, bucket: new LeakyBucket(2000, 100), forceThrottle: false });
}

function cost(query: string, variables: Record<string, unknown> = {}) {
  const document = parse(query);
  return requestedQueryCost(schema, document, getOperationAST(document)!, variables);
}

describe("search syntax", () => {
  it("parses fields, comparators, quotes, negation and bare terms", () => {
    expect(parseSearchQuery(`name:#1001 updated_at:>'2026-11-01' -tag:"gift wrap" AND jane`)).toEqual([
      { field: "name", comparator: "=", value: "#1001", negated: false },
      { field: "updated_at", comparator: ">", value: "2026-11-01", negated: false },
      { field: "tag", comparator: "=", value: "gift wrap", negated: true },
      { field: null, comparator: "=", value: "jane", negated: false },
    ]);
  });
});

describe("query cost", () => {
  it("charges 0 for scalars, 1 per object, 2 + first × node for connections, 10 per mutation", () => {
    expect(cost("{ shop { name } }")).toBe(1);
    expect(cost("{ shop { name primaryDomain { host } } }")).toBe(2);
    expect(cost("query($n: Int) { orders(first: $n) { nodes { id customer { id } } } }", { n: 10 })).toBe(2 + 10 * 2);
    expect(cost(`mutation { tagsAdd(id: "gid://shopify/Order/1", tags: ["a"]) { node { id } } }`)).toBe(10);
  });

  it("refills the bucket at restoreRate", () => {
    let now = 0;
    const bucket = new LeakyBucket(100, 10, () => now);
    expect(bucket.tryTake(90)).toBe(true);
    expect(bucket.tryTake(20)).toBe(false);
    now += 1500;
    expect(bucket.currentlyAvailable()).toBe(25);
  });
});

describe("emulator resolvers", () => {
  it("filters orders by name with or without #, by email, customer id and updated_at", async () => {
    const target = fixture.orders[41];
    const names = async (query: string) =>
      ((await run(`query($q: String!) { orders(first: 250, query: $q) { nodes { name } } }`, { q: query })).data as { orders: { nodes: { name: string }[] } }).orders.nodes.map((node) => node.name);
    expect(await names(`name:#${target.number}`)).toEqual([target.name]);
    expect(await names(`name:${target.number}`)).toEqual([target.name]);
    const ofCustomer = fixture.orders.filter((order) => order.customerId === target.customerId).map((order) => order.name);
    expect((await names(`email:${target.email}`)).sort()).toEqual([...ofCustomer].sort());
    expect((await names(`customer_id:${target.customerId.split("/").pop()}`)).sort()).toEqual([...ofCustomer].sort());
    const recent = await names(`updated_at:>'2026-11-19T00:00:00Z'`);
    expect(recent.length).toBe(fixture.orders.filter((order) => order.updatedAt > "2026-11-19T00:00:00Z").length);
  });

  it("pages backwards with last/before and honours reverse", async () => {
    const result = await run(`{ customers(last: 2, reverse: true) { nodes { id } pageInfo { hasPreviousPage hasNextPage } } }`);
    const { customers } = result.data as { customers: { nodes: { id: string }[]; pageInfo: { hasPreviousPage: boolean; hasNextPage: boolean } } };
    expect(customers.nodes.map((node) => node.id)).toEqual([fixture.customers[1].id, fixture.customers[0].id]);
    expect(customers.pageInfo).toEqual({ hasPreviousPage: true, hasNextPage: false });
  });

  it("requires first or last on connections, as Shopify does", async () => {
    const result = await run(`{ customers { nodes { id } } }`);
    expect(result.errors?.[0]).toMatchObject({ message: "you must provide one of first or last" });
  });

  it("resolves mixed nodes and customers by phone", async () => {
    const customer = fixture.customers[3];
    const result = await run(`query($ids: [ID!]!, $phone: String!) {
      nodes(ids: $ids) { __typename id }
      customerByIdentifier(identifier: { phoneNumber: $phone }) { id locale defaultAddress { countryCodeV2 } }
    }`, { ids: [fixture.orders[0].id, customer.id, fixture.products[0].variants[0].id, "gid://shopify/Order/42"], phone: customer.phone });
    const data = result.data as { nodes: ({ __typename: string } | null)[]; customerByIdentifier: { id: string; locale: string; defaultAddress: { countryCodeV2: string } } };
    expect(data.nodes.map((node) => node?.__typename ?? null)).toEqual(["Order", "Customer", "ProductVariant", null]);
    expect(data.customerByIdentifier).toEqual({ id: customer.id, locale: customer.locale, defaultAddress: { countryCodeV2: customer.address.countryCode } });
  });

  it("serialises money as decimal strings and presentment money in the buyer's currency", async () => {
    const order = fixture.orders.find((candidate) => candidate.presentmentCurrencyCode === "JPY")!;
    const result = await run(`query($id: ID!) { order(id: $id) { totalPriceSet { shopMoney { amount currencyCode } presentmentMoney { amount currencyCode } } } }`, { id: order.id });
    const money = (result.data as { order: { totalPriceSet: { shopMoney: { amount: string }; presentmentMoney: { amount: string; currencyCode: string } } } }).order.totalPriceSet;
    expect(money.shopMoney.amount).toMatch(/^\d+\.\d{1,2}$/);
    expect(money.presentmentMoney.currencyCode).toBe("JPY");
    expect(Number(money.presentmentMoney.amount)).toBe(Math.round(Number(order.totalPrice) * 151));
  });

  it("names unimplemented fields instead of returning null", async () => {
    const result = await run(`{ orders(first: 1) { nodes { id channelInformation { channelId } } } }`);
    expect(result.errors?.[0]).toMatchObject({ message: "Admin emulator: field Order.channelInformation is not implemented" });
  });
});
