// GET/POST /apps/shopdesk/survey on the storefront, proxied and signed by Shopify: the customer's
// one-click rating (GET with ?score=), then an optional comment and, after a low score, the reason.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import prisma from "../db.server";
import { authenticate } from "../shopify.server";
import { answerSurveyPage, commentSurveyPage } from "../services/surveys/survey-requests.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { liquid } = await authenticate.public.appProxy(request);
  const url = new URL(request.url);
  const page = await answerSurveyPage(prisma, { params: url.searchParams, acceptLanguage: request.headers.get("accept-language"), now: new Date() });
  return liquid(page.body, { status: page.status, headers: { "Cache-Control": "no-store" } });
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const { liquid } = await authenticate.public.appProxy(request);
  const url = new URL(request.url);
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return new Response("Unreadable form body", { status: 400 });
  }
  const page = await commentSurveyPage(prisma, { params: url.searchParams, form, acceptLanguage: request.headers.get("accept-language"), now: new Date() });
  return liquid(page.body, { status: page.status, headers: { "Cache-Control": "no-store" } });
};
