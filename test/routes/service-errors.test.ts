import { describe, expect, it, vi } from "vitest";
import { describeServiceFailure, withServiceErrors } from "../../app/lib/service-errors.server";
import { AdminApiError } from "../../app/shopify/admin-client.server";

describe("service failures", () => {
  it("turns an unreachable database into a 503 that says so", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const thrown = await withServiceErrors(async () => {
      throw new Error("connect ECONNREFUSED 127.0.0.1:5432\n    at stack");
    }).catch((error: unknown) => error);
    expect(thrown).toBeInstanceOf(Response);
    expect((thrown as Response).status).toBe(503);
    expect(await (thrown as Response).text()).toBe("Shopdesk cannot reach its database: connect ECONNREFUSED 127.0.0.1:5432");
    expect(warn).toHaveBeenCalledOnce();
  });

  it("names an Admin API failure with its kind", () => {
    const error = new AdminApiError("Admin API 503 for shop x.myshopify.com", { kind: "server", status: 503, shop: "x.myshopify.com" });
    expect(describeServiceFailure(error)).toMatch(/^Shopify's Admin API is unavailable \(server\)/);
  });

  it("lets programming errors and thrown responses through unchanged", async () => {
    const bug = new TypeError("x is undefined");
    await expect(withServiceErrors(async () => Promise.reject(bug))).rejects.toBe(bug);
    const redirect = new Response(null, { status: 302 });
    await expect(withServiceErrors(async () => Promise.reject(redirect))).rejects.toBe(redirect);
  });
});
