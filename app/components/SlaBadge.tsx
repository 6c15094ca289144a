import { Badge } from "@shopify/polaris";
import { useTranslation } from "react-i18next";
import { describeMinutes, slaState } from "../domain/sla-state";

/** Green / amber / red with the time left in words. */
export function SlaBadge({ dueAt, paused, now }: { dueAt: string | null; paused: boolean; now: Date }) {
  const { t } = useTranslation();
  if (!dueAt) return <Badge>{t("sla.none")}</Badge>;
  if (paused) return <Badge>{t("sla.paused")}</Badge>;
  const state = slaState(new Date(dueAt), now);
  const words = describeMinutes(state.minutesLeft ?? 0);
  const label = t(words.overdue ? "sla.overdue" : "sla.left", { amount: words.amount, unit: t(`sla.unit.${words.unit}`) });
  return <Badge tone={state.tone === "none" ? undefined : state.tone}>{label}</Badge>;
}
