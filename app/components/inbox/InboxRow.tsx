// One inbox row: customer, subject and snippet, channel, badges, SLA, assignee, order; opens the ticket.
import { Badge, BlockStack, IndexTable, InlineStack, Text } from "@shopify/polaris";
import { useTranslation } from "react-i18next";
import type { InboxRowView } from "../../models/tickets.server";
import { SlaBadge } from "../SlaBadge";
import { PriorityBadge, SeverityBadge } from "../TicketBadges";

export function InboxRow({
  row,
  position,
  selected,
  now,
  onOpen,
}: {
  row: InboxRowView;
  position: number;
  selected: boolean;
  now: Date;
  onOpen: (id: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <IndexTable.Row id={row.id} position={position} selected={selected} onClick={() => onOpen(row.id)}>
      <IndexTable.Cell>
        <InlineStack gap="100" blockAlign="center" wrap={false}>
          {row.unread && (
            <span role="img" aria-label={t("inbox.unreadMarker")} title={t("inbox.unreadMarker")} style={{ width: 8, height: 8, borderRadius: 4, background: "var(--p-color-bg-fill-info)" }} />
          )}
          <Text as="span" variant="bodyMd" fontWeight={row.unread ? "bold" : "regular"}>
            #{row.number}
          </Text>
        </InlineStack>
      </IndexTable.Cell>
      <IndexTable.Cell>
        <BlockStack gap="050">
          <Text as="span" fontWeight={row.unread ? "semibold" : "regular"}>
            {row.customerName ?? row.customerEmail ?? "—"}
          </Text>
          {row.customerName && row.customerEmail && (
            <Text as="span" tone="subdued" variant="bodySm">
              {row.customerEmail}
            </Text>
          )}
        </BlockStack>
      </IndexTable.Cell>
      <IndexTable.Cell>
        <div style={{ maxWidth: "28rem" }}>
          <BlockStack gap="050">
            <InlineStack gap="100" blockAlign="center" wrap={false}>
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
        <SlaBadge dueAt={row.slaDueAt} paused={row.slaPaused} now={now} />
      </IndexTable.Cell>
      <IndexTable.Cell>{row.assigneeName ?? t("inbox.unassigned")}</IndexTable.Cell>
      <IndexTable.Cell>{row.orderName ?? ""}</IndexTable.Cell>
    </IndexTable.Row>
  );
}
