// (A .ts file with createElement: the unit-test glob is *.test.ts.)
// Server-renders <CustomerPanel> with a full view in both admin languages: every part renders, tracking
// links open in a new tab, stock badges and the stale banner show.
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from "react-router-dom/server";
import { AppProvider } from "@shopify/polaris";
import { renderToString } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { createElement as h } from "react";
import { describe, expect, it } from "vitest";
import { CustomerPanel } from "../../app/components/panel/CustomerPanel";
import { createI18n, polarisTranslations, type AdminLocale } from "../../app/i18n/locales";
import type { CustomerPanelView } from "../../app/services/panel/types";

const view: CustomerPanelView = {
  ticketId: "t1",
  customer: {
    shopifyCustomerId: "gid://shopify/Customer/7", adminUrl: "https://admin.shopify.com/store/demo/customers/7", displayName: "Li Wei",
    email: "li@example.com", phone: "+8613800138000", language: "zh-CN", timeZone: "Asia/Shanghai", location: "上海, SH, CN",
    tags: ["vip"], amountSpent: { amount: "1234.5", currencyCode: "USD" }, ordersCount: 7, customerSince: "2025-01-02T00:00:00Z",
  },
  previousTickets: [{ id: "t0", number: 1001, subject: "Earlier", status: "resolved", createdAt: "2026-10-01T00:00:00Z", resolvedAt: "2026-10-02T00:00:00Z", csatScore: 5 }],
  orders: [{
    id: "gid://shopify/Order/42", name: "#1042", linkedBy: "auto", adminUrl: "https://admin.shopify.com/store/demo/orders/42",
    createdAt: "2026-11-01T00:00:00Z", cancelledAt: null, financialStatus: "PAID", fulfillmentStatus: "FULFILLED",
    total: { amount: "99.0", currencyCode: "USD" }, note: "Gift", tags: ["gift"],
    shippingAddress: { name: "Li Wei", lines: ["1 Road", "上海 SH 200000", "China"], phone: null },
    fulfillments: [{ id: "f1", name: "#1042-F1", status: "SUCCESS", displayStatus: "IN_TRANSIT", createdAt: "2026-11-02T00:00:00Z", inTransitAt: "2026-11-02T00:00:00Z",
      estimatedDeliveryAt: "2026-11-06T00:00:00Z", deliveredAt: null, tracking: [{ company: "SF Express", number: "SF123", url: "https://www.sf-express.com/track?SF123" }] }],
    lineItems: [{ id: "l1", title: "Mug", variantTitle: "Blue", sku: "MUG-B", quantity: 2, tracked: true, totalAvailable: 3, lowStock: true, outOfStock: false,
      stock: [{ locationName: "Shenzhen", available: 3, onHand: 4, lowStock: true, outOfStock: false }, { locationName: "Brooklyn", available: 0, onHand: 0, lowStock: false, outOfStock: true }] }],
    moreLineItems: false,
  }],
  missingOrders: [],
  recentOrders: [{ id: "gid://shopify/Order/42", name: "#1042", createdAt: "2026-11-01T00:00:00Z", financialStatus: "PAID", fulfillmentStatus: "FULFILLED", total: { amount: "99.0", currencyCode: "USD" }, linked: true }],
  lowStockThreshold: 5, fetchedAt: "2026-11-20T12:00:00Z", generatedAt: "2026-11-20T12:00:00Z", stale: true, error: "slow", errorKind: "timeout", cost: 300,
};

async function render(locale: AdminLocale): Promise<string> {
  const routes = [{ path: "/", element: h(CustomerPanel, { panel: view, ticketId: "t1" }) }];
  const handler = createStaticHandler(routes);
  const context = await handler.query(new Request("http://localhost/"));
  if (context instanceof Response) throw new Error("unexpected redirect");
  const router = h(StaticRouterProvider, { router: createStaticRouter(handler.dataRoutes, context), context });
  return renderToString(h(AppProvider, { i18n: polarisTranslations(locale) }, h(I18nextProvider, { i18n: createI18n(locale) }, router)));
}

describe("<CustomerPanel>", () => {
  it("renders the customer, orders, tracking, stock and the stale banner (en)", async () => {
    const html = await render("en");
    expect(html).toContain("Li Wei");
    expect(html).toContain("#1042");
    expect(html).toMatch(/href="https:\/\/www\.sf-express\.com\/track\?SF123"[^>]*target="_blank"|target="_blank"[^>]*href="https:\/\/www\.sf-express\.com\/track\?SF123"/);
    expect(html).toContain("Low stock");
    expect(html).toContain("Out of stock");
    expect(html).toContain("Shenzhen");
    expect(html).toContain("Showing saved Shopify data");
    expect(html).toContain("In transit");
  });

  it("renders in Simplified Chinese", async () => {
    const html = await render("zh-CN");
    expect(html).toContain("库存不足");
    expect(html).toContain("运输中");
    expect(html).toContain("正在显示已保存的 Shopify 数据");
  });
});
