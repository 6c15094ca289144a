// The ticket page: the conversation and timeline on the left, the customer and orders on the right,
// the composer (reply or internal note), field edits, snooze, merge, presence and keyboard shortcuts.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import type { Session } from "@shopify/shopify-api";
import { authenticate } from "../shopify.server";
import prisma from "../db.server";
import { env } from "../env.server";
import { databaseProvider } from "../db/create-client.server";
import { withServiceErrors } from "../lib/service-errors.server";
import { adminRequestContext } from "../services/request-context.server";
import { listAgents, setAvailability } from "../models/agents.server";
import { buildThread, findTicketForPage, inboxNeighbours, lastMessageId } from "../models/ticket-thread.server";
import { listPresence } from "../services/presence.server";
import { sendMessage } from "../services/send-reply.server";
import { normaliseTags, StaleTicketError, TicketValidationError, updateTickets, type TicketChanges } from "../services/ticket-updates.server";
import { MergeError, mergeTickets } from "../services/merge-tickets.server";
import { autoAssign } from "../services/assignment.server";
import { loadCustomerPanel } from "../services/customer-panel.server";
import { TicketPage } from "../components/ticket/TicketPage";

const notFound = () => new Response("Ticket not found", { status: 404 });

export const loader = async ({ request, params }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  return withServiceErrors(() => loadTicketPage(session, params.ticketId ?? ""));
};

async function loadTicketPage(session: Session, ticketId: string) {
  const { shop, agent, admin } = await adminRequestContext(prisma, session);
  const now = new Date();
  // Started together: the panel (the slowest part) does not wait for the thread. Each is scoped by shop;
  // the no-op catch keeps an early rejection from counting as unhandled before it is awaited below.
  const started = {
    panel: loadCustomerPanel({ db: prisma, admin, shop, ticketId, now }),
    agents: listAgents(prisma, shop.id),
    presence: listPresence(prisma, { shopId: shop.id, ticketId, excludeAgentId: agent?.id, now }),
  };
  for (const promise of Object.values(started)) promise.catch(() => undefined);
  const ticket = await findTicketForPage(prisma, shop.id, ticketId);
  if (!ticket) throw notFound();
  const [panel, agents, presence, neighbours, mergedInto] = await Promise.all([
    // Never throws for Shopify trouble: it falls back to the cached panel, marked stale.
    started.panel,
    started.agents,
    started.presence,
    inboxNeighbours(prisma, databaseProvider(env.DATABASE_URL), shop.id, ticket),
    ticket.mergedIntoId ? prisma.ticket.findFirst({ where: { id: ticket.mergedIntoId, shopId: shop.id }, select: { id: true, number: true } }) : null,
  ]);
  const agentNames = new Map(agents.map((row) => [row.id, row.name]));
  return {
    now: now.toISOString(),
    timeZone: shop.ianaTimezone,
    me: agent ? { id: agent.id, name: agent.name, availability: agent.availability } : null,
    agents: agents.map((row) => ({ id: row.id, name: row.name, availability: row.availability })),
    ticket: {
      id: ticket.id,
      number: ticket.number,
      subject: ticket.subject,
      status: ticket.status,
      priority: ticket.priority,
      severity: ticket.severity,
      category: ticket.category,
      channel: ticket.channel,
      slaDueAt: ticket.slaDueAt?.toISOString() ?? null,
      slaPaused: ticket.slaPausedAt !== null,
      snoozedUntil: ticket.snoozedUntil?.toISOString() ?? null,
      updatedAt: ticket.updatedAt.toISOString(),
      assignee: ticket.assigneeId ? { id: ticket.assigneeId, name: agentNames.get(ticket.assigneeId) ?? "—" } : null,
      tags: ticket.tags.map((row) => row.tag),
      mergedInto,
    },
    thread: buildThread(ticket, agentNames),
    lastMessageId: lastMessageId(ticket),
    neighbours,
    presence,
    panel,
  };
}

export type TicketPageData = Awaited<ReturnType<typeof loadTicketPage>>;

export const action = async ({ request, params }: ActionFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const form = await request.formData();
  return withServiceErrors(() => handleAction(session, params.ticketId ?? "", form));
};

function text(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
}

function optionalDate(value: string): Date | undefined {
  if (!value) return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

async function handleAction(session: Session, ticketId: string, form: FormData) {
  const { shop, agent } = await adminRequestContext(prisma, session);
  const ticket = await prisma.ticket.findFirst({ where: { id: ticketId, shopId: shop.id }, include: { tags: { select: { tag: true } } } });
  if (!ticket) throw notFound();
  const intent = text(form, "intent");
  const actorAgentId = agent?.id ?? null;

  if (intent === "reply" || intent === "note") {
    const thenStatus = text(form, "thenStatus");
    const result = await sendMessage(prisma, {
      shopId: shop.id,
      ticketId: ticket.id,
      agent: agent ? { id: agent.id, name: agent.name } : null,
      kind: intent,
      body: text(form, "body"),
      lastSeenMessageId: text(form, "lastSeenMessageId") || null,
      force: text(form, "force") === "1",
      thenStatus: thenStatus === "pending" || thenStatus === "resolved" ? thenStatus : null,
      templateId: text(form, "templateId") || null,
    });
    if (result.kind === "not_found") throw notFound();
    if (result.kind === "invalid") return json({ errors: result.errors }, { status: 422 });
    if (result.kind === "conflict") return json({ conflict: { newMessages: result.newMessages } }, { status: 409 });
    return json({ ok: true as const, sent: intent, messageId: result.message.id });
  }

  if (intent === "update" || intent === "snooze" || intent === "wake" || intent === "resolve") {
    const changes: TicketChanges = {};
    if (intent === "update") {
      for (const field of ["status", "priority", "severity", "category"] as const) {
        const value = text(form, field);
        if (value) (changes as Record<string, string>)[field] = value;
      }
      if (form.has("assigneeId")) changes.assigneeId = text(form, "assigneeId") || null;
      if (form.has("tags")) {
        const wanted = normaliseTags(text(form, "tags").split(","));
        const current = ticket.tags.map((row) => row.tag);
        changes.addTags = wanted.filter((tag) => !current.includes(tag));
        changes.removeTags = current.filter((tag) => !wanted.includes(tag));
      }
    } else if (intent === "snooze") {
      const until = optionalDate(text(form, "snoozedUntil"));
      if (!until || until.getTime() <= Date.now()) return json({ errors: { snoozedUntil: "future" } }, { status: 422 });
      changes.snoozedUntil = until;
    } else if (intent === "wake") {
      changes.snoozedUntil = null;
    } else {
      changes.status = "resolved";
    }
    try {
      const { updated } = await updateTickets(prisma, {
        shopId: shop.id,
        ticketIds: [ticket.id],
        actorAgentId,
        changes,
        expectedUpdatedAt: optionalDate(text(form, "updatedAt")),
      });
      return json({ ok: true as const, updated });
    } catch (error) {
      if (error instanceof TicketValidationError) return json({ errors: error.errors }, { status: 422 });
      if (error instanceof StaleTicketError) {
        const current = await prisma.ticket.findFirst({ where: { id: ticket.id, shopId: shop.id }, select: { updatedAt: true } });
        return json({ stale: { message: error.message, currentUpdatedAt: current?.updatedAt.toISOString() ?? null } }, { status: 409 });
      }
      throw error;
    }
  }

  if (intent === "merge") {
    const number = Number(text(form, "targetNumber").replace(/^#/, ""));
    const target = Number.isInteger(number) ? await prisma.ticket.findFirst({ where: { shopId: shop.id, number }, select: { id: true } }) : null;
    if (!target || target.id === ticket.id) return json({ errors: { targetNumber: "unknown" } }, { status: 422 });
    try {
      await mergeTickets(prisma, { shopId: shop.id, sourceTicketIds: [ticket.id], targetTicketId: target.id, actorAgentId });
    } catch (error) {
      if (error instanceof MergeError) return json({ errors: { targetNumber: "merged" } }, { status: 422 });
      throw error;
    }
    return redirect(`/app/tickets/${target.id}`);
  }

  if (intent === "availability") {
    const availability = text(form, "availability");
    if (!agent || (availability !== "available" && availability !== "away")) return json({ errors: { availability: "invalid" } }, { status: 422 });
    await setAvailability(prisma, shop.id, agent.id, availability);
    return json({ ok: true as const });
  }

  if (intent === "autoAssign") {
    const { assigned } = await autoAssign(prisma, shop.id);
    return json({ ok: true as const, assigned: assigned.length });
  }

  return json({ errors: { intent: "unknown" } }, { status: 422 });
}

export default function TicketRoute() {
  const data = useLoaderData<typeof loader>();
  // A fresh page (and fresh form state) per ticket when j/k moves on.
  return <TicketPage key={data.ticket.id} data={data} />;
}
