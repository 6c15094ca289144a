// The conversation: customer messages, replies, internal notes (highlighted) and timeline entries, oldest first.
import { Badge, BlockStack, Box, Button, Card, InlineStack, Text } from "@shopify/polaris";
import type { TFunction } from "i18next";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { FetchDownloadButton } from "../FetchDownloadButton";
import { EmailHtmlView } from "./EmailHtmlView";
import { formatDateTime } from "./format";
import type { ThreadItemView } from "./types";

type MessageItem = Extract<ThreadItemView, { kind: "message" }>;
type EventItem = Extract<ThreadItemView, { kind: "event" }>;

const DELIVERY_TONE = { failed: "critical", bounced: "critical", queued: "attention", sent: "success", delivered: "success" } as const;

function MessageBlock({ message, when }: { message: MessageItem; when: string }) {
  const { t } = useTranslation();
  const isNote = message.direction === "note";
  const isInbound = message.direction === "inbound";
  const author = message.authorName ?? t(`ticket.thread.${isInbound ? "customer" : message.authorType === "automation" ? "automation" : "agent"}`);
  const tone = DELIVERY_TONE[message.deliveryStatus as keyof typeof DELIVERY_TONE];
  const [formatted, setFormatted] = useState(false);
  return (
    <div style={{ marginInlineStart: isInbound ? 0 : "2rem", marginInlineEnd: isInbound ? "2rem" : 0 }} data-direction={message.direction}>
      <Box
        padding="300"
        borderRadius="200"
        borderWidth="025"
        borderColor={isNote ? "border-caution" : "border"}
        background={isNote ? "bg-surface-warning" : isInbound ? "bg-surface" : "bg-surface-secondary"}
      >
        <BlockStack gap="200">
          <InlineStack gap="200" blockAlign="center" align="space-between">
            <InlineStack gap="200" blockAlign="center">
              <Text as="span" fontWeight="semibold">{author}</Text>
              {isNote && <Badge tone="warning">{t("ticket.thread.note")}</Badge>}
              {message.isAutomated && <Badge>{t("ticket.thread.automated")}</Badge>}
              {tone && <Badge tone={tone}>{t(`ticket.thread.delivery.${message.deliveryStatus}`)}</Badge>}
            </InlineStack>
            <Text as="span" tone="subdued" variant="bodySm">{when}</Text>
          </InlineStack>
          {formatted && message.bodyHtml ? (
            <EmailHtmlView html={message.bodyHtml} />
          ) : (
            <div style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>
              <Text as="p">{message.bodyText}</Text>
            </div>
          )}
          {message.bodyHtml && (
            <InlineStack>
              <Button variant="plain" onClick={() => setFormatted((value) => !value)}>
                {t(formatted ? "ticket.thread.hideFormatted" : "ticket.thread.showFormatted")}
              </Button>
            </InlineStack>
          )}
          {message.attachments.length > 0 && (
            <InlineStack gap="300" blockAlign="center">
              <Text as="span" tone="subdued" variant="bodySm">
                {t("ticket.thread.attachments")}
              </Text>
              {message.attachments.map((attachment) => (
                <FetchDownloadButton key={attachment.id} href={`/email/attachments/${attachment.id}`} fallbackName={attachment.filename}>
                  {`${attachment.filename} (${Math.max(1, Math.round(attachment.sizeBytes / 1024))} KB)`}
                </FetchDownloadButton>
              ))}
            </InlineStack>
          )}
          {message.deliveryError && <Text as="p" tone="critical" variant="bodySm">{message.deliveryError}</Text>}
        </BlockStack>
      </Box>
    </div>
  );
}

type EventData = Record<string, unknown>;

/** One line for a timeline entry; unknown types still show their name. */
export function describeEvent(event: Pick<EventItem, "type" | "data" | "actorType">, t: TFunction, agentName: (id: unknown) => string, formatTime: (iso: string) => string): string {
  const data = (event.data && typeof event.data === "object" && !Array.isArray(event.data) ? event.data : {}) as EventData;
  const word = (group: string, value: unknown) => (typeof value === "string" ? t(`${group}.${value}`, { defaultValue: value }) : "—");
  const summary = typeof data.summary === "string" ? data.summary : typeof data.message === "string" ? data.message : (typeof data.kind === "string" ? data.kind : "");
  switch (event.type) {
    case "status_changed":
      return t("ticket.event.status_changed", { from: word("status", data.from), to: word("status", data.to) });
    case "priority_changed":
      return t("ticket.event.priority_changed", { from: word("priority", data.from), to: word("priority", data.to) });
    case "severity_changed":
      return t("ticket.event.severity_changed", { from: String(data.from), to: String(data.to) });
    case "category_changed":
      return t("ticket.event.category_changed", { from: word("ticket.category", data.from), to: word("ticket.category", data.to) });
    case "assigned": {
      const to = data.to ?? data.agentId;
      if (!to) return t("ticket.event.unassigned");
      const automatic = event.actorType === "automation" || data.rule === "round_robin";
      return t(automatic ? "ticket.event.autoAssigned" : "ticket.event.assigned", { to: agentName(to) });
    }
    case "created":
      return t("ticket.event.created", { channel: word("channel", data.channel) });
    case "tags_changed": {
      const added = Array.isArray(data.added) ? data.added.map((tag) => `+${tag}`) : [];
      const removed = Array.isArray(data.removed) ? data.removed.map((tag) => `−${tag}`) : [];
      return t("ticket.event.tags_changed", { changes: [...added, ...removed].join(" ") });
    }
    case "snoozed":
      return typeof data.to === "string" ? t("ticket.event.snoozed", { to: formatTime(data.to) }) : t("ticket.event.unsnoozed");
    case "merged_into":
      return t("ticket.event.merged_into", { number: data.number });
    case "merged_from":
      return t("ticket.event.merged_from", { number: data.number, count: Number(data.messages ?? 0) });
    case "message_sent":
      return t("ticket.event.message_sent", { adapter: data.adapter, status: word("ticket.thread.delivery", data.status) });
    case "message_failed":
      return t("ticket.event.message_failed", { error: data.error });
    case "order_event":
    case "automation":
    case "sla_warning":
    case "sla_breach":
      return t(`ticket.event.${event.type}`, { summary: summary || (typeof data.target === "string" ? data.target : "") });
    default:
      return t("ticket.event.other", { type: event.type.replaceAll("_", " ") });
  }
}

export function TicketThread({ items, agents, locale, timeZone }: { items: ThreadItemView[]; agents: { id: string; name: string }[]; locale: string; timeZone: string }) {
  const { t } = useTranslation();
  const names = new Map(agents.map((agent) => [agent.id, agent.name]));
  const formatTime = (iso: string) => formatDateTime(iso, locale, timeZone);
  const agentName = (id: unknown) => (typeof id === "string" ? (names.get(id) ?? "—") : "—");
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">{t("ticket.thread.title")}</Text>
        {items.length === 0 && <Text as="p" tone="subdued">{t("ticket.thread.empty")}</Text>}
        {items.map((item) =>
          item.kind === "message" ? (
            <MessageBlock key={item.id} message={item} when={formatTime(item.createdAt)} />
          ) : (
            <div key={item.id} data-event={item.type} style={{ textAlign: "center" }}>
              <Text as="p" tone="subdued" variant="bodySm">
                {describeEvent(item, t, agentName, formatTime)}
                {item.actorName ? ` · ${item.actorName}` : ""} · {formatTime(item.createdAt)}
              </Text>
            </div>
          ),
        )}
      </BlockStack>
    </Card>
  );
}
