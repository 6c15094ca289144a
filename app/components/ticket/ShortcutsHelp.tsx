// The "?" overlay and the keyboard shortcuts themselves (never while typing in a field).
import { BlockStack, InlineStack, Modal, Text } from "@shopify/polaris";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";

export interface ShortcutHandlers {
  next: () => void;
  previous: () => void;
  reply: () => void;
  note: () => void;
  resolve: () => void;
  help: () => void;
}

export const SHORTCUT_KEYS: { key: string; action: keyof ShortcutHandlers }[] = [
  { key: "j", action: "next" },
  { key: "k", action: "previous" },
  { key: "r", action: "reply" },
  { key: "n", action: "note" },
  { key: "e", action: "resolve" },
  { key: "?", action: "help" },
];

/** True when the key press belongs to a field the agent is typing in. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!target || typeof (target as Element).closest !== "function") return false;
  return (target as Element).closest("input, textarea, select, [contenteditable=''], [contenteditable='true'], [role='textbox']") !== null;
}

export function useTicketShortcuts(handlers: ShortcutHandlers, enabled: boolean) {
  const current = useRef(handlers);
  current.current = handlers;
  useEffect(() => {
    if (!enabled) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.metaKey || event.ctrlKey || event.altKey || event.defaultPrevented || isTypingTarget(event.target)) return;
      const shortcut = SHORTCUT_KEYS.find((entry) => entry.key === event.key);
      if (!shortcut) return;
      event.preventDefault();
      current.current[shortcut.action]();
    };
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, [enabled]);
}

export function ShortcutsHelp({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal open={open} onClose={onClose} title={t("ticket.shortcuts.title")} secondaryActions={[{ content: t("ticket.shortcuts.close"), onAction: onClose }]}>
      <Modal.Section>
        <BlockStack gap="200">
          {SHORTCUT_KEYS.map((entry) => (
            <InlineStack key={entry.key} gap="400" blockAlign="center">
              <kbd style={{ minWidth: "1.5rem", textAlign: "center", border: "1px solid var(--p-color-border)", borderRadius: "4px", padding: "0 6px" }}>{entry.key}</kbd>
              <Text as="span">{t(`ticket.shortcuts.${entry.action}`)}</Text>
            </InlineStack>
          ))}
          <Text as="p" tone="subdued">{t("ticket.shortcuts.typingHint")}</Text>
        </BlockStack>
      </Modal.Section>
    </Modal>
  );
}
