// (A .ts file with createElement: the unit-test glob is *.test.ts.)
// Server-renders the privacy page's parts in both admin languages: the data requests with their
// download, the evidence export, the log of privacy requests, and the empty states.
import { AppProvider } from "@shopify/polaris";
import { createElement as h, type ReactElement } from "react";
import { renderToString } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { describe, expect, it } from "vitest";
import { DataRequestList } from "../../app/components/privacy/DataRequestList";
import { EvidenceExportCard } from "../../app/components/privacy/EvidenceExportCard";
import { PrivacyRequestLog } from "../../app/components/privacy/PrivacyRequestLog";
import { createI18n, polarisTranslations, type AdminLocale } from "../../app/i18n/locales";

const rows = [
  { id: "exp1", createdAt: "2026-11-20T09:00:00Z", status: "ready", customerEmail: "pat@example.com", tickets: 3 },
  { id: "exp2", createdAt: "2026-11-21T09:00:00Z", status: "pending", customerEmail: null, tickets: 0 },
];
const log = [
  { id: "d1", topic: "customers/redact", receivedAt: "2026-11-22T10:00:00Z", status: "processed" },
  { id: "d2", topic: "customers/data_request", receivedAt: "2026-11-22T11:00:00Z", status: "failed" },
];

function render(locale: AdminLocale, element: ReactElement): string {
  return renderToString(h(AppProvider, { i18n: polarisTranslations(locale) }, h(I18nextProvider, { i18n: createI18n(locale) }, element)));
}

describe("privacy page", () => {
  it("lists data requests with a download for ready exports, the evidence export and the request log (en)", () => {
    const html = render("en", h("div", null, h(DataRequestList, { rows }), h(EvidenceExportCard, { shopDomain: "demo.myshopify.com" }), h(PrivacyRequestLog, { rows: log })));
    expect(html).toContain("Customer data requests");
    expect(html).toContain("pat@example.com");
    expect(html).toContain("Unknown customer");
    expect(html.match(/>Download</g)).toHaveLength(1); // only the ready export
    expect(html).toContain("Evidence export");
    expect(html).toContain("Download export");
    expect(html).toContain("Customer erasure");
    expect(html).toContain("Customer data request");
    expect(html).toContain("Failed");
  });

  it("renders in Simplified Chinese, with empty states", () => {
    const html = render("zh-CN", h("div", null, h(DataRequestList, { rows: [] }), h(EvidenceExportCard, { shopDomain: "demo.myshopify.com" }), h(PrivacyRequestLog, { rows: [] })));
    expect(html).toContain("顾客数据请求");
    expect(html).toContain("暂无数据请求");
    expect(html).toContain("证据导出");
    expect(html).toContain("尚未收到隐私请求");
  });
});
