// Templates in the reply composer: "/" at the start of the reply (or the Templates button) opens a
// search in the customer's language; choosing one renders it with this ticket's customer and order
// (the agent picks the order when several are linked, and fills the prompts). Only a render with no
// missing value and an approved template can be inserted; the agent edits the text before sending.
import { Badge, Banner, BlockStack, Box, Button, InlineStack, Spinner, Text, TextField } from "@shopify/polaris";
import { useFetcher, useParams } from "@remix-run/react";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { TemplateSearchHit } from "../../models/templates.server";
import { PreviewResult } from "./PreviewResult";
import { PromptAndOrderFields } from "./PromptAndOrderFields";
import { promptFields, usePreview } from "./usePreview";
import { SEARCH_PATH } from "./types";

export interface InsertedTemplate {
  id: string;
  name: string;
  language: string;
}

/** The search text when the reply is a "/" command, else null. */
export function slashQuery(body: string): string | null {
  return body.startsWith("/") && !body.includes("\n") && body.length <= 80 ? body.slice(1) : null;
}

interface Props {
  /** The composer's text: "/query" drives the search. */
  body: string;
  open: boolean;
  onClose: () => void;
  onInsert: (text: string, template: InsertedTemplate) => void;
}

export function ComposerTemplates({ body, open, onClose, onInsert }: Props) {
  const { t } = useTranslation();
  const ticketId = useParams().ticketId ?? "";
  const slash = slashQuery(body);
  const [ownQuery, setOwnQuery] = useState("");
  const query = slash ?? ownQuery;
  const [chosen, setChosen] = useState<TemplateSearchHit | null>(null);
  const search = useFetcher<{ results: TemplateSearchHit[] }>();
  const visible = open || slash !== null;
  const [highlight, setHighlight] = useState(0);
  const close = () => {
    setChosen(null);
    setOwnQuery("");
    onClose();
  };
  const results = search.data?.results ?? [];
  useEffect(() => setHighlight(0), [search.data]);

  // Keyboard: ↑/↓ move, Enter picks, Escape closes — while typing "/query" in the composer or the search field.
  useEffect(() => {
    if (!visible || chosen) return;
    const onKeyDown = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (!target?.closest("[data-composer]")) return;
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        event.preventDefault();
        setHighlight((current) => Math.max(0, Math.min(results.length - 1, current + (event.key === "ArrowDown" ? 1 : -1))));
      } else if (event.key === "Enter" && !event.shiftKey && results[highlight]) {
        event.preventDefault();
        setChosen(results[highlight]!);
      } else if (event.key === "Escape") {
        event.preventDefault();
        event.stopPropagation();
        close();
      }
    };
    window.addEventListener("keydown", onKeyDown, true);
    return () => window.removeEventListener("keydown", onKeyDown, true);
  });

  useEffect(() => {
    if (!visible || chosen) return;
    const timer = setTimeout(() => search.load(`${SEARCH_PATH}?${new URLSearchParams({ ticketId, q: query })}`), 150);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- search.load is stable enough; reload on query only
  }, [visible, query, ticketId, chosen]);

  if (!visible) return null;

  if (chosen) {
    return (
      <TemplateInsertPanel
        ticketId={ticketId}
        template={chosen}
        onCancel={() => setChosen(null)}
        onInsert={(text, language) => {
          onInsert(text, { id: chosen.id, name: chosen.name, language });
          setChosen(null);
          setOwnQuery("");
        }}
      />
    );
  }
  return (
    <Box padding="300" background="bg-surface-secondary" borderRadius="200">
      <div data-template-picker>
        <BlockStack gap="200">
          {slash === null && (
            <TextField label={t("ticket.composer.templates.search")} labelHidden placeholder={t("ticket.composer.templates.search")} value={ownQuery} onChange={setOwnQuery} autoComplete="off" autoFocus />
          )}
          {results.length === 0 && search.state === "idle" && search.data && <Text as="p" tone="subdued">{t("ticket.composer.templates.noResults")}</Text>}
          {results.map((hit, index) => (
            <button
              key={hit.id}
              type="button"
              data-template-option={hit.name}
              onClick={() => setChosen(hit)}
              aria-selected={index === highlight}
              onMouseEnter={() => setHighlight(index)}
              style={{
                all: "unset", cursor: "pointer", display: "block", padding: "var(--p-space-150) var(--p-space-200)", borderRadius: "var(--p-border-radius-150)",
                background: index === highlight ? "var(--p-color-bg-surface-selected)" : "var(--p-color-bg-surface)",
              }}
            >
              <InlineStack gap="200" blockAlign="center" wrap={false}>
                <Text as="span" fontWeight="semibold">{hit.name}</Text>
                <Badge>{hit.language}</Badge>
                {hit.sensitive && !hit.approved && <Badge tone="attention">{t("templates.awaitingApproval")}</Badge>}
              </InlineStack>
              <Text as="span" tone="subdued" variant="bodySm" truncate>{hit.snippet}</Text>
            </button>
          ))}
          <InlineStack align="end">
            <Button variant="plain" onClick={close}>{t("ticket.composer.templates.cancel")}</Button>
          </InlineStack>
        </BlockStack>
      </div>
    </Box>
  );
}

function TemplateInsertPanel({ ticketId, template, onCancel, onInsert }: { ticketId: string; template: TemplateSearchHit; onCancel: () => void; onInsert: (text: string, language: string) => void }) {
  const { t } = useTranslation();
  const [orderId, setOrderId] = useState("");
  const [promptValues, setPromptValues] = useState<Record<string, string>>({});
  const { data, loading } = usePreview({ ticketId, templateId: template.id, orderId, ...promptFields(promptValues) }, 150);
  const preview = data?.ok ? data : null;
  const insertable = preview !== null && preview.canSend && preview.body.ok && !loading;

  return (
    <Box padding="300" background="bg-surface-secondary" borderRadius="200">
      <div data-template-insert={template.name}>
        <BlockStack gap="300">
          <InlineStack gap="200" blockAlign="center">
            <Text as="h3" variant="headingSm">{template.name}</Text>
            <Badge>{preview?.language ?? template.language}</Badge>
            {loading && <Spinner size="small" accessibilityLabel={t("ticket.composer.templates.loading")} />}
          </InlineStack>
          {data && !data.ok && <Banner tone="critical">{data.error}</Banner>}
          {preview?.template && !preview.template.approved && <Banner tone="warning">{t("ticket.composer.templates.needsApproval")}</Banner>}
          {preview?.template?.status === "archived" && <Banner tone="warning">{t("ticket.composer.templates.archived")}</Banner>}
          {preview && (
            <PromptAndOrderFields
              preview={preview}
              promptValues={promptValues}
              onPromptChange={(name, value) => setPromptValues((current) => ({ ...current, [name]: value }))}
              onOrderChange={setOrderId}
            />
          )}
          {preview && <PreviewResult preview={preview} />}
          {preview && !preview.canSend && preview.template?.approved && <Text as="p" tone="caution">{t("ticket.composer.templates.blocked")}</Text>}
          <InlineStack gap="200" align="end">
            <Button onClick={onCancel}>{t("ticket.composer.templates.cancel")}</Button>
            <Button variant="primary" disabled={!insertable} onClick={() => preview?.body.ok && onInsert(preview.body.text, preview.language)}>
              {t("ticket.composer.templates.insert")}
            </Button>
          </InlineStack>
        </BlockStack>
      </div>
    </Box>
  );
}
