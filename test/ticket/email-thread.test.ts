// An email in the thread: the page gets its sanitised HTML and attachments, and the formatted view is a
// sandboxed frame with remote images still blocked.
import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { AppProvider } from "@shopify/polaris";
import polarisEn from "@shopify/polaris/locales/en.json";
import { describe, expect, it } from "vitest";
import prisma from "../../app/db.server";
import { EmailHtmlView } from "../../app/components/ticket/EmailHtmlView";
import { createI18n } from "../../app/i18n/locales";
import { loader } from "../../app/routes/app.tickets.$ticketId";
import { createShop, createTicket } from "../factories";
import { adminRequest } from "../helpers/admin-request";
import { adminEmulatorForRoutes } from "../helpers/admin-emulator";

adminEmulatorForRoutes();

const HTML = '<p>Hello, the box arrived <b>crushed</b>.</p><img data-src="https://tracker.example/open.png" alt="">';

describe("an email message in the thread", () => {
  it("reaches the page with its sanitised HTML and its attachments", async () => {
    const shop = await createShop(prisma);
    const ticket = await createTicket(prisma, shop.id);
    const message = await prisma.message.create({
      data: { shopId: shop.id, ticketId: ticket.id, direction: "inbound", authorType: "customer", bodyText: "Hello, the box arrived crushed.", bodyHtml: HTML, channel: "email" },
    });
    await prisma.attachment.create({ data: { shopId: shop.id, messageId: message.id, filename: "box.jpg", contentType: "image/jpeg", sizeBytes: 204_800, storageKey: "attachments/x/box.jpg" } });

    const result = await loader({ request: await adminRequest(shop.domain, `/app/tickets/${ticket.id}`), params: { ticketId: ticket.id }, context: {} });
    const page = JSON.parse(JSON.stringify(result instanceof Response ? await result.json() : result));
    const shown = page.thread.find((item: { kind: string; id: string }) => item.kind === "message" && item.id === message.id);
    expect(shown).toMatchObject({ bodyHtml: HTML, attachments: [{ filename: "box.jpg", contentType: "image/jpeg", sizeBytes: 204_800 }] });
  });

  it("shows the HTML in a sandboxed frame without scripts, remote images blocked until asked", () => {
    const markup = renderToString(
      createElement(AppProvider, { i18n: polarisEn }, createElement(I18nextProvider, { i18n: createI18n("en") }, createElement(EmailHtmlView, { html: HTML }))),
    );
    expect(markup).toContain('sandbox="allow-popups allow-popups-to-escape-sandbox"');
    expect(markup).not.toContain("allow-scripts");
    expect(markup).not.toContain("allow-same-origin");
    expect(markup).toContain("data-src=&quot;https://tracker.example/open.png&quot;");
    expect(markup).not.toMatch(/[^-]src=&quot;https:\/\/tracker\.example/);
    expect(markup).toContain("Load remote images");
  });
});
