// The ticket page's layout: header with badges, banners (merged, snoozed, colleagues here), the thread
// and composer on the left, details and the customer on the right; shortcuts and their help overlay.
import { Badge, Banner, BlockStack, InlineStack, Layout, Page, Text } from "@shopify/polaris";
import { useFetcher, useNavigate } from "@remix-run/react";
import { useCallback, useState } from "react";
import { useTranslation } from "react-i18next";
import { SlaBadge } from "../SlaBadge";
import { PriorityBadge, SeverityBadge } from "../TicketBadges";
import { AgentAvailability } from "../AgentAvailability";
import { Composer, COMPOSER_FIELD_ID } from "./Composer";
import { CustomerPanel } from "../panel/CustomerPanel";
import { formatDateTime } from "./format";
import { MergeModal } from "./MergeModal";
import { ShortcutsHelp, useTicketShortcuts } from "./ShortcutsHelp";
import { SnoozeModal } from "./SnoozeModal";
import { TicketProperties } from "./TicketProperties";
import { TicketThread } from "./TicketThread";
import type { ComposerMode, TicketPageView } from "./types";
import { usePresence } from "./usePresence";

const STATUS_TONE = { open: "attention", pending: "info", snoozed: undefined, resolved: "success", closed: undefined } as const;

export function TicketPage({ data }: { data: TicketPageView }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const quickAction = useFetcher();
  const { ticket, neighbours } = data;
  const [mode, setMode] = useState<ComposerMode>("reply");
  const [modal, setModal] = useState<"help" | "snooze" | "merge" | null>(null);
  const [typing, setTyping] = useState(false);
  const others = usePresence(ticket.id, typing, data.presence);
  const formatTime = (iso: string) => formatDateTime(iso, i18n.language, data.timeZone);
  const closeModal = useCallback(() => setModal(null), []);

  const focusComposer = (next: ComposerMode) => {
    setMode(next);
    // After the tab switch renders.
    requestAnimationFrame(() => document.getElementById(COMPOSER_FIELD_ID)?.focus());
  };
  useTicketShortcuts(
    {
      next: () => neighbours.nextId && navigate(`/app/tickets/${neighbours.nextId}`),
      previous: () => neighbours.previousId && navigate(`/app/tickets/${neighbours.previousId}`),
      reply: () => focusComposer("reply"),
      note: () => focusComposer("note"),
      resolve: () => quickAction.submit({ intent: "resolve", updatedAt: ticket.updatedAt }, { method: "post" }),
      help: () => setModal("help"),
    },
    modal === null,
  );

  const typingNames = others.filter((other) => other.state === "typing").map((other) => other.name);
  const viewingNames = others.filter((other) => other.state !== "typing").map((other) => other.name);

  return (
    <Page
      backAction={{ content: t("ticket.back"), url: "/app" }}
      title={ticket.subject}
      subtitle={t("ticket.subtitle", { number: ticket.number, channel: t(`channel.${ticket.channel}`, { defaultValue: ticket.channel }) })}
      titleMetadata={
        <InlineStack gap="100" wrap>
          <Badge tone={STATUS_TONE[ticket.status as keyof typeof STATUS_TONE]}>{t(`status.${ticket.status}`, { defaultValue: ticket.status })}</Badge>
          <PriorityBadge priority={ticket.priority} />
          <SeverityBadge severity={ticket.severity} />
          <Badge>{t(`ticket.category.${ticket.category}`, { defaultValue: ticket.category })}</Badge>
          <SlaBadge dueAt={ticket.slaDueAt} paused={ticket.slaPaused} now={new Date(data.now)} />
        </InlineStack>
      }
      primaryAction={{ content: t("ticket.actions.resolve"), disabled: ticket.status === "resolved" || ticket.status === "closed", onAction: () => quickAction.submit({ intent: "resolve", updatedAt: ticket.updatedAt }, { method: "post" }) }}
      secondaryActions={[
        { content: t("ticket.actions.snooze"), onAction: () => setModal("snooze") },
        { content: t("ticket.actions.merge"), onAction: () => setModal("merge"), disabled: ticket.mergedInto !== null },
        { content: t("ticket.actions.shortcuts"), onAction: () => setModal("help") },
      ]}
      pagination={{
        hasPrevious: neighbours.previousId !== null,
        hasNext: neighbours.nextId !== null,
        onPrevious: () => neighbours.previousId && navigate(`/app/tickets/${neighbours.previousId}`),
        onNext: () => neighbours.nextId && navigate(`/app/tickets/${neighbours.nextId}`),
      }}
    >
      <BlockStack gap="400">
        <InlineStack gap="300" blockAlign="center" align="space-between">
          <InlineStack gap="200" blockAlign="center">
            <Text as="span" tone="subdued">{ticket.assignee ? t("ticket.assignedTo", { name: ticket.assignee.name }) : t("ticket.unassigned")}</Text>
            {ticket.tags.map((tag) => <Badge key={tag}>{tag}</Badge>)}
          </InlineStack>
          {data.me && <AgentAvailability availability={data.me.availability} />}
        </InlineStack>
        {ticket.mergedInto && (
          <Banner tone="info" action={{ content: t("ticket.openMerged", { number: ticket.mergedInto.number }), url: `/app/tickets/${ticket.mergedInto.id}` }}>
            {t("ticket.mergedInto", { number: ticket.mergedInto.number })}
          </Banner>
        )}
        {ticket.status === "snoozed" && ticket.snoozedUntil && (
          <Banner tone="info" action={{ content: t("ticket.wakeNow"), onAction: () => quickAction.submit({ intent: "wake", updatedAt: ticket.updatedAt }, { method: "post" }) }}>
            {t("ticket.snoozedUntil", { time: formatTime(ticket.snoozedUntil) })}
          </Banner>
        )}
        {typingNames.length > 0 && <Banner tone="warning">{t("ticket.presence.typing", { names: typingNames.join(", ") })}</Banner>}
        {viewingNames.length > 0 && <Banner tone="info">{t("ticket.presence.viewing", { names: viewingNames.join(", ") })}</Banner>}
        <Layout>
          <Layout.Section>
            <BlockStack gap="400">
              <TicketThread items={data.thread} agents={data.agents} locale={i18n.language} timeZone={data.timeZone} />
              <Composer mode={mode} onModeChange={setMode} lastMessageId={data.lastMessageId} onTypingChange={setTyping} />
            </BlockStack>
          </Layout.Section>
          <Layout.Section variant="oneThird">
            <BlockStack gap="400">
              <CustomerPanel panel={data.panel} ticketId={ticket.id} />
              <TicketProperties ticket={ticket} agents={data.agents} />
            </BlockStack>
          </Layout.Section>
        </Layout>
      </BlockStack>
      <ShortcutsHelp open={modal === "help"} onClose={closeModal} />
      <SnoozeModal open={modal === "snooze"} onClose={closeModal} updatedAt={ticket.updatedAt} />
      <MergeModal open={modal === "merge"} onClose={closeModal} />
    </Page>
  );
}
