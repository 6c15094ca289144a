// The two bulk actions that need more than a click: a tag to add or remove, and the merge confirmation.
import { Modal, Text, TextField } from "@shopify/polaris";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { InboxRowView } from "../../models/tickets.server";

export function TagModal({
  mode,
  count,
  onClose,
  onApply,
}: {
  mode: "addTag" | "removeTag" | null;
  count: number;
  onClose: () => void;
  onApply: (tags: string) => Promise<void>;
}) {
  const { t } = useTranslation();
  const [value, setValue] = useState("");
  return (
    <Modal
      open={mode !== null}
      onClose={onClose}
      title={t(mode === "removeTag" ? "inbox.bulk.removeTagTitle" : "inbox.bulk.addTagTitle", { count })}
      primaryAction={{
        content: t("inbox.bulk.apply"),
        disabled: value.trim() === "",
        onAction: async () => {
          await onApply(value);
          setValue("");
        },
      }}
      secondaryActions={[{ content: t("inbox.bulk.cancel"), onAction: onClose }]}
    >
      <Modal.Section>
        <TextField label={t("inbox.bulk.tagLabel")} helpText={t("inbox.filters.tagHint")} autoComplete="off" value={value} onChange={setValue} />
      </Modal.Section>
    </Modal>
  );
}

/** Merges into the oldest selected ticket (the lowest number): the conversation that started first. */
export function MergeModal({
  open,
  rows,
  onClose,
  onMerge,
}: {
  open: boolean;
  rows: InboxRowView[];
  onClose: () => void;
  onMerge: (targetId: string) => Promise<void>;
}) {
  const { t } = useTranslation();
  const target = [...rows].sort((a, b) => a.number - b.number)[0];
  const enough = rows.length >= 2 && target !== undefined;
  return (
    <Modal
      open={open}
      onClose={onClose}
      title={t("inbox.bulk.mergeTitle", { count: rows.length })}
      primaryAction={
        enough ? { content: t("inbox.bulk.mergeConfirm", { number: target.number }), destructive: true, onAction: () => onMerge(target.id) } : undefined
      }
      secondaryActions={[{ content: t("inbox.bulk.cancel"), onAction: onClose }]}
    >
      <Modal.Section>
        <Text as="p">{enough ? t("inbox.bulk.mergeBody", { number: target.number }) : t("inbox.bulk.mergeNeedsTwo")}</Text>
      </Modal.Section>
    </Modal>
  );
}
