// Snooze until a chosen time: quick picks or a date and time (the browser's local time).
import { BlockStack, Button, InlineStack, Modal, TextField } from "@shopify/polaris";
import { useFetcher } from "@remix-run/react";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { action } from "../../routes/app.tickets.$ticketId";

function localInputValue(date: Date): string {
  const pad = (value: number) => String(value).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

function quickPicks(now: Date) {
  const tomorrow = new Date(now);
  tomorrow.setDate(tomorrow.getDate() + 1);
  tomorrow.setHours(9, 0, 0, 0);
  return {
    inOneHour: new Date(now.getTime() + 3_600_000),
    tomorrow,
    nextWeek: new Date(now.getTime() + 7 * 86_400_000),
  };
}

export function SnoozeModal({ open, onClose, updatedAt }: { open: boolean; onClose: () => void; updatedAt: string }) {
  const { t } = useTranslation();
  const fetcher = useFetcher<typeof action>();
  const [value, setValue] = useState("");
  const data = fetcher.data as { ok?: true; errors?: Record<string, string> } | undefined;

  useEffect(() => {
    if (open) setValue(localInputValue(quickPicks(new Date()).tomorrow));
  }, [open]);
  useEffect(() => {
    if (fetcher.state === "idle" && data?.ok) onClose();
  }, [fetcher.state, data, onClose]);

  const submit = () => {
    const until = new Date(value);
    fetcher.submit({ intent: "snooze", snoozedUntil: Number.isNaN(until.getTime()) ? "" : until.toISOString(), updatedAt }, { method: "post" });
  };
  const picks = quickPicks(new Date());
  return (
    <Modal
      open={open}
      onClose={onClose}
      title={t("ticket.snooze.title")}
      primaryAction={{ content: t("ticket.snooze.confirm"), onAction: submit, loading: fetcher.state !== "idle" }}
      secondaryActions={[{ content: t("ticket.snooze.cancel"), onAction: onClose }]}
    >
      <Modal.Section>
        <BlockStack gap="300">
          <InlineStack gap="200">
            {(Object.keys(picks) as (keyof typeof picks)[]).map((key) => (
              <Button key={key} onClick={() => setValue(localInputValue(picks[key]))}>{t(`ticket.snooze.${key}`)}</Button>
            ))}
          </InlineStack>
          <TextField
            label={t("ticket.snooze.until")}
            type="datetime-local"
            value={value}
            onChange={setValue}
            autoComplete="off"
            error={data?.errors?.snoozedUntil ? t("ticket.snooze.errorFuture") : undefined}
          />
        </BlockStack>
      </Modal.Section>
    </Modal>
  );
}
