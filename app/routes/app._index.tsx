// The inbox: views with counts, filters, search and sort in the URL, keyset pages, bulk actions.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useFetcher, useLoaderData, useLocation, useNavigate, useNavigation } from "@remix-run/react";
import { Banner, BlockStack, Card, InlineStack, Page, Text } from "@shopify/polaris";
import { TitleBar, useAppBridge } from "@shopify/app-bridge-react";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import type { Session } from "@shopify/shopify-api";
import { authenticate } from "../shopify.server";
import prisma from "../db.server";
import { env } from "../env.server";
import { databaseProvider } from "../db/create-client.server";
import { adminRequestContext } from "../services/request-context.server";
import { loadInboxView, INBOX_SEARCH_LIMIT } from "../models/tickets.server";
import { setAvailability } from "../models/agents.server";
import { withServiceErrors } from "../lib/service-errors.server";
import { activeFilterCount, MalformedCursorError, parseBulkAction, parseInboxQuery, serializeInboxQuery } from "../domain/inbox-filters";
import { updateTickets, TicketValidationError } from "../services/ticket-updates.server";
import { mergeTickets, MergeError } from "../services/merge-tickets.server";
import { InboxFilterBar, type InboxQueryState } from "../components/inbox/InboxFilterBar";
import { InboxTable, type BulkRequest } from "../components/inbox/InboxTable";
import { AgentAvailability } from "../components/AgentAvailability";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  return withServiceErrors(() => loadInbox(request, session));
};

async function loadInbox(request: Request, session: Session) {
  const { shop, agent } = await adminRequestContext(prisma, session);
  let query;
  try {
    query = parseInboxQuery(new URL(request.url).searchParams);
  } catch (error) {
    if (error instanceof MalformedCursorError) throw json({ message: error.message }, { status: 400 });
    throw error;
  }
  const now = new Date();
  const context = { shopId: shop.id, agentId: agent?.id ?? null, timeZone: shop.ianaTimezone, now };
  const view = await loadInboxView(prisma, databaseProvider(env.DATABASE_URL), context, query);
  const { cursor, ...queryState } = query;
  return {
    now: now.toISOString(),
    query: queryState,
    cursor: cursor ? new URL(request.url).searchParams.get("cursor") : null,
    currentAgentId: agent?.id ?? null,
    availability: agent?.availability ?? null,
    searchLimit: INBOX_SEARCH_LIMIT,
    ...view,
  };
}

export const action = async ({ request }: ActionFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  return withServiceErrors(async () => {
    const { shop, agent } = await adminRequestContext(prisma, session);
    const form = await request.formData();
    // The header's available/away toggle (components/AgentAvailability.tsx) posts here too.
    if (form.get("intent") === "availability") {
      const availability = form.get("availability");
      if (!agent || (availability !== "available" && availability !== "away")) return json({ ok: false as const, errors: { availability: "invalid" } }, { status: 422 });
      await setAvailability(prisma, shop.id, agent.id, availability);
      return json({ ok: true as const, intent: "availability" as const, count: 1 });
    }
    const parsed = parseBulkAction(form);
    if ("errors" in parsed) return json({ ok: false as const, errors: parsed.errors }, { status: 422 });
    const actorAgentId = agent?.id ?? null;
    try {
      if (parsed.action.kind === "merge") {
        const { merged } = await mergeTickets(prisma, { shopId: shop.id, sourceTicketIds: parsed.action.sourceTicketIds, targetTicketId: parsed.action.targetTicketId, actorAgentId });
        return json({ ok: true as const, intent: "merge" as const, count: merged });
      }
      const { updated } = await updateTickets(prisma, { shopId: shop.id, ticketIds: parsed.action.ticketIds, actorAgentId, changes: parsed.action.changes });
      return json({ ok: true as const, intent: "update" as const, count: updated });
    } catch (error) {
      if (error instanceof TicketValidationError) return json({ ok: false as const, errors: error.errors }, { status: 422 });
      if (error instanceof MergeError) return json({ ok: false as const, errors: { value: error.message } }, { status: 422 });
      throw error;
    }
  });
};

interface PageState {
  /** The query strings of the pages before this one, for "previous" (keyset cursors only go forward). */
  previous?: string[];
}

export default function Inbox() {
  const data = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const navigation = useNavigation();
  const location = useLocation();
  const fetcher = useFetcher<typeof action>();
  const shopify = useAppBridge();
  const now = new Date(data.now);
  const previous = (location.state as PageState | null)?.previous ?? [];
  const currentSearch = serializeInboxQuery(data.query, data.cursor);

  const changeQuery = (next: InboxQueryState, options?: { replace?: boolean }) =>
    navigate(`?${serializeInboxQuery(next)}`, { replace: options?.replace });

  const onBulk = async (request: BulkRequest): Promise<boolean> => {
    const form = new FormData();
    form.set("intent", request.intent);
    form.set("value", request.value);
    for (const id of request.ticketIds) form.append("ticketIds", id);
    await fetcher.submit(form, { method: "post" });
    return true;
  };
  useEffect(() => {
    const result = fetcher.data;
    if (fetcher.state !== "idle" || !result || (result.ok && result.intent === "availability")) return;
    const message = result.ok
      ? t(result.intent === "merge" ? "inbox.bulk.merged" : "inbox.bulk.done", { count: result.count })
      : t("inbox.bulk.failed", { message: Object.values(result.errors).join(", ") });
    shopify.toast.show(message, { isError: !result.ok });
  }, [fetcher.state, fetcher.data, shopify, t]);

  return (
    // The admin's title bar (App Bridge) carries the page title, as in Shopify's own pages.
    <Page fullWidth>
      <TitleBar title={t("inbox.title")} />
      <BlockStack gap="300">
        <InlineStack align="space-between" blockAlign="center">
          <Text as="p" tone="subdued">
            {t("inbox.counts", { open: data.counts.all - data.counts.waiting, pending: data.counts.waiting, snoozed: data.counts.snoozed })}
          </Text>
          {data.availability && <AgentAvailability availability={data.availability} />}
        </InlineStack>
        {data.searchTruncated && <Banner tone="info">{t("inbox.searchTruncated", { limit: data.searchLimit })}</Banner>}
        <Card padding="0">
          <InboxFilterBar query={data.query} counts={data.counts} agents={data.agents} onChange={changeQuery} loading={navigation.state === "loading"} />
          <InboxTable
            rows={data.rows}
            now={now}
            agents={data.agents}
            filtered={data.query.search !== "" || activeFilterCount(data.query.filters) > 0}
            onOpen={(id) => navigate(`/app/tickets/${id}${currentSearch ? `?${currentSearch}` : ""}`)}
            onBulk={onBulk}
            pagination={{
              hasNext: data.nextCursor !== null,
              hasPrevious: data.cursor !== null,
              onNext: () =>
                navigate(`?${serializeInboxQuery(data.query, data.nextCursor)}`, { state: { previous: [...previous, currentSearch] } satisfies PageState }),
              onPrevious: () =>
                navigate(`?${previous.at(-1) ?? serializeInboxQuery(data.query)}`, { state: { previous: previous.slice(0, -1) } satisfies PageState }),
            }}
          />
        </Card>
      </BlockStack>
    </Page>
  );
}
