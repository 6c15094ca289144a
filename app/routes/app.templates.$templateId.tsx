// One template: edit its variants (syntax errors at line/column), live preview with a real ticket,
// the sensitive flag with approval and its log, mark reviewed, duplicate, archive or restore.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useFetcher, useLoaderData } from "@remix-run/react";
import { Banner, BlockStack, Button, Card, Layout, Page, Text } from "@shopify/polaris";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import prisma from "../db.server";
import { withServiceErrors } from "../lib/service-errors.server";
import { approvalLog, canApprove } from "../models/templates-approval.server";
import { keywordsFromColumn } from "../models/templates-input.server";
import { findTemplate, summarizeTemplate } from "../models/templates.server";
import { adminRequestContext } from "../services/request-context.server";
import { handleTemplateIntent, previewTicketOptions, readJsonBody, type EditorActionResult } from "../services/templates/editor-actions.server";
import { authenticate } from "../shopify.server";
import { ApprovalCard } from "../components/templates/ApprovalCard";
import { TemplateBadges } from "../components/templates/TemplateBadges";
import { TemplateEditor, toTemplatePayload } from "../components/templates/TemplateEditor";
import { TemplatePreviewCard } from "../components/templates/TemplatePreviewCard";
import type { EditableTemplate } from "../components/templates/types";

export const loader = async ({ request, params }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  return withServiceErrors(async () => {
    const { shop, agent } = await adminRequestContext(prisma, session);
    const template = await findTemplate(prisma, shop.id, params.templateId ?? "");
    if (!template) throw new Response("Template not found", { status: 404 });
    const [log, tickets] = await Promise.all([approvalLog(prisma, shop.id, template.id), previewTicketOptions(prisma, shop.id)]);
    return {
      template: {
        ...summarizeTemplate(template, new Date()),
        version: template.version,
        keywordsText: keywordsFromColumn(template.keywords).join(", "),
        variants: template.variants.map((variant) => ({ language: variant.language, subject: variant.subject ?? "", body: variant.body })),
      },
      log,
      tickets,
      canApprove: canApprove(agent),
      timeZone: shop.ianaTimezone,
    };
  });
};

export const action = async ({ request, params }: ActionFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const body = await readJsonBody(request);
  return withServiceErrors(async () => {
    const { shop, agent } = await adminRequestContext(prisma, session);
    return handleTemplateIntent(prisma, { shopId: shop.id, agent, templateId: params.templateId ?? "" }, body);
  });
};

export default function TemplateRoute() {
  const data = useLoaderData<typeof loader>();
  // Fresh form state per template (duplicate navigates to the copy).
  return <TemplatePage key={data.template.id} data={data} />;
}

function TemplatePage({ data }: { data: ReturnType<typeof useLoaderData<typeof loader>> }) {
  const { template, log, tickets, canApprove: mayApprove, timeZone } = data;
  const { t, i18n } = useTranslation();
  const fetcher = useFetcher<EditorActionResult>();
  const initial = (): EditableTemplate => ({
    name: template.name, category: template.category, keywords: template.keywordsText, sensitive: template.sensitive, variants: template.variants,
  });
  const [value, setValue] = useState<EditableTemplate>(initial);
  const [selected, setSelected] = useState(0);
  const busy = fetcher.state !== "idle";
  const failed = fetcher.data && !fetcher.data.ok ? fetcher.data : null;
  const savedOk = fetcher.state === "idle" && fetcher.data?.ok && fetcher.data.intent === "save";
  // After each action Remix reloads the page data (version, approval); the form keeps what was typed.

  const submit = (payload: Record<string, unknown>) => fetcher.submit(payload as never, { method: "post", encType: "application/json" });
  const save = () => submit({ intent: "save", template: toTemplatePayload(value), expectedVersion: template.version });
  const formatDate = (iso: string) => new Intl.DateTimeFormat(i18n.language, { dateStyle: "medium", timeStyle: "short", timeZone }).format(new Date(iso));
  const archived = template.status === "archived";

  return (
    <Page
      backAction={{ content: t("templates.title"), url: "/app/templates" }}
      title={template.name}
      subtitle={`${t(`templates.category.${template.category}`, { defaultValue: template.category })} · ${t("templates.editor.version", { version: template.version })} · ${t("templates.usage", { count: template.usageCount })}`}
      titleMetadata={<TemplateBadges template={template} />}
      primaryAction={{ content: t("templates.editor.save"), onAction: save, loading: busy && fetcher.json !== undefined && (fetcher.json as { intent?: string }).intent === "save" }}
      secondaryActions={[
        { content: t("templates.actions.duplicate"), onAction: () => submit({ intent: "duplicate" }) },
        { content: archived ? t("templates.actions.unarchive") : t("templates.actions.archive"), onAction: () => submit({ intent: archived ? "unarchive" : "archive" }) },
      ]}
    >
      <Layout>
        <Layout.Section>
          <BlockStack gap="400">
            {savedOk && <Banner tone="success">{t("templates.editor.saved")}</Banner>}
            {failed?.errors.version && <Banner tone="warning">{t("templates.editor.conflict")}</Banner>}
            <TemplateEditor value={value} onChange={setValue} selectedVariant={selected} onSelectVariant={setSelected} errors={failed?.errors ?? {}} syntaxErrors={failed?.syntaxErrors ?? []} />
          </BlockStack>
        </Layout.Section>
        <Layout.Section variant="oneThird">
          <BlockStack gap="400">
            <TemplatePreviewCard tickets={tickets} variant={value.variants[selected] ?? null} />
            <ApprovalCard
              sensitive={template.sensitive}
              approved={template.approved}
              version={template.version}
              canApprove={mayApprove}
              busy={busy}
              log={log}
              formatDate={formatDate}
              onDecide={(decision, note) => submit({ intent: decision, version: template.version, note })}
            />
            <Card>
              <BlockStack gap="200">
                <Text as="h2" variant="headingMd">{t("templates.review.title")}</Text>
                <Text as="p">{t("templates.review.lastReviewed", { date: template.lastReviewedAt ? formatDate(template.lastReviewedAt) : t("templates.never") })}</Text>
                {template.needsReview && <Text as="p" tone="caution">{t("templates.review.needsReview")}</Text>}
                <Button onClick={() => submit({ intent: "markReviewed" })} disabled={busy}>{t("templates.actions.markReviewed")}</Button>
              </BlockStack>
            </Card>
          </BlockStack>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
