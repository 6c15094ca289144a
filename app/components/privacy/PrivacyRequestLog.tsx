// The latest privacy (compliance) webhooks from Shopify and what became of them.
import { BlockStack, Badge, EmptyState, IndexTable, Text } from "@shopify/polaris";
import { useTranslation } from "react-i18next";

export function PrivacyRequestLog({ rows }: { rows: { id: string; topic: string; receivedAt: string; status: string }[] }) {
  const { t, i18n } = useTranslation();
  return (
    <BlockStack gap="300">
      <Text as="h2" variant="headingMd">{t("privacy.log.title")}</Text>
      {rows.length === 0 ? (
        <EmptyState heading={t("privacy.log.empty")} image="" />
      ) : (
        <IndexTable
          resourceName={{ singular: t("privacy.log.singular"), plural: t("privacy.log.plural") }}
          itemCount={rows.length}
          selectable={false}
          headings={[{ title: t("privacy.log.topic") }, { title: t("privacy.log.receivedAt") }, { title: t("privacy.log.status") }]}
        >
          {rows.map((row, index) => (
            <IndexTable.Row id={row.id} key={row.id} position={index}>
              <IndexTable.Cell>{t(`privacy.topics.${row.topic.replace("/", "_")}`, { defaultValue: row.topic })}</IndexTable.Cell>
              <IndexTable.Cell>{new Date(row.receivedAt).toLocaleString(i18n.language, { dateStyle: "medium", timeStyle: "short" })}</IndexTable.Cell>
              <IndexTable.Cell>
                <Badge tone={row.status === "processed" ? "success" : row.status === "failed" ? "critical" : "info"}>{t(`privacy.status.${row.status}`, { defaultValue: row.status })}</Badge>
              </IndexTable.Cell>
            </IndexTable.Row>
          ))}
        </IndexTable>
      )}
    </BlockStack>
  );
}
