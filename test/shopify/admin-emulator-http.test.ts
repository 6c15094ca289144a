import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startAdminEmulator, type RunningAdminEmulator } from "../../dev/emulator/index";
import { ADMIN_API_VERSION } from "../../app/shopify/api-version";

const TOKEN = "shpat_emulator_test";
let emulator: RunningAdminEmulator;

beforeAll(async () => {
  emulator = await startAdminEmulator({ port: 0, accessToken: TOKEN });
});
afterAll(async () => {
  await emulator.close();
});
beforeEach(() => {
  emulator.handler.reset();
});

describe("emulator HTTP surface", () => {
  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${emulator.origin}${path}`, { method: "POST", headers: { "Content-Type": "application/json", ...headers }, body: JSON.stringify(body) });

  it("answers a missing token with Shopify's 401 body", async () => {
    const response = await post(`/admin/api/${ADMIN_API_VERSION}/graphql.json`, { query: "{ shop { name } }" });
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ errors: "[API] Invalid API key or access token (unrecognized login or wrong password)" });
  });

  it("answers an unknown API version with 404", async () => {
    const response = await post("/admin/api/2019-04/graphql.json", { query: "{ shop { name } }" }, { "X-Shopify-Access-Token": TOKEN });
    expect(response.status).toBe(404);
  });

  it("switches failure modes over HTTP and exposes state", async () => {
    const mode = await post("/__emulator/mode", { failNext: 1, status: 500, latencyMs: 5 });
    expect((await mode.json()).mode).toEqual({ latencyMs: 5, throttleNext: 0, failNext: 1, failStatus: 500 });
    const failed = await post(`/admin/api/${ADMIN_API_VERSION}/graphql.json`, { query: "{ shop { name } }" }, { "X-Shopify-Access-Token": TOKEN });
    expect(failed.status).toBe(500);
    const state = await (await fetch(`${emulator.origin}/__emulator/state`)).json();
    expect(state).toMatchObject({ mode: { failNext: 0, latencyMs: 5 }, requestCount: 1, throttleStatus: { maximumAvailable: 2000 } });
    await post("/__emulator/reset", {});
    expect(emulator.handler.state.mode).toEqual({ latencyMs: 0, throttleNext: 0, failNext: 0, failStatus: 503 });
    expect((await post("/__emulator/mode", { status: 418 })).status).toBe(400);
  });

  it("refuses queries above the single-query cost limit", async () => {
    const response = await post(`/admin/api/${ADMIN_API_VERSION}/graphql.json`, { query: "{ orders(first: 250) { nodes { id lineItems(first: 50) { nodes { id } } } } }" }, { "X-Shopify-Access-Token": TOKEN });
    const body = await response.json();
    expect(body.errors[0].extensions).toMatchObject({ code: "MAX_COST_EXCEEDED", maxCost: 1000 });
  });
});
