import { Badge } from "@shopify/polaris";
import { useTranslation } from "react-i18next";

const PRIORITY_TONE = { urgent: "critical", high: "warning", normal: undefined, low: undefined } as const;
const SEVERITY_TONE = { L1: "critical", L2: "attention", L3: undefined } as const;

export function PriorityBadge({ priority }: { priority: string }) {
  const { t } = useTranslation();
  const tone = PRIORITY_TONE[priority as keyof typeof PRIORITY_TONE];
  return <Badge tone={tone}>{t(`priority.${priority}`, { defaultValue: priority })}</Badge>;
}

export function SeverityBadge({ severity }: { severity: string }) {
  const tone = SEVERITY_TONE[severity as keyof typeof SEVERITY_TONE];
  return <Badge tone={tone}>{severity}</Badge>;
}
