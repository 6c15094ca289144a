// Presence heartbeat for the ticket page: every ~5 s the page reports that this agent is viewing or
// typing and gets back the other agents seen in the last 30 s. A GET (fetcher.load) on purpose: a POST
// would make Remix revalidate the whole ticket page on every beat.
import { json } from "@remix-run/node";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import type { Session } from "@shopify/shopify-api";
import { authenticate } from "../shopify.server";
import prisma from "../db.server";
import { withServiceErrors } from "../lib/service-errors.server";
import { adminRequestContext } from "../services/request-context.server";
import { findTicket } from "../models/tickets.server";
import { clearPresence, listPresence, recordPresence } from "../services/presence.server";

export const loader = async ({ request, params }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const state = new URL(request.url).searchParams.get("state");
  return withServiceErrors(() => heartbeat(session, params.ticketId ?? "", state));
};

export const action = async ({ request, params }: ActionFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const state = (await request.formData()).get("state");
  return withServiceErrors(() => heartbeat(session, params.ticketId ?? "", typeof state === "string" ? state : null));
};

async function heartbeat(session: Session, ticketId: string, state: string | null) {
  const { shop, agent } = await adminRequestContext(prisma, session);
  const ticket = await findTicket(prisma, shop.id, ticketId);
  if (!ticket) throw new Response("Ticket not found", { status: 404 });
  const now = new Date();
  if (agent) {
    if (state === "left") await clearPresence(prisma, { shopId: shop.id, ticketId: ticket.id, agentId: agent.id });
    else await recordPresence(prisma, { shopId: shop.id, ticketId: ticket.id, agentId: agent.id, state: state === "typing" ? "typing" : "viewing", now });
  }
  const others = await listPresence(prisma, { shopId: shop.id, ticketId: ticket.id, excludeAgentId: agent?.id, now });
  return json({ others }, { headers: { "Cache-Control": "no-store" } });
}
