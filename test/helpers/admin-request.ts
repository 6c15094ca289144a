// An authenticated embedded-admin request, built with Shopify's own test helpers: the staff member's
// online session (what authenticate.admin loads) and the shop's offline session are stored first.
import { API_KEY, API_SECRET_KEY, APP_URL, RequestType, setUpValidRequest, setUpValidSession } from "@shopify/shopify-api/test-helpers";
import { sessionStorage } from "../../app/shopify.server";

export async function adminRequest(domain: string, path: string, init?: RequestInit): Promise<Request> {
  await sessionStorage.storeSession(setUpValidSession({ shop: domain }));
  await sessionStorage.storeSession(setUpValidSession({ shop: domain, isOnline: true }));
  const type = init?.method && init.method !== "GET" ? RequestType.Bearer : RequestType.Admin;
  return setUpValidRequest(
    { type, store: domain.replace(".myshopify.com", ""), apiKey: API_KEY, apiSecretKey: API_SECRET_KEY },
    new Request(`${APP_URL}${path}`, init),
  );
}
