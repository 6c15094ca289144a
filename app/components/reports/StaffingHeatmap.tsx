// Customer messages by weekday × hour: darker cells are busier. A plain table, so it reads in any
// screen reader and prints; the title of each cell gives the exact count.
import { BlockStack, Card, Text } from "@shopify/polaris";
import { useTranslation } from "react-i18next";

export function StaffingHeatmap({ grid, peaks }: { grid: number[][]; peaks: { weekday: number; hour: number; count: number }[] }) {
  const { t } = useTranslation();
  const weekdays = t("reports.weekdays", { returnObjects: true }) as string[];
  const max = Math.max(1, ...grid.flat());
  const cellStyle = (count: number) => ({
    background: count === 0 ? "transparent" : `rgba(0, 91, 211, ${0.12 + (0.88 * count) / max})`,
    color: count / max > 0.55 ? "white" : "inherit",
    textAlign: "center" as const,
    fontSize: "11px",
    padding: "2px 0",
    minWidth: "24px",
  });
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="p" variant="bodySm" tone="subdued">
          {t("reports.definitions.heatmap")}
        </Text>
        {peaks.length > 0 ? (
          <Text as="p">{t("reports.peaks", { cells: peaks.map((peak) => `${weekdays[peak.weekday]} ${String(peak.hour).padStart(2, "0")}:00 (${peak.count})`).join(", ") })}</Text>
        ) : null}
        <div style={{ overflowX: "auto" }}>
          <table style={{ borderCollapse: "collapse", width: "100%" }} aria-label={t("reports.sections.heatmap")}>
            <thead>
              <tr>
                <th />
                {Array.from({ length: 24 }, (_, hour) => (
                  <th key={hour} scope="col" style={{ fontSize: "11px", fontWeight: 400 }}>
                    {hour}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {grid.map((hours, weekday) => (
                <tr key={weekday}>
                  <th scope="row" style={{ fontSize: "12px", fontWeight: 500, textAlign: "left", paddingRight: "8px" }}>
                    {weekdays[weekday]}
                  </th>
                  {hours.map((count, hour) => (
                    <td key={hour} style={cellStyle(count)} title={`${weekdays[weekday]} ${hour}:00 — ${count}`}>
                      {count || ""}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </BlockStack>
    </Card>
  );
}
