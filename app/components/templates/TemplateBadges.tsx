// Status badges shared by the template list and editor.
import { Badge, InlineStack } from "@shopify/polaris";
import { useTranslation } from "react-i18next";

export function TemplateBadges({ template }: { template: { sensitive: boolean; approved: boolean; needsReview: boolean; status: string } }) {
  const { t } = useTranslation();
  return (
    <InlineStack gap="100">
      {template.status === "archived" && <Badge>{t("templates.archived")}</Badge>}
      {template.sensitive && (
        <Badge tone={template.approved ? "success" : "attention"}>
          {template.approved ? t("templates.approved") : t("templates.awaitingApproval")}
        </Badge>
      )}
      {template.needsReview && <Badge tone="warning">{t("templates.needsReview")}</Badge>}
    </InlineStack>
  );
}
