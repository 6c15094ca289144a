// Merge this ticket into another ticket of the shop, chosen by its number.
import { BlockStack, Modal, Text, TextField } from "@shopify/polaris";
import { useFetcher } from "@remix-run/react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { action } from "../../routes/app.tickets.$ticketId";

export function MergeModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const fetcher = useFetcher<typeof action>();
  const [target, setTarget] = useState("");
  const data = fetcher.data as { errors?: Record<string, string> } | undefined;
  const error = data?.errors?.targetNumber;
  return (
    <Modal
      open={open}
      onClose={onClose}
      title={t("ticket.merge.title")}
      primaryAction={{
        content: t("ticket.merge.confirm"),
        destructive: true,
        disabled: target.trim() === "",
        loading: fetcher.state !== "idle",
        onAction: () => fetcher.submit({ intent: "merge", targetNumber: target.trim() }, { method: "post" }),
      }}
      secondaryActions={[{ content: t("ticket.merge.cancel"), onAction: onClose }]}
    >
      <Modal.Section>
        <BlockStack gap="300">
          <Text as="p">{t("ticket.merge.explain")}</Text>
          <TextField
            label={t("ticket.merge.target")}
            value={target}
            onChange={setTarget}
            prefix="#"
            inputMode="numeric"
            autoComplete="off"
            error={error ? t(error === "merged" ? "ticket.merge.errorMerged" : "ticket.merge.errorUnknown") : undefined}
          />
        </BlockStack>
      </Modal.Section>
    </Modal>
  );
}
