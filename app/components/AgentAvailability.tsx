// Available / away for the agent working: round-robin assignment skips agents who are away.
// Posts `intent=availability` to `action` (the ticket page's route handles it; any route may).
import { Select } from "@shopify/polaris";
import { useFetcher } from "@remix-run/react";
import { useTranslation } from "react-i18next";

export function AgentAvailability({ availability, action }: { availability: string; action?: string }) {
  const { t } = useTranslation();
  const fetcher = useFetcher();
  const pending = fetcher.formData?.get("availability");
  const value = typeof pending === "string" ? pending : availability;
  return (
    <Select
      label={t("ticket.availability.label")}
      labelInline
      helpText={t("ticket.availability.help")}
      options={[
        { value: "available", label: t("ticket.availability.available") },
        { value: "away", label: t("ticket.availability.away") },
      ]}
      value={value}
      onChange={(next) => fetcher.submit({ intent: "availability", availability: next }, { method: "post", action })}
    />
  );
}
