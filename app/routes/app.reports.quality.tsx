// Internal quality reviews (IQS): supervisors score a stable sample of resolved conversations on the
// rubric; the reports page shows the average.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Banner, BlockStack, Button, Card, DataTable, FormLayout, Layout, Link, Page, Select, Text, TextField } from "@shopify/polaris";
import { TitleBar } from "@shopify/app-bridge-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { authenticate } from "../shopify.server";
import prisma from "../db.server";
import { adminRequestContext } from "../services/request-context.server";
import { withServiceErrors } from "../lib/service-errors.server";
import { QUALITY_RUBRIC } from "../domain/quality-rubric";
import { parseReportPeriod, ReportPeriodError } from "../services/reports/period";
import { canReview, QualityReviewError, recentReviews, reviewSample, saveQualityReview } from "../services/reports/quality-reviews.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  return withServiceErrors(async () => {
    const { shop, agent } = await adminRequestContext(prisma, session);
    const params = new URL(request.url).searchParams;
    let period;
    try {
      period = parseReportPeriod({ from: params.get("from"), to: params.get("to") }, shop.ianaTimezone, new Date());
    } catch (error) {
      if (error instanceof ReportPeriodError) throw json({ message: error.message }, { status: 400 });
      throw error;
    }
    const [sample, reviews] = await Promise.all([reviewSample(prisma, shop.id, period), recentReviews(prisma, shop.id)]);
    return json({ period, sample, reviews, canReview: canReview(agent) });
  });
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  return withServiceErrors(async () => {
    const { shop, agent } = await adminRequestContext(prisma, session);
    const form = Object.fromEntries(await request.formData());
    try {
      const review = await saveQualityReview(prisma, { shopId: shop.id, reviewer: agent, ticketId: String(form.ticketId ?? ""), form, now: new Date() });
      return json({ ok: true as const, totalScore: review.totalScore, errors: {} as Record<string, string> });
    } catch (error) {
      if (error instanceof QualityReviewError) return json({ ok: false as const, totalScore: null, errors: error.errors as Record<string, string> }, { status: error.status });
      throw error;
    }
  });
};

const SCORE_OPTIONS = ["", "1", "2", "3", "4", "5"];

export default function QualityReviewsPage() {
  const { sample, reviews, canReview: allowed } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t, i18n } = useTranslation();
  const [ticketId, setTicketId] = useState(sample[0]?.id ?? "");
  const [scores, setScores] = useState<Record<string, string>>({});
  const [comment, setComment] = useState("");
  const errors = result?.errors ?? {};

  return (
    <Page title={t("reports.quality.title")} backAction={{ url: "/app/reports" }}>
      <TitleBar title={t("reports.quality.title")} />
      <Layout>
        <Layout.Section>
          <BlockStack gap="400">
            <Text as="p" tone="subdued">
              {t("reports.definitions.iqs")}
            </Text>
            {result?.ok ? <Banner tone="success">{t("reports.quality.saved", { score: result.totalScore })}</Banner> : null}
            {errors.reviewer || errors.ticket ? <Banner tone="critical">{errors.reviewer ?? errors.ticket}</Banner> : null}
            {!allowed ? (
              <Banner tone="info">{t("reports.quality.supervisorsOnly")}</Banner>
            ) : sample.length === 0 ? (
              <Card>
                <Text as="p">{t("reports.quality.nothingToReview")}</Text>
              </Card>
            ) : (
              <Card>
                <Form method="post">
                  <FormLayout>
                    <Select
                      label={t("reports.quality.ticket")}
                      name="ticketId"
                      options={sample.map((ticket) => ({ label: `#${ticket.number} ${ticket.subject}${ticket.assignee ? ` — ${ticket.assignee.name}` : ""}`, value: ticket.id }))}
                      value={ticketId}
                      onChange={setTicketId}
                    />
                    <Link url={`/app/tickets/${ticketId}`} target="_blank">
                      {t("reports.quality.openTicket")}
                    </Link>
                    <FormLayout.Group condensed>
                      {QUALITY_RUBRIC.map((item) => (
                        <Select
                          key={item}
                          label={t(`reports.quality.rubric.${item}`)}
                          name={item}
                          options={SCORE_OPTIONS.map((value) => ({ label: value || "–", value }))}
                          value={scores[item] ?? ""}
                          onChange={(value) => setScores((current) => ({ ...current, [item]: value }))}
                          error={errors[item]}
                        />
                      ))}
                    </FormLayout.Group>
                    <TextField label={t("reports.quality.comment")} name="comment" value={comment} onChange={setComment} multiline={3} autoComplete="off" maxLength={2000} error={errors.comment} />
                    <Button submit variant="primary" loading={navigation.state === "submitting"}>
                      {t("reports.quality.save")}
                    </Button>
                  </FormLayout>
                </Form>
              </Card>
            )}
            <Card>
              <BlockStack gap="300">
                <Text as="h2" variant="headingSm">
                  {t("reports.quality.recent")}
                </Text>
                {reviews.length === 0 ? (
                  <Text as="p" tone="subdued">
                    {t("reports.noData")}
                  </Text>
                ) : (
                  <DataTable
                    columnContentTypes={["text", "text", "numeric", "text", "text"]}
                    headings={[t("reports.quality.ticket"), t("reports.quality.reviewer"), t("reports.metrics.iqs"), t("reports.quality.comment"), t("reports.quality.date")]}
                    rows={reviews.map((review) => [
                      review.ticket ? `#${review.ticket.number} ${review.ticket.subject}` : "–",
                      review.reviewer ?? "–",
                      review.totalScore,
                      review.comment ?? "",
                      new Intl.DateTimeFormat(i18n.language, { dateStyle: "medium" }).format(new Date(review.createdAt)),
                    ])}
                  />
                )}
              </BlockStack>
            </Card>
          </BlockStack>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
