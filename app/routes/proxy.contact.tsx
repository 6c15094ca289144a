// POST /apps/shopdesk/contact on the storefront, proxied and signed by Shopify ([app_proxy] in
// shopify.app.toml). JSON for the block's script (Accept: application/json, real status codes);
// otherwise an application/liquid page Shopify renders inside the theme (always 200 so Shopify shows
// it: the page carries the outcome and, on errors, the form with what the visitor typed).
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import prisma from "../db.server";
import { authenticate } from "../shopify.server";
import { parseShopSettings } from "../domain/shop-settings";
import { submitContactForm, type ContactOutcome } from "../services/storefront/contact-submission.server";
import { renderContactResultPage } from "../services/storefront/contact-page.server";
import { clientAddressOf } from "../services/storefront/client-address.server";
import { getJobQueue } from "../jobs/queue.server";

function jsonBody(outcome: ContactOutcome) {
  if (outcome.kind === "accepted") {
    return { ok: true, message: outcome.message, ticketNumber: outcome.ticketNumber, expectedReplyBy: outcome.expectedReplyBy?.toISOString() ?? null, duplicate: outcome.duplicate };
  }
  return { ok: false, errors: outcome.kind === "invalid" ? outcome.errors : {}, formError: outcome.formError, retryable: outcome.kind !== "invalid" };
}

export const action = async ({ request }: ActionFunctionArgs) => {
  const { liquid } = await authenticate.public.appProxy(request);
  const url = new URL(request.url);
  const shopDomain = url.searchParams.get("shop") ?? "";
  const wantsJson = (request.headers.get("accept") ?? "").includes("application/json");
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return json({ ok: false, errors: {}, formError: "Unreadable form body", retryable: false }, { status: 400 });
  }
  const now = new Date();
  const outcome = await submitContactForm(prisma, {
    shopDomain,
    clientIp: clientAddressOf(request),
    loggedInCustomerId: url.searchParams.get("logged_in_customer_id") || null,
    form,
    acceptLanguage: request.headers.get("accept-language"),
    now,
    queue: getJobQueue(),
  });
  const headers: Record<string, string> = { "Cache-Control": "no-store", "X-Shopdesk-Outcome": outcome.kind };
  if (outcome.kind === "rate_limited") headers["Retry-After"] = String(outcome.retryAfterSeconds);
  if (wantsJson) return json(jsonBody(outcome), { status: outcome.status, headers });
  const shop = await prisma.shop.findUnique({ where: { domain: shopDomain }, select: { settings: true } });
  const contactPageUrl = parseShopSettings(shop?.settings).storefront.contactPageUrl;
  // The re-shown form was already filled once: its fill time counts from a minute ago.
  const page = renderContactResultPage(outcome, { contactPageUrl, nowSeconds: Math.floor(now.getTime() / 1000) - 60 });
  return liquid(page, { status: 200, headers });
};

// A GET (a bookmarked result page, a crawler): verified like a POST, then sent to the contact page.
export const loader = async ({ request }: LoaderFunctionArgs) => {
  await authenticate.public.appProxy(request);
  const shop = await prisma.shop.findUnique({ where: { domain: new URL(request.url).searchParams.get("shop") ?? "" }, select: { settings: true } });
  return new Response(null, { status: 303, headers: { Location: parseShopSettings(shop?.settings).storefront.contactPageUrl } });
};
