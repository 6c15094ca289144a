// Reports: response times, first-response windows against e-commerce benchmarks, SLA attainment,
// resolution quality, backlog, the staffing heatmap, customer feedback and complaint analysis.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useLoaderData, useSearchParams } from "@remix-run/react";
import { Badge, Banner, BlockStack, Box, Button, ButtonGroup, Card, DataTable, InlineGrid, InlineStack, Layout, Page, Tabs, Text, TextField } from "@shopify/polaris";
import { BarChart, LineChart } from "@shopify/polaris-viz";
import { TitleBar } from "@shopify/app-bridge-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { authenticate } from "../shopify.server";
import prisma from "../db.server";
import { env } from "../env.server";
import { databaseProvider } from "../db/create-client.server";
import { getJobQueue } from "../jobs/queue.server";
import { adminRequestContext } from "../services/request-context.server";
import { withServiceErrors } from "../lib/service-errors.server";
import { loadReportsPage, ReportPeriodError } from "../services/reports/reports-page.server";
import { ClientChart } from "../components/reports/ClientChart";
import { FetchDownloadButton } from "../components/FetchDownloadButton";
import { formatMinutes, formatShare } from "../components/reports/format";
import { MetricCard } from "../components/reports/MetricCard";
import { ReportTableCard } from "../components/reports/ReportTableCard";
import { StaffingHeatmap } from "../components/reports/StaffingHeatmap";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  return withServiceErrors(async () => {
    const { shop } = await adminRequestContext(prisma, session);
    const params = new URL(request.url).searchParams;
    try {
      const page = await loadReportsPage({ db: prisma, provider: databaseProvider(env.DATABASE_URL), shop, params, now: new Date(), queue: getJobQueue() });
      return json({ ...page, timeZone: shop.ianaTimezone });
    } catch (error) {
      if (error instanceof ReportPeriodError) throw json({ message: error.message }, { status: 400 });
      throw error;
    }
  });
};

export default function ReportsPage() {
  const { report, complaints, tables } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation();
  const [searchParams] = useSearchParams();
  const [slaTab, setSlaTab] = useState(0);
  const [from, setFrom] = useState(report.period.fromDate);
  const [to, setTo] = useState(report.period.toDate);
  const locale = i18n.language;
  const minutes = (value: number | null) => formatMinutes(t, locale, value);
  const percent = (value: number | null) => formatShare(t, locale, value);
  const table = (key: string) => tables.find((entry) => entry.key === key)!;
  const exportHref = (key: string) => {
    const params = new URLSearchParams(searchParams);
    params.set("table", key);
    return `/app/reports/export?${params}`;
  };
  const { summary, previousSummary } = report;
  const slaKeys = ["priority", "category", "channel", "agent"] as const;
  const windowsChart = [
    { name: t("reports.benchmarks.shop"), data: summary.firstResponseWindows.map((entry) => ({ key: t(`reports.windows.${entry.window}`), value: entry.share === null ? null : Math.round(entry.share * 100) })) },
    { name: t("reports.benchmarks.average"), data: summary.firstResponseWindows.map((entry) => ({ key: t(`reports.windows.${entry.window}`), value: report.benchmarks.average[entry.window] * 100 })) },
    { name: t("reports.benchmarks.strong"), data: summary.firstResponseWindows.map((entry) => ({ key: t(`reports.windows.${entry.window}`), value: report.benchmarks.strong[entry.window] * 100 })) },
  ];
  const complaintsChart = complaints.byCategory.map((series) => ({
    name: series.key,
    data: series.counts.map((count, index) => ({ key: complaints.labels[index]!, value: count })),
  }));

  return (
    <Page title={t("reports.title")} fullWidth>
      <TitleBar title={t("reports.title")} />
      <BlockStack gap="500">
        <Card>
          <Form method="get">
            <InlineStack gap="300" blockAlign="end" wrap>
              <TextField label={t("reports.period.from")} type="date" name="from" autoComplete="off" value={from} onChange={setFrom} />
              <TextField label={t("reports.period.to")} type="date" name="to" autoComplete="off" value={to} onChange={setTo} />
              <input type="hidden" name="complaints" value={complaints.granularity} />
              <Button submit>{t("reports.period.apply")}</Button>
              <Text as="span" tone="subdued">
                {t("reports.period.comparedWith", { from: report.previous.fromDate, to: report.previous.toDate })}
              </Text>
            </InlineStack>
          </Form>
        </Card>
        {report.metricsPending ? <Banner tone="info">{t("reports.pending")}</Banner> : null}

        <Layout>
          <Layout.Section>
            <BlockStack gap="300">
              <Text as="h2" variant="headingMd">
                {t("reports.sections.responseTimes")}
              </Text>
              <InlineGrid columns={{ xs: 1, md: 3 }} gap="300">
                {(["first_response", "next_response", "resolution"] as const).map((metric) => {
                  const key = metric === "first_response" ? "firstResponse" : metric === "next_response" ? "nextResponse" : "resolution";
                  return (
                    <MetricCard
                      key={metric}
                      title={t(`reports.metrics.${metric}`)}
                      value={`${t("reports.metrics.median")} ${minutes(summary[key].median)}`}
                      secondary={`p90 ${minutes(summary[key].p90)}`}
                      previous={t("reports.previous", { value: `${minutes(previousSummary[key].median)} / p90 ${minutes(previousSummary[key].p90)}` })}
                      definition={t(`reports.definitions.${metric}`)}
                    />
                  );
                })}
              </InlineGrid>
              <ReportTableCard table={table("response_times")} exportHref={exportHref("response_times")} labelOf={(value) => t(`reports.metrics.${value}`)} />
            </BlockStack>
          </Layout.Section>

          <Layout.Section>
            <BlockStack gap="300">
              <Text as="h2" variant="headingMd">
                {t("reports.sections.firstResponseWindows")}
              </Text>
              <Card>
                <BlockStack gap="300">
                  <Text as="p" variant="bodySm" tone="subdued">
                    {t("reports.definitions.firstResponseWindows")}
                  </Text>
                  <ClientChart>{() => <BarChart data={windowsChart} yAxisOptions={{ labelFormatter: (value) => `${value}%` }} />}</ClientChart>
                </BlockStack>
              </Card>
              <ReportTableCard table={table("first_response_windows")} exportHref={exportHref("first_response_windows")} />
            </BlockStack>
          </Layout.Section>

          <Layout.Section>
            <BlockStack gap="300">
              <Text as="h2" variant="headingMd">
                {t("reports.sections.sla")}
              </Text>
              <MetricCard
                title={t("reports.metrics.slaAttainment")}
                value={percent(summary.sla.attainment)}
                secondary={`${summary.sla.met} / ${summary.sla.tickets}`}
                previous={t("reports.previous", { value: percent(previousSummary.sla.attainment) })}
                definition={t("reports.definitions.slaAttainment")}
              />
              <Tabs tabs={slaKeys.map((key) => ({ id: `sla-${key}`, content: t(`reports.slaBy.${key}`) }))} selected={slaTab} onSelect={setSlaTab}>
                <Box paddingBlockStart="300">
                  <ReportTableCard table={table(`sla_by_${slaKeys[slaTab]}`)} exportHref={exportHref(`sla_by_${slaKeys[slaTab]}`)} />
                </Box>
              </Tabs>
            </BlockStack>
          </Layout.Section>

          <Layout.Section>
            <BlockStack gap="300">
              <Text as="h2" variant="headingMd">
                {t("reports.sections.quality")}
              </Text>
              <InlineGrid columns={{ xs: 1, md: 3 }} gap="300">
                <MetricCard title={t("reports.metrics.fcr")} value={percent(summary.firstContactResolution.rate)} secondary={`${summary.firstContactResolution.count} / ${summary.resolved}`} previous={t("reports.previous", { value: percent(previousSummary.firstContactResolution.rate) })} definition={t("reports.definitions.fcr")} />
                <MetricCard title={t("reports.metrics.reopen")} value={percent(summary.reopen.rate)} secondary={`${summary.reopen.count}`} previous={t("reports.previous", { value: percent(previousSummary.reopen.rate) })} definition={t("reports.definitions.reopen")} />
                <MetricCard title={t("reports.metrics.automation")} value={percent(summary.automation.rate)} secondary={`${summary.automation.count}`} previous={t("reports.previous", { value: percent(previousSummary.automation.rate) })} definition={t("reports.definitions.automation")} />
              </InlineGrid>
            </BlockStack>
          </Layout.Section>

          <Layout.Section>
            <BlockStack gap="300">
              <Text as="h2" variant="headingMd">
                {t("reports.sections.backlog")}
              </Text>
              <MetricCard title={t("reports.metrics.openTickets")} value={String(report.backlog.open)} definition={t("reports.definitions.backlog")} />
              <ReportTableCard table={table("backlog")} exportHref={exportHref("backlog")} labelOf={(value) => t(`reports.backlogBuckets.${value}`)} />
            </BlockStack>
          </Layout.Section>

          <Layout.Section>
            <BlockStack gap="300">
              <InlineStack align="space-between">
                <Text as="h2" variant="headingMd">
                  {t("reports.sections.heatmap")}
                </Text>
                <FetchDownloadButton href={exportHref("heatmap")}>{t("reports.exportCsv")}</FetchDownloadButton>
              </InlineStack>
              <StaffingHeatmap grid={report.heatmap} peaks={report.peaks} />
            </BlockStack>
          </Layout.Section>

          <Layout.Section>
            <BlockStack gap="300">
              <Text as="h2" variant="headingMd">
                {t("reports.sections.feedback")}
              </Text>
              <InlineGrid columns={{ xs: 1, md: 3 }} gap="300">
                <MetricCard title={t("reports.metrics.csat")} value={percent(report.feedback.csat.score)} secondary={`${report.feedback.csat.satisfied} / ${report.feedback.csat.rated} · ${t("reports.metrics.csatResponseRate")} ${percent(report.feedback.csat.responseRate)}`} definition={t("reports.definitions.csat")} />
                <MetricCard title={t("reports.metrics.nps")} value={report.feedback.nps.score === null ? t("reports.noData") : String(report.feedback.nps.score)} secondary={`${report.feedback.nps.responses}`} definition={t("reports.definitions.nps")} />
                <MetricCard title={t("reports.metrics.iqs")} action={{ content: t("reports.quality.link"), url: "/app/reports/quality" }} value={report.feedback.quality.averageScore === null ? t("reports.noData") : report.feedback.quality.averageScore.toFixed(1)} secondary={`${report.feedback.quality.reviews}`} definition={t("reports.definitions.iqs")} />
              </InlineGrid>
              <InlineGrid columns={{ xs: 1, md: 2 }} gap="300">
                <ReportTableCard table={table("csat_by_agent")} exportHref={exportHref("csat_by_agent")} />
                <ReportTableCard table={table("csat_by_category")} exportHref={exportHref("csat_by_category")} />
              </InlineGrid>
            </BlockStack>
          </Layout.Section>

          <Layout.Section>
            <BlockStack gap="300">
              <InlineStack align="space-between" blockAlign="center">
                <Text as="h2" variant="headingMd">
                  {t("reports.sections.complaints")}
                </Text>
                <ButtonGroup variant="segmented">
                  {(["month", "week"] as const).map((granularity) => {
                    const params = new URLSearchParams(searchParams);
                    params.set("complaints", granularity);
                    return (
                      <Button key={granularity} url={`/app/reports?${params}`} pressed={complaints.granularity === granularity}>
                        {t(`reports.complaints.${granularity}`)}
                      </Button>
                    );
                  })}
                </ButtonGroup>
              </InlineStack>
              <Text as="p" variant="bodySm" tone="subdued">
                {t("reports.definitions.complaints")}
              </Text>
              <Card>
                <ClientChart>{() => <LineChart data={complaintsChart} />}</ClientChart>
              </Card>
              <InlineGrid columns={{ xs: 1, md: 2 }} gap="300">
                <ReportTableCard table={table("complaints_by_category")} exportHref={exportHref("complaints_by_category")} />
                <ReportTableCard table={table("complaints_by_severity")} exportHref={exportHref("complaints_by_severity")} />
              </InlineGrid>
              <Card>
                <BlockStack gap="300">
                  <InlineStack align="space-between">
                    <Text as="h3" variant="headingSm">
                      {t("reports.complaints.reasons")}
                    </Text>
                    <InlineStack gap="300">
                      <FetchDownloadButton href={exportHref("complaint_reasons")}>{t("reports.exportCsv")}</FetchDownloadButton>
                      <FetchDownloadButton href={exportHref("complaint_tickets")}>{t("reports.complaints.exportTickets")}</FetchDownloadButton>
                    </InlineStack>
                  </InlineStack>
                  {complaints.reasons.length === 0 ? (
                    <Text as="p" tone="subdued">
                      {t("reports.complaints.none")}
                    </Text>
                  ) : (
                    <DataTable
                      columnContentTypes={["text", "text", ...complaints.months.map(() => "numeric" as const), "text", "text"]}
                      headings={[t("reports.columns.reason"), t("reports.columns.category"), ...complaints.months, t("reports.columns.rising"), t("reports.complaints.examples")]}
                      rows={complaints.reasons.map((trend) => [
                        trend.reason,
                        trend.category,
                        ...trend.counts,
                        trend.rising ? <Badge tone="warning">{t("reports.complaints.rising")}</Badge> : "",
                        <InlineStack key="examples" gap="100">
                          {trend.examples.map((example) => (
                            <Button key={example.id} url={`/app/tickets/${example.id}`} variant="plain">
                              {`#${example.number}`}
                            </Button>
                          ))}
                        </InlineStack>,
                      ])}
                    />
                  )}
                </BlockStack>
              </Card>
            </BlockStack>
          </Layout.Section>
        </Layout>
      </BlockStack>
    </Page>
  );
}
