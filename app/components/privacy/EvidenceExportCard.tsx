// The evidence export: every ticket, message and event since a date, as JSONL (restorable with
// `npm run desk -- import`).
import { BlockStack, Card, InlineStack, Text, TextField } from "@shopify/polaris";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { DownloadButton } from "./DownloadButton";

export function EvidenceExportCard({ shopDomain }: { shopDomain: string }) {
  const { t } = useTranslation();
  const [since, setSince] = useState("");
  const valid = since === "" || /^\d{4}-\d{2}-\d{2}$/.test(since);
  const query = since ? `?since=${encodeURIComponent(since)}` : "";
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">{t("privacy.evidence.title")}</Text>
        <Text as="p" tone="subdued">{t("privacy.evidence.help")}</Text>
        <InlineStack gap="300" blockAlign="end">
          <TextField
            label={t("privacy.evidence.since")}
            type="date"
            value={since}
            onChange={setSince}
            autoComplete="off"
            helpText={t("privacy.evidence.sinceHelp")}
            error={valid ? undefined : t("privacy.evidence.invalidDate")}
          />
          {valid ? (
            <DownloadButton url={`/app/privacy/evidence${query}`} filename={`shopdesk-evidence-${shopDomain}${since ? `-since-${since}` : ""}.jsonl`} label={t("privacy.evidence.download")} errorLabel={t("privacy.downloadFailed")} />
          ) : null}
        </InlineStack>
      </BlockStack>
    </Card>
  );
}
