// Every block of the theme app extension rendered with liquidjs (the dev storefront's Shopify stand-in)
// against fixture metafields: open, closed, holiday, nothing published, empty and long FAQ, hostile
// FAQ text, and every storefront locale.
import { describe, expect, it } from "vitest";
import { buildFaqPayload, faqKey, STOREFRONT_LANGUAGES } from "../../app/domain/storefront/storefront-data";
import { ExtensionRenderer } from "../../dev/storefront/render";
import { CLOSED_INSTANT, FIXTURE_TIMEZONE, fixtureFaqEntries, fixtureMetafields, HOLIDAY_INSTANT, OPEN_INSTANT } from "./fixtures";
import en from "../../extensions/support-widget/locales/en.default.json";
import zhCN from "../../extensions/support-widget/locales/zh-CN.json";
import es from "../../extensions/support-widget/locales/es.json";
import fr from "../../extensions/support-widget/locales/fr.json";
import de from "../../extensions/support-widget/locales/de.json";
import ja from "../../extensions/support-widget/locales/ja.json";

const LOCALE_FILES = { en, "zh-CN": zhCN, es, fr, de, ja } as const;
const BLOCKS = ["support-hours-faq", "contact-form", "support-badge"] as const;

function renderer(options: { locale?: string; now?: Date; metafields?: Record<string, unknown> } = {}) {
  return new ExtensionRenderer({
    locale: options.locale ?? "en",
    metafields: options.metafields ?? fixtureMetafields({ now: options.now }),
    timezone: FIXTURE_TIMEZONE,
    now: () => options.now ?? OPEN_INSTANT,
  });
}

function statusOf(html: string): string | undefined {
  return /data-sw-status data-state="(\w+)"/.exec(html)?.[1];
}

function jsonLdOf(html: string): { "@type": string; mainEntity: { name: string; acceptedAnswer: { text: string } }[] } | null {
  const match = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(html);
  return match ? JSON.parse(match[1]!) : null;
}

describe("Support hours & FAQ block", () => {
  it("shows open now during hours, with the week, the holiday and the reply promise", async () => {
    const html = await renderer().renderBlock("support-hours-faq");
    expect(statusOf(html)).toBe("open");
    expect(html).toContain("Open now");
    expect(html).toContain("We usually reply within 4 business hours.");
    expect(html).toContain("<th scope=\"row\">Monday</th>");
    expect(html).toContain('<td class="sw-times">09:00–12:30<br>13:30–18:00</td>');
    expect(html).toContain('<td class="sw-times" data-sw-local>–<br>–</td>'); // one placeholder line per range
    expect(html).toMatch(/<th scope="row">Sunday<\/th>\s*<td class="sw-times">Closed<\/td>/);
    expect(html).toContain("Christmas Day");
    expect(html).toContain('data-sw-week="1=09:00-12:30,13:30-18:00;');
    expect(html).toContain('data-sw-off="2026-12-25=;"');
  });

  it("shows closed after hours and on a holiday that falls on a working day", async () => {
    expect(statusOf(await renderer({ now: CLOSED_INSTANT }).renderBlock("support-hours-faq"))).toBe("closed");
    const holiday = await renderer({ now: HOLIDAY_INSTANT }).renderBlock("support-hours-faq");
    expect(statusOf(holiday)).toBe("closed");
    expect(holiday).toContain("Closed now");
    // The same weekday and time without the holiday is open.
    expect(statusOf(await renderer({ now: new Date("2026-12-18T09:00:00Z") }).renderBlock("support-hours-faq"))).toBe("open");
  });

  it("shows an overnight range as open before midnight", async () => {
    const metafields = fixtureMetafields();
    const hours = metafields.hours as { days: { day: number; ranges: [string, string][] }[] };
    hours.days[0]!.ranges = [["20:00", "02:00"]];
    expect(statusOf(await renderer({ metafields, now: CLOSED_INSTANT }).renderBlock("support-hours-faq"))).toBe("open"); // Monday 20:00 Berlin
  });

  it("groups the FAQ by category as <details> disclosures with a filter box and FAQPage JSON-LD", async () => {
    const html = await renderer().renderBlock("support-hours-faq");
    expect(html.match(/<details class="sw-q" data-sw-q>/g)).toHaveLength(6);
    expect(html.match(/<h3 class="sw-h3">(Products|Shipping|International orders|Orders and returns|General)<\/h3>/g)).toHaveLength(5);
    expect(html).toContain('type="search"');
    expect(html).toContain("<summary>en question 1 about products?</summary>");
    expect(html).toContain("en answer 1.<br />");
    const jsonLd = jsonLdOf(html);
    expect(jsonLd?.["@type"]).toBe("FAQPage");
    expect(jsonLd?.mainEntity).toHaveLength(6);
  });

  it("renders an empty FAQ without a filter or JSON-LD", async () => {
    const html = await renderer({ metafields: fixtureMetafields({ faqCount: 0 }) }).renderBlock("support-hours-faq");
    expect(html).toContain("No questions have been published yet.");
    expect(html).not.toContain("<details");
    expect(html).not.toContain("data-sw-filter");
    expect(jsonLdOf(html)).toBeNull();
  });

  it("renders a long FAQ completely", async () => {
    const html = await renderer({ metafields: fixtureMetafields({ faqCount: 300 }) }).renderBlock("support-hours-faq");
    expect(html.match(/<details /g)).toHaveLength(300);
    expect(jsonLdOf(html)?.mainEntity).toHaveLength(300);
  });

  it("escapes hostile FAQ text in HTML and in the JSON-LD script", async () => {
    const metafields = fixtureMetafields();
    metafields[faqKey("en")] = buildFaqPayload("en", [{ category: "general", question: "</script><script>alert(1)</script>?", answer: "<img src=x onerror=alert(2)> & more", position: 0 }]).payload;
    const html = await renderer({ metafields }).renderBlock("support-hours-faq");
    expect(html).not.toContain("<script>alert(1)");
    expect(html).not.toContain("<img src=x");
    expect(html).toContain("&lt;img src=x onerror=alert(2)&gt; &amp; more");
    expect(jsonLdOf(html)?.mainEntity[0]!.name).toBe("</script><script>alert(1)</script>?");
  });

  it("falls back to the shop's default language FAQ when the visitor's language has none", async () => {
    const html = await renderer({ locale: "fr" }).renderBlock("support-hours-faq");
    expect(html).toContain("Questions fréquentes");
    expect(html).toContain("en question 1 about products?");
  });

  it("says so when nothing is published yet", async () => {
    const html = await renderer({ metafields: {} }).renderBlock("support-hours-faq");
    expect(html).toContain("Our support hours will appear here soon.");
    expect(html).toContain("No questions have been published yet.");
  });

  it("uses merchant headings from block settings, escaped", async () => {
    const html = await renderer().renderBlock("support-hours-faq", { hours_heading: "<b>When we answer</b>", show_faq: false });
    expect(html).toContain("&lt;b&gt;When we answer&lt;/b&gt;");
    expect(html).not.toContain("data-sw-faq");
  });
});

describe("Contact form block", () => {
  it("posts to the app proxy with every field, a honeypot and the render time, and shows the reply promise", async () => {
    const html = await renderer().renderBlock("contact-form");
    expect(html).toContain('action="/apps/shopdesk/contact"');
    expect(html).toContain('method="post"');
    for (const name of ["name", "email", "order", "topic", "message", "website", "locale", "started_at"]) expect(html).toContain(`name="${name}"`);
    expect(html).toContain(`value="${OPEN_INSTANT.getTime() / 1000}"`);
    expect(html).toContain('maxlength="5000"');
    expect(html).toContain("We usually reply within 4 business hours.");
    expect(html).toMatch(/<label class="sw-label" for="sw-email-contact-form-1">Email<\/label>/);
  });

  it("can leave out the order number field", async () => {
    expect(await renderer().renderBlock("contact-form", { show_order: false })).not.toContain('name="order"');
  });
});

describe("Support badge embed", () => {
  it("links to the contact page with the open state", async () => {
    const html = await renderer({ now: CLOSED_INSTANT }).renderBlock("support-badge");
    expect(html).toContain('href="/pages/contact"');
    expect(statusOf(html)).toBe("closed");
    expect(html).toContain("sw-badge--right");
    const faq = await renderer().renderBlock("support-badge", { link: "faq", position: "left", label: "Help" });
    expect(faq).toContain('href="/pages/faq"');
    expect(faq).toContain("sw-badge--left");
    expect(faq).toContain(">Help</span>");
  });
});

describe("every storefront locale", () => {
  it.each(STOREFRONT_LANGUAGES)("%s: every block renders fully translated", async (locale) => {
    const strings = LOCALE_FILES[locale].support_widget;
    const metafields = fixtureMetafields({ language: locale });
    for (const block of BLOCKS) {
      const html = await renderer({ locale, metafields }).renderBlock(block);
      expect(html, `${locale} ${block}`).not.toContain("translation missing");
    }
    const hours = await renderer({ locale, metafields }).renderBlock("support-hours-faq");
    expect(hours).toContain(strings.hours.heading);
    expect(hours).toContain(strings.days.d3);
    expect(hours).toContain(strings.faq.categories.international);
    expect(hours).toContain(`${locale} question 1`);
    const form = await renderer({ locale, metafields }).renderBlock("contact-form");
    expect(form).toContain(strings.form.submit);
    expect(form).toContain(strings.form.topics.returns);
  });

  it("has the same keys in every locale file and stays under Shopify's 15 KB per file", async () => {
    const keys = (value: unknown, prefix = ""): string[] =>
      value && typeof value === "object" ? Object.entries(value).flatMap(([key, child]) => keys(child, `${prefix}${key}.`)) : [prefix];
    const reference = keys(en).sort();
    for (const [locale, file] of Object.entries(LOCALE_FILES)) {
      expect(keys(file).sort(), locale).toEqual(reference);
      expect(Buffer.byteLength(JSON.stringify(file)), locale).toBeLessThan(15 * 1024);
    }
  });
});

it("builds the FAQ JSON-LD the same way for the fixture entries", () => {
  expect(buildFaqPayload("en", fixtureFaqEntries(3)).payload.count).toBe(3);
});
