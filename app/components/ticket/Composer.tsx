// Reply or internal note. Posts the id of the newest message it has seen: when a colleague replied
// meanwhile the server answers 409 and the agent decides whether to send anyway (the text stays).
import { Banner, BlockStack, Button, ButtonGroup, Card, InlineStack, List, Tabs, Tag, Text, TextField } from "@shopify/polaris";
import { useFetcher } from "@remix-run/react";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { action } from "../../routes/app.tickets.$ticketId";
import type { ComposerMode } from "./types";
import { ComposerTemplates, type InsertedTemplate } from "../templates/ComposerTemplates";

export const COMPOSER_FIELD_ID = "ticket-composer-body";

interface ComposerProps {
  mode: ComposerMode;
  onModeChange: (mode: ComposerMode) => void;
  lastMessageId: string | null;
  onTypingChange: (typing: boolean) => void;
}

type ConflictMessage = { id: string; authorName: string | null; bodyText: string; createdAt: string };

export function Composer({ mode, onModeChange, lastMessageId, onTypingChange }: ComposerProps) {
  const { t } = useTranslation();
  const fetcher = useFetcher<typeof action>();
  const [body, setBody] = useState("");
  const [focused, setFocused] = useState(false);
  const [lastSubmit, setLastSubmit] = useState<{ thenStatus: string } | null>(null);
  const [templatesOpen, setTemplatesOpen] = useState(false);
  const [template, setTemplate] = useState<InsertedTemplate | null>(null);
  const data = fetcher.data as
    | { ok?: true; sent?: string; errors?: Record<string, string>; conflict?: { newMessages: ConflictMessage[] } }
    | undefined;
  const busy = fetcher.state !== "idle";

  // A sent message empties the composer; errors and conflicts keep the text.
  useEffect(() => {
    if (fetcher.state === "idle" && data?.ok) {
      setBody("");
      setTemplate(null);
    }
  }, [fetcher.state, data]);

  const typing = focused && body.trim().length > 0;
  useEffect(() => onTypingChange(typing), [typing, onTypingChange]);

  const submit = (thenStatus: string, force = false) => {
    setLastSubmit({ thenStatus });
    fetcher.submit(
      { intent: mode, body, lastSeenMessageId: lastMessageId ?? "", thenStatus, force: force ? "1" : "", templateId: mode === "reply" ? (template?.id ?? "") : "" },
      { method: "post" },
    );
  };

  const templateError = data?.errors?.templateReason ? t(`ticket.composer.templates.refused.${data.errors.templateReason}`, { defaultValue: data.errors.template }) : undefined;
  const bodyError = data?.errors?.body ? t(`ticket.composer.errors.${data.errors.body}`) : templateError;
  const conflict = !busy ? data?.conflict : undefined;
  const tabs = [
    { id: "reply", content: t("ticket.composer.reply") },
    { id: "note", content: t("ticket.composer.note") },
  ];

  return (
    <div data-composer={mode}>
    <Card>
      <BlockStack gap="300">
        <Tabs tabs={tabs} selected={mode === "reply" ? 0 : 1} onSelect={(index) => onModeChange(index === 0 ? "reply" : "note")} fitted />
        {conflict && (
          <Banner tone="warning" title={t("ticket.composer.conflictTitle")}>
            <BlockStack gap="200">
              <Text as="p">{t("ticket.composer.conflictBody")}</Text>
              <List>
                {conflict.newMessages.map((message) => (
                  <List.Item key={message.id}>
                    <Text as="span" fontWeight="semibold">{message.authorName ?? t("ticket.thread.agent")}:</Text> {message.bodyText}
                  </List.Item>
                ))}
              </List>
              <InlineStack gap="200">
                <Button onClick={() => submit(lastSubmit?.thenStatus ?? "", true)}>{t("ticket.composer.sendAnyway")}</Button>
              </InlineStack>
            </BlockStack>
          </Banner>
        )}
        <div style={mode === "note" ? { background: "var(--p-color-bg-surface-warning)", borderRadius: "var(--p-border-radius-200)", padding: "var(--p-space-200)" } : undefined}>
          <TextField
            id={COMPOSER_FIELD_ID}
            label={t(mode === "reply" ? "ticket.composer.replyLabel" : "ticket.composer.noteLabel")}
            value={body}
            onChange={setBody}
            onFocus={() => setFocused(true)}
            onBlur={() => setFocused(false)}
            multiline={5}
            autoComplete="off"
            error={bodyError}
            helpText={mode === "reply" ? t("ticket.composer.templates.hint") : undefined}
          />
        </div>
        {mode === "reply" && (
          <ComposerTemplates
            body={body}
            open={templatesOpen}
            onClose={() => { setTemplatesOpen(false); if (body.startsWith("/")) setBody(""); }}
            onInsert={(text, inserted) => { setBody(text); setTemplate(inserted); setTemplatesOpen(false); }}
          />
        )}
        <InlineStack align="space-between" blockAlign="center">
          {mode === "reply" ? (
            template ? (
              <Tag onRemove={() => setTemplate(null)}>{t("ticket.composer.templates.fromTemplate", { name: template.name, language: template.language })}</Tag>
            ) : (
              <Button variant="plain" onClick={() => setTemplatesOpen(true)}>{t("ticket.composer.templates.button")}</Button>
            )
          ) : <span />}
          {mode === "reply" ? (
            <ButtonGroup>
              <Button onClick={() => submit("pending")} disabled={busy}>{t("ticket.composer.sendPending")}</Button>
              <Button onClick={() => submit("resolved")} disabled={busy}>{t("ticket.composer.sendResolved")}</Button>
              <Button variant="primary" onClick={() => submit("")} loading={busy}>{t("ticket.composer.send")}</Button>
            </ButtonGroup>
          ) : (
            <Button variant="primary" onClick={() => submit("")} loading={busy}>{t("ticket.composer.addNote")}</Button>
          )}
        </InlineStack>
      </BlockStack>
    </Card>
    </div>
  );
}
