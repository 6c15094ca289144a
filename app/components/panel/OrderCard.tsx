// One linked order: statuses, total, address, fulfilments with tracking, line items with stock per
// location, and the order actions (note, tag, unlink) sent to the panel's route.
import { useFetcher } from "@remix-run/react";
import { Badge, BlockStack, Box, Button, Card, DataTable, Divider, InlineError, InlineStack, Link, Text, TextField } from "@shopify/polaris";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { OrderActionResult, PanelFulfillment, PanelLineItem, PanelOrder } from "../../services/panel/types";
import { deliveryTone, financialTone, formatDate, formatMoney, fulfillmentTone, humanise } from "./format";

export function StockBadges({ item }: { item: Pick<PanelLineItem, "lowStock" | "outOfStock"> }) {
  const { t } = useTranslation();
  if (item.outOfStock) return <Badge tone="critical">{t("panel.stock.out")}</Badge>;
  if (item.lowStock) return <Badge tone="warning">{t("panel.stock.low")}</Badge>;
  return null;
}

function FulfillmentRow({ fulfillment }: { fulfillment: PanelFulfillment }) {
  const { t, i18n } = useTranslation();
  const status = fulfillment.displayStatus ?? fulfillment.status;
  return (
    <BlockStack gap="100">
      <InlineStack gap="200" blockAlign="center">
        <Text as="span" fontWeight="semibold">{fulfillment.name ?? t("panel.order.fulfillment")}</Text>
        <Badge tone={deliveryTone(status)}>{t(`panel.delivery.${status}`, { defaultValue: humanise(status) })}</Badge>
      </InlineStack>
      {fulfillment.tracking.map((tracking, index) => (
        <InlineStack key={`${tracking.number ?? ""}-${index}`} gap="200">
          <Text as="span" tone="subdued">{tracking.company ?? t("panel.order.carrierUnknown")}</Text>
          {tracking.url ? (
            <Link url={tracking.url} target="_blank">{tracking.number ?? t("panel.order.track")}</Link>
          ) : (
            <Text as="span">{tracking.number ?? "—"}</Text>
          )}
        </InlineStack>
      ))}
      <Text as="p" variant="bodySm" tone="subdued">
        {fulfillment.deliveredAt
          ? t("panel.order.deliveredAt", { date: formatDate(fulfillment.deliveredAt, i18n.language, true) })
          : fulfillment.estimatedDeliveryAt
            ? t("panel.order.estimatedAt", { date: formatDate(fulfillment.estimatedDeliveryAt, i18n.language) })
            : t("panel.order.shippedAt", { date: formatDate(fulfillment.inTransitAt ?? fulfillment.createdAt, i18n.language) })}
      </Text>
    </BlockStack>
  );
}

function LineItemStock({ item }: { item: PanelLineItem }) {
  const { t } = useTranslation();
  return (
    <BlockStack gap="100">
      <InlineStack gap="200" blockAlign="center" wrap>
        <Text as="span" fontWeight="medium">{item.quantity} × {item.title}</Text>
        {item.variantTitle && <Text as="span" tone="subdued">{item.variantTitle}</Text>}
        {item.sku && <Text as="span" tone="subdued" variant="bodySm">SKU {item.sku}</Text>}
        <StockBadges item={item} />
      </InlineStack>
      {item.tracked && item.stock.length > 0 ? (
        <DataTable
          columnContentTypes={["text", "numeric", "numeric"]}
          headings={[t("panel.stock.location"), t("panel.stock.available"), t("panel.stock.onHand")]}
          rows={item.stock.map((level) => [
            <InlineStack key={level.locationName} gap="100">
              <span>{level.locationName}</span>
              <StockBadges item={level} />
            </InlineStack>,
            level.available,
            level.onHand,
          ])}
          increasedTableDensity
        />
      ) : (
        <Text as="p" variant="bodySm" tone="subdued">{t("panel.stock.untracked")}</Text>
      )}
    </BlockStack>
  );
}

function OrderActions({ order, ticketId }: { order: PanelOrder; ticketId: string }) {
  const { t } = useTranslation();
  const fetcher = useFetcher<OrderActionResult>();
  const [note, setNote] = useState("");
  const [tag, setTag] = useState("");
  const action = `/app/tickets/${ticketId}/orders`;
  const busy = fetcher.state !== "idle";
  const errors = fetcher.data && !fetcher.data.ok ? fetcher.data.errors : {};
  const submit = (fields: Record<string, string>, reset?: () => void) => {
    fetcher.submit({ orderId: order.id, ...fields }, { method: "post", action });
    reset?.();
  };
  return (
    <BlockStack gap="200">
      <TextField
        label={t("panel.actions.noteLabel")}
        value={note}
        onChange={setNote}
        multiline={2}
        autoComplete="off"
        error={errors.note}
        connectedRight={<Button disabled={!note.trim() || busy} onClick={() => submit({ intent: "addNote", note }, () => setNote(""))}>{t("panel.actions.addNote")}</Button>}
      />
      <TextField
        label={t("panel.actions.tagLabel")}
        value={tag}
        onChange={setTag}
        autoComplete="off"
        error={errors.tag}
        connectedRight={<Button disabled={!tag.trim() || busy} onClick={() => submit({ intent: "addTag", tag }, () => setTag(""))}>{t("panel.actions.addTag")}</Button>}
      />
      {errors.orderId && <InlineError message={errors.orderId} fieldID={`order-${order.id}`} />}
      <InlineStack align="end">
        <Button variant="plain" tone="critical" disabled={busy} onClick={() => submit({ intent: "unlink" })}>{t("panel.actions.unlink")}</Button>
      </InlineStack>
    </BlockStack>
  );
}

export function OrderCard({ order, ticketId }: { order: PanelOrder; ticketId: string }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  return (
    <Card>
      <BlockStack gap="300">
        <InlineStack align="space-between" blockAlign="center">
          <InlineStack gap="200" blockAlign="center">
            <Link url={order.adminUrl} target="_blank">
              <Text as="span" variant="headingSm">{order.name}</Text>
            </Link>
            <Text as="span" tone="subdued" variant="bodySm">{t(`panel.linkedBy.${order.linkedBy}`, { defaultValue: order.linkedBy })}</Text>
          </InlineStack>
          <Text as="span" fontWeight="semibold">{formatMoney(order.total, locale)}</Text>
        </InlineStack>
        <InlineStack gap="100" wrap>
          {order.cancelledAt && <Badge tone="critical">{t("panel.order.cancelled")}</Badge>}
          {order.financialStatus && (
            <Badge tone={financialTone(order.financialStatus)}>{t(`panel.financial.${order.financialStatus}`, { defaultValue: humanise(order.financialStatus) })}</Badge>
          )}
          <Badge tone={fulfillmentTone(order.fulfillmentStatus)}>{t(`panel.fulfillment.${order.fulfillmentStatus}`, { defaultValue: humanise(order.fulfillmentStatus) })}</Badge>
        </InlineStack>
        <Text as="p" tone="subdued" variant="bodySm">{t("panel.order.placedAt", { date: formatDate(order.createdAt, locale) })}</Text>
        {order.shippingAddress && (
          <Box>
            <Text as="p" fontWeight="medium">{t("panel.order.shipTo")}</Text>
            {[order.shippingAddress.name, ...order.shippingAddress.lines, order.shippingAddress.phone].filter(Boolean).map((line, index) => (
              <Text as="p" key={index} variant="bodySm">{line}</Text>
            ))}
          </Box>
        )}
        {order.fulfillments.length > 0 && (
          <BlockStack gap="200">
            <Divider />
            {order.fulfillments.map((fulfillment) => <FulfillmentRow key={fulfillment.id} fulfillment={fulfillment} />)}
          </BlockStack>
        )}
        <Divider />
        <BlockStack gap="300">
          {order.lineItems.map((item) => <LineItemStock key={item.id} item={item} />)}
          {order.moreLineItems && <Link url={order.adminUrl} target="_blank">{t("panel.order.moreItems")}</Link>}
        </BlockStack>
        {order.note && (
          <Text as="p" variant="bodySm" tone="subdued" breakWord>
            {t("panel.order.note")}: {order.note}
          </Text>
        )}
        {order.tags.length > 0 && (
          <InlineStack gap="100" wrap>
            {order.tags.map((tag) => <Badge key={tag}>{tag}</Badge>)}
          </InlineStack>
        )}
        <Divider />
        <OrderActions order={order} ticketId={ticketId} />
      </BlockStack>
    </Card>
  );
}
