// A report table with its CSV export link (the export serves the same rows).
import { BlockStack, Card, DataTable, InlineStack, Text } from "@shopify/polaris";
import { useTranslation } from "react-i18next";
import type { ReportTable } from "../../services/reports/tables";
import { FetchDownloadButton } from "../FetchDownloadButton";
import { formatCell } from "./format";

export interface ReportTableCardProps {
  table: ReportTable;
  exportHref: string;
  /** Translates the first column's values (group keys such as "urgent" or "under_1h"). */
  labelOf?: (value: string) => string;
}

export function ReportTableCard({ table, exportHref, labelOf }: ReportTableCardProps) {
  const { t, i18n } = useTranslation();
  const columnLabel = (column: string) => (i18n.exists(`reports.columns.${column}`) ? t(`reports.columns.${column}`) : column);
  return (
    <Card>
      <BlockStack gap="300">
        <InlineStack align="space-between" blockAlign="center">
          <Text as="h3" variant="headingSm">
            {t(`reports.tables.${table.key}`)}
          </Text>
          <FetchDownloadButton href={exportHref}>{t("reports.exportCsv")}</FetchDownloadButton>
        </InlineStack>
        {table.rows.length === 0 ? (
          <Text as="p" tone="subdued">
            {t("reports.noData")}
          </Text>
        ) : (
          <DataTable
            columnContentTypes={table.columns.map((_, index) => (index === 0 ? "text" : "numeric"))}
            headings={table.columns.map(columnLabel)}
            rows={table.rows.map((row) => row.map((cell, index) => (index === 0 && typeof cell === "string" && labelOf ? labelOf(cell) : formatCell(i18n.language, cell))))}
          />
        )}
      </BlockStack>
    </Card>
  );
}
