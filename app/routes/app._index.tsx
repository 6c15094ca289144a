// The inbox: the shop's open tickets, soonest SLA due first. (The workspace issue adds views and filters.)
import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData, useNavigate } from "@remix-run/react";
import { Badge, BlockStack, Card, EmptyState, IndexTable, Page, Text, InlineStack } from "@shopify/polaris";
import { TitleBar } from "@shopify/app-bridge-react";
import { useTranslation } from "react-i18next";
import { authenticate } from "../shopify.server";
import prisma from "../db.server";
import type { Session } from "@shopify/shopify-api";
import { adminRequestContext } from "../services/request-context.server";
import { countTicketsByStatus, listInboxPage } from "../models/tickets.server";
import { SlaBadge } from "../components/SlaBadge";
import { PriorityBadge, SeverityBadge } from "../components/TicketBadges";
import { withServiceErrors } from "../lib/service-errors.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  return withServiceErrors(() => loadInbox(request, session));
};

async function loadInbox(request: Request, session: Session) {
  const { shop } = await adminRequestContext(prisma, session);
  const cursor = new URL(request.url).searchParams.get("cursor");
  const [page, counts] = await Promise.all([
    listInboxPage(prisma, shop.id, { cursor }),
    countTicketsByStatus(prisma, shop.id),
  ]);
  return {
    now: new Date().toISOString(),
    counts,
    nextCursor: page.nextCursor,
    rows: page.rows.map((row) => ({
      id: row.id,
      number: row.number,
      subject: row.subject,
      snippet: row.snippet,
      status: row.status,
      priority: row.priority,
      severity: row.severity,
      channel: row.channel,
      unread: row.unread,
      slaDueAt: row.slaDueAt?.toISOString() ?? null,
      slaPaused: row.slaPausedAt !== null,
      customerName: row.customer?.displayName ?? row.customer?.email ?? "—",
      assigneeName: row.assignee?.name ?? null,
      orderName: row.orders[0]?.orderName ?? null,
    })),
  };
}

export default function Inbox() {
  const { rows, counts, now, nextCursor } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const nowDate = new Date(now);

  const markup = rows.map((row, index) => (
    <IndexTable.Row id={row.id} key={row.id} position={index}>
      <IndexTable.Cell>
        <Text as="span" variant="bodyMd" fontWeight={row.unread ? "bold" : "regular"}>
          #{row.number}
        </Text>
      </IndexTable.Cell>
      <IndexTable.Cell>{row.customerName}</IndexTable.Cell>
      <IndexTable.Cell>
        <div style={{ maxWidth: "28rem" }}>
        <BlockStack gap="050">
          <InlineStack gap="100" blockAlign="center">
            {row.unread && <Badge tone="info">{t("inbox.unread")}</Badge>}
            <Text as="span" fontWeight={row.unread ? "semibold" : "regular"} truncate>
              {row.subject}
            </Text>
          </InlineStack>
          <Text as="span" tone="subdued" variant="bodySm" truncate>
            {row.snippet}
          </Text>
        </BlockStack>
        </div>
      </IndexTable.Cell>
      <IndexTable.Cell>{t(`channel.${row.channel}`, { defaultValue: row.channel })}</IndexTable.Cell>
      <IndexTable.Cell>
        <InlineStack gap="100" wrap={false}>
          <PriorityBadge priority={row.priority} />
          <SeverityBadge severity={row.severity} />
        </InlineStack>
      </IndexTable.Cell>
      <IndexTable.Cell>{t(`status.${row.status}`, { defaultValue: row.status })}</IndexTable.Cell>
      <IndexTable.Cell>
        <SlaBadge dueAt={row.slaDueAt} paused={row.slaPaused} now={nowDate} />
      </IndexTable.Cell>
      <IndexTable.Cell>{row.assigneeName ?? t("inbox.unassigned")}</IndexTable.Cell>
      <IndexTable.Cell>{row.orderName ?? ""}</IndexTable.Cell>
    </IndexTable.Row>
  ));

  return (
    // The admin's title bar (App Bridge) carries the page title, as in Shopify's own pages.
    <Page
      fullWidth
      pagination={nextCursor ? { hasNext: true, onNext: () => navigate(`?cursor=${encodeURIComponent(nextCursor)}`) } : undefined}
    >
      <TitleBar title={t("inbox.title")} />
      <BlockStack gap="300">
      <Text as="p" tone="subdued">
        {t("inbox.counts", { open: counts.open ?? 0, pending: counts.pending ?? 0, snoozed: counts.snoozed ?? 0 })}
      </Text>
      <Card padding="0">
        <IndexTable
          resourceName={{ singular: t("inbox.resourceName.singular"), plural: t("inbox.resourceName.plural") }}
          itemCount={rows.length}
          selectable={false}
          emptyState={
            <EmptyState heading={t("inbox.empty")} image="">
              <p>{t("inbox.emptyHint")}</p>
            </EmptyState>
          }
          headings={[
            { title: t("inbox.columns.ticket") },
            { title: t("inbox.columns.customer") },
            { title: t("inbox.columns.subject") },
            { title: t("inbox.columns.channel") },
            { title: t("inbox.columns.priority") },
            { title: t("inbox.columns.status") },
            { title: t("inbox.columns.sla") },
            { title: t("inbox.columns.assignee") },
            { title: t("inbox.columns.order") },
          ]}
        >
          {markup}
        </IndexTable>
      </Card>
      </BlockStack>
    </Page>
  );
}
