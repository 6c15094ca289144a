// Customer data requests forwarded by Shopify, each with its JSON export to pass on to the customer.
import { Badge, BlockStack, EmptyState, IndexTable, Text } from "@shopify/polaris";
import { useTranslation } from "react-i18next";
import { DownloadButton } from "./DownloadButton";

export interface DataRequestRowView {
  id: string;
  createdAt: string;
  status: string;
  customerEmail: string | null;
  tickets: number;
}

export function DataRequestList({ rows }: { rows: DataRequestRowView[] }) {
  const { t, i18n } = useTranslation();
  const date = (iso: string) => new Date(iso).toLocaleString(i18n.language, { dateStyle: "medium", timeStyle: "short" });
  return (
    <BlockStack gap="300">
      <Text as="h2" variant="headingMd">{t("privacy.dataRequests.title")}</Text>
      <Text as="p" tone="subdued">{t("privacy.dataRequests.help")}</Text>
      {rows.length === 0 ? (
        <EmptyState heading={t("privacy.dataRequests.emptyTitle")} image="">
          <p>{t("privacy.dataRequests.empty")}</p>
        </EmptyState>
      ) : (
        <IndexTable
          resourceName={{ singular: t("privacy.dataRequests.singular"), plural: t("privacy.dataRequests.plural") }}
          itemCount={rows.length}
          selectable={false}
          headings={[{ title: t("privacy.dataRequests.customer") }, { title: t("privacy.dataRequests.requestedAt") }, { title: t("privacy.dataRequests.tickets") }, { title: t("privacy.dataRequests.status") }, { title: "" }]}
        >
          {rows.map((row, index) => (
            <IndexTable.Row id={row.id} key={row.id} position={index}>
              <IndexTable.Cell>{row.customerEmail ?? t("privacy.dataRequests.unknownCustomer")}</IndexTable.Cell>
              <IndexTable.Cell>{date(row.createdAt)}</IndexTable.Cell>
              <IndexTable.Cell>{row.tickets}</IndexTable.Cell>
              <IndexTable.Cell>
                <Badge tone={row.status === "ready" ? "success" : row.status === "failed" ? "critical" : "attention"}>{t(`privacy.status.${row.status}`, { defaultValue: row.status })}</Badge>
              </IndexTable.Cell>
              <IndexTable.Cell>
                {row.status === "ready" ? (
                  <DownloadButton url={`/app/privacy/exports/${row.id}`} filename={`shopdesk-customer-data-${row.id}.json`} label={t("privacy.download")} errorLabel={t("privacy.downloadFailed")} />
                ) : null}
              </IndexTable.Cell>
            </IndexTable.Row>
          ))}
        </IndexTable>
      )}
    </BlockStack>
  );
}
