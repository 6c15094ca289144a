// The editor's live preview: the variant being edited (unsaved text) rendered with a chosen ticket's
// real customer, order, agent and shop data.
import { BlockStack, Card, Select, Spinner, Text, InlineStack, Banner } from "@shopify/polaris";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { PreviewResult } from "./PreviewResult";
import { PromptAndOrderFields } from "./PromptAndOrderFields";
import { promptFields, usePreview } from "./usePreview";
import type { EditableVariant } from "./types";

interface Props {
  tickets: Array<{ id: string; number: number; subject: string }>;
  variant: EditableVariant | null;
}

export function TemplatePreviewCard({ tickets, variant }: Props) {
  const { t } = useTranslation();
  const [ticketId, setTicketId] = useState(tickets[0]?.id ?? "");
  const [orderId, setOrderId] = useState("");
  const [promptValues, setPromptValues] = useState<Record<string, string>>({});
  const fields = variant && ticketId && variant.body.trim()
    ? { ticketId, orderId, body: variant.body, subject: variant.subject, language: variant.language, ...promptFields(promptValues) }
    : null;
  const { data, loading } = usePreview(fields);

  return (
    <Card>
      <BlockStack gap="300">
        <InlineStack align="space-between" blockAlign="center">
          <Text as="h2" variant="headingMd">{t("templates.preview.title")}</Text>
          {loading && <Spinner size="small" />}
        </InlineStack>
        {tickets.length === 0 ? (
          <Text as="p" tone="subdued">{t("templates.preview.noTickets")}</Text>
        ) : (
          <Select
            label={t("templates.preview.ticket")}
            options={tickets.map((ticket) => ({ label: `#${ticket.number} ${ticket.subject}`, value: ticket.id }))}
            value={ticketId}
            onChange={(value) => { setTicketId(value); setOrderId(""); }}
          />
        )}
        {data && !data.ok && <Banner tone="critical">{data.error}</Banner>}
        {data?.ok && (
          <>
            <PromptAndOrderFields
              preview={data}
              promptValues={promptValues}
              onPromptChange={(name, value) => setPromptValues((current) => ({ ...current, [name]: value }))}
              onOrderChange={setOrderId}
            />
            {data.subject?.ok && data.subject.text && <Text as="p" fontWeight="semibold">{data.subject.text}</Text>}
            <PreviewResult preview={data} />
          </>
        )}
      </BlockStack>
    </Card>
  );
}
