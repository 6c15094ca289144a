// The ticket's customer and order panel: the customer, their history with us, the linked orders
// (tracking, stock) and manual linking. Data comes from loadCustomerPanel; actions go to
// app.tickets.$ticketId.orders through fetchers.
import { Link as RemixLink, useFetcher } from "@remix-run/react";
import { Badge, Banner, BlockStack, Button, Card, InlineStack, Link, Text, TextField } from "@shopify/polaris";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { CustomerPanelView, OrderActionResult, PanelOrderSummary } from "../../services/panel/types";
import { financialTone, formatDate, formatLocalTime, formatMoney, fulfillmentTone, humanise, languageName, ticketTone } from "./format";
import { OrderCard } from "./OrderCard";

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <InlineStack align="space-between" gap="200" wrap={false}>
      <Text as="span" tone="subdued">{label}</Text>
      <Text as="span" alignment="end" breakWord>{children}</Text>
    </InlineStack>
  );
}

function CustomerCard({ panel }: { panel: CustomerPanelView }) {
  const { t, i18n } = useTranslation();
  const customer = panel.customer;
  if (!customer) {
    return (
      <Card>
        <Text as="p" tone="subdued">{t("panel.customer.none")}</Text>
      </Card>
    );
  }
  const locale = i18n.language;
  const localTime = formatLocalTime(panel.generatedAt, customer.timeZone, locale);
  return (
    <Card>
      <BlockStack gap="200">
        <InlineStack align="space-between" blockAlign="center">
          {customer.adminUrl ? (
            <Link url={customer.adminUrl} target="_blank"><Text as="span" variant="headingSm">{customer.displayName}</Text></Link>
          ) : (
            <Text as="h3" variant="headingSm">{customer.displayName}</Text>
          )}
          {!customer.shopifyCustomerId && <Badge>{t("panel.customer.notInShopify")}</Badge>}
        </InlineStack>
        {customer.email && <Row label={t("panel.customer.email")}>{customer.email}</Row>}
        {customer.phone && <Row label={t("panel.customer.phone")}>{customer.phone}</Row>}
        {localTime && <Row label={t("panel.customer.localTime")}>{localTime}</Row>}
        {customer.language && <Row label={t("panel.customer.language")}>{languageName(customer.language, locale)}</Row>}
        {customer.location && <Row label={t("panel.customer.location")}>{customer.location}</Row>}
        {customer.amountSpent && <Row label={t("panel.customer.spent")}>{formatMoney(customer.amountSpent, locale)}</Row>}
        {customer.ordersCount !== null && <Row label={t("panel.customer.orders")}>{customer.ordersCount}</Row>}
        {customer.customerSince && <Row label={t("panel.customer.since")}>{formatDate(customer.customerSince, locale)}</Row>}
        {customer.tags.length > 0 && (
          <InlineStack gap="100" wrap>
            {customer.tags.map((tag) => <Badge key={tag}>{tag}</Badge>)}
          </InlineStack>
        )}
      </BlockStack>
    </Card>
  );
}

function PreviousTickets({ panel }: { panel: CustomerPanelView }) {
  const { t, i18n } = useTranslation();
  if (panel.previousTickets.length === 0) return null;
  return (
    <Card>
      <BlockStack gap="200">
        <Text as="h3" variant="headingSm">{t("panel.previous.title")}</Text>
        {panel.previousTickets.map((ticket) => (
          <BlockStack key={ticket.id} gap="050">
            <InlineStack gap="200" blockAlign="center" wrap={false}>
              <RemixLink to={`/app/tickets/${ticket.id}`}>#{ticket.number}</RemixLink>
              <Text as="span" truncate>{ticket.subject}</Text>
            </InlineStack>
            <InlineStack gap="100" wrap>
              <Badge tone={ticketTone(ticket.status)}>{t(`status.${ticket.status}`, { defaultValue: ticket.status })}</Badge>
              {ticket.resolvedAt && <Text as="span" variant="bodySm" tone="subdued">{t("panel.previous.resolvedAt", { date: formatDate(ticket.resolvedAt, i18n.language) })}</Text>}
              {ticket.csatScore !== null && <Badge tone={ticket.csatScore >= 4 ? "success" : ticket.csatScore <= 2 ? "critical" : undefined}>{t("panel.previous.csat", { score: ticket.csatScore })}</Badge>}
            </InlineStack>
          </BlockStack>
        ))}
      </BlockStack>
    </Card>
  );
}

function OrderChoice({ order, ticketId }: { order: PanelOrderSummary; ticketId: string }) {
  const { t, i18n } = useTranslation();
  const fetcher = useFetcher<OrderActionResult>();
  return (
    <InlineStack align="space-between" blockAlign="center" gap="200">
      <BlockStack gap="050">
        <Text as="span" fontWeight="semibold">{order.name} · {formatMoney(order.total, i18n.language)}</Text>
        <InlineStack gap="100">
          <Text as="span" variant="bodySm" tone="subdued">{formatDate(order.createdAt, i18n.language)}</Text>
          {order.financialStatus && <Badge tone={financialTone(order.financialStatus)}>{t(`panel.financial.${order.financialStatus}`, { defaultValue: humanise(order.financialStatus) })}</Badge>}
          <Badge tone={fulfillmentTone(order.fulfillmentStatus)}>{t(`panel.fulfillment.${order.fulfillmentStatus}`, { defaultValue: humanise(order.fulfillmentStatus) })}</Badge>
        </InlineStack>
      </BlockStack>
      {order.linked ? (
        <Badge tone="success">{t("panel.link.linked")}</Badge>
      ) : (
        <Button
          size="slim"
          loading={fetcher.state !== "idle"}
          onClick={() => fetcher.submit({ intent: "link", orderId: order.id }, { method: "post", action: `/app/tickets/${ticketId}/orders` })}
        >
          {t("panel.link.link")}
        </Button>
      )}
    </InlineStack>
  );
}

function LinkOrders({ panel }: { panel: CustomerPanelView }) {
  const { t } = useTranslation();
  const search = useFetcher<OrderActionResult>();
  const [query, setQuery] = useState("");
  const results = search.data?.ok && search.data.intent === "search" ? search.data.results : null;
  const error = search.data && !search.data.ok ? search.data.errors.query : undefined;
  const choices = results ?? panel.recentOrders;
  const runSearch = () => search.submit({ intent: "search", query }, { method: "post", action: `/app/tickets/${panel.ticketId}/orders` });
  return (
    <Card>
      <BlockStack gap="200">
        <Text as="h3" variant="headingSm">{results ? t("panel.link.results") : t("panel.link.recent")}</Text>
        <div onKeyDown={(event) => event.key === "Enter" && runSearch()}>
          <TextField
            label={t("panel.link.searchLabel")}
            labelHidden
            placeholder={t("panel.link.searchPlaceholder")}
            value={query}
            onChange={setQuery}
            autoComplete="off"
            error={error}
            connectedRight={<Button loading={search.state !== "idle"} onClick={runSearch}>{t("panel.link.search")}</Button>}
          />
        </div>
        {choices.length === 0 ? (
          <Text as="p" tone="subdued">{t("panel.link.none")}</Text>
        ) : (
          choices.map((order) => <OrderChoice key={order.id} order={order} ticketId={panel.ticketId} />)
        )}
      </BlockStack>
    </Card>
  );
}

export function CustomerPanel({ panel, ticketId }: { panel: CustomerPanelView; ticketId: string }) {
  const { t, i18n } = useTranslation();
  const view = panel.ticketId === ticketId ? panel : { ...panel, ticketId };
  return (
    <BlockStack gap="300">
      {view.stale && (
        <Banner tone="warning" title={view.fetchedAt ? t("panel.stale.cachedTitle") : t("panel.stale.emptyTitle")}>
          <p>
            {t(`panel.stale.reason.${view.errorKind ?? "unknown"}`, { defaultValue: t("panel.stale.reason.unknown") })}
            {view.fetchedAt ? ` ${t("panel.stale.fetchedAt", { date: formatDate(view.fetchedAt, i18n.language, true) })}` : ""}
          </p>
        </Banner>
      )}
      <CustomerCard panel={view} />
      <PreviousTickets panel={view} />
      {view.orders.map((order) => <OrderCard key={order.id} order={order} ticketId={ticketId} />)}
      {view.missingOrders.map((order) => (
        <Card key={order.id}>
          <InlineStack align="space-between">
            <Link url={order.adminUrl} target="_blank">{order.name}</Link>
            <Text as="span" tone="subdued">{t("panel.order.unavailable")}</Text>
          </InlineStack>
        </Card>
      ))}
      <LinkOrders panel={view} />
    </BlockStack>
  );
}
