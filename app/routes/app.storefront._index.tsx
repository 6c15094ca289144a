// The storefront page: whether the widget's data is published (per metafield, with size warnings),
// what the Admin API can tell about the live theme (honestly "unknown", with theme-editor links),
// the widget settings, and a link to the FAQ editor.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useFetcher, useLoaderData } from "@remix-run/react";
import { Badge, Banner, BlockStack, Button, Card, DataTable, InlineStack, Layout, Link as PolarisLink, Page, Text, TextField } from "@shopify/polaris";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import prisma from "../db.server";
import { env } from "../env.server";
import { withServiceErrors } from "../lib/service-errors.server";
import { adminRequestContext } from "../services/request-context.server";
import { publicationStatus, publishStorefrontData } from "../services/storefront/publish-metafields.server";
import { themeIntegrationStatus } from "../services/storefront/theme-status.server";
import { currentWidgetSettings, saveWidgetSettings, widgetSettingsFromForm } from "../services/storefront/widget-settings.server";
import { authenticate } from "../shopify.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  return withServiceErrors(async () => {
    const { shop } = await adminRequestContext(prisma, session);
    const publications = await publicationStatus(prisma, shop.id);
    return {
      publications: publications.map((row) => ({ ...row, publishedAt: row.publishedAt.toISOString() })),
      theme: themeIntegrationStatus(shop.domain, env.SHOPIFY_API_KEY),
      settings: currentWidgetSettings(shop.settings),
      timeZone: shop.ianaTimezone,
    };
  });
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const form = await request.formData();
  return withServiceErrors(async () => {
    const { shop, admin } = await adminRequestContext(prisma, session);
    if (form.get("intent") === "settings") {
      const saved = await saveWidgetSettings(prisma, admin, shop.id, widgetSettingsFromForm(form));
      if (!saved.ok) return json({ ok: false, errors: saved.errors }, { status: 422 });
      return json({ ok: saved.publish.ok, errors: {}, error: saved.publish.publications.find((row) => row.error)?.error ?? null });
    }
    const result = await publishStorefrontData(prisma, admin, shop.id);
    return json({ ok: result.ok, errors: {}, error: result.publications.find((row) => row.error)?.error ?? null });
  });
};

type ActionData = { ok: boolean; errors: Record<string, string>; error?: string | null };

function keyLabel(key: string, t: (key: string, options?: Record<string, string>) => string): string {
  if (key.startsWith("faq_")) return t("storefront.publish.keys.faq", { language: t(`storefront.faq.languages.${key.slice(4)}`) });
  return t(`storefront.publish.keys.${key}`);
}

export default function StorefrontPage() {
  const { publications, theme, settings, timeZone } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation();
  const publish = useFetcher<ActionData>();
  const save = useFetcher<ActionData>();
  const [contactPageUrl, setContactPageUrl] = useState(settings.contactPageUrl);
  const [faqPageUrl, setFaqPageUrl] = useState(settings.faqPageUrl);
  const [replyPromise, setReplyPromise] = useState(settings.replyPromiseMinutes === null ? "" : String(settings.replyPromiseMinutes));
  const formatDate = (iso: string) => new Intl.DateTimeFormat(i18n.language, { dateStyle: "medium", timeStyle: "short", timeZone }).format(new Date(iso));
  const tone = (status: string) => (status === "published" ? "success" : status === "trimmed" ? "warning" : "critical");
  const warnings = publications.filter((row) => row.warning);
  const failed = publications.find((row) => row.status === "failed");
  const fieldError = (name: string) => (save.data?.errors?.[name] ? t("storefront.settings.invalid") : undefined);

  return (
    <Page title={t("storefront.title")} primaryAction={{ content: t("storefront.faqLink"), url: "/app/storefront/faq" }}>
      <Layout>
        <Layout.Section>
          <BlockStack gap="400">
            <Card>
              <BlockStack gap="300">
                <InlineStack align="space-between" blockAlign="center">
                  <Text as="h2" variant="headingMd">
                    {t("storefront.publish.title")}
                  </Text>
                  <Button loading={publish.state !== "idle"} onClick={() => publish.submit({ intent: "publish" }, { method: "post" })}>
                    {t("storefront.publish.now")}
                  </Button>
                </InlineStack>
                {publish.data ? <Banner tone={publish.data.ok ? "success" : "critical"}>{publish.data.ok ? t("storefront.publish.ok") : t("storefront.publish.failed", { error: publish.data.error ?? "" })}</Banner> : null}
                {failed && !publish.data ? <Banner tone="critical">{t("storefront.publish.failed", { error: failed.error ?? "" })}</Banner> : null}
                {warnings.map((row) => (
                  <Banner key={row.key} tone="warning">
                    {row.warning}
                  </Banner>
                ))}
                {publications.length === 0 ? (
                  <Text as="p">{t("storefront.publish.never")}</Text>
                ) : (
                  <DataTable
                    columnContentTypes={["text", "text", "numeric", "text"]}
                    headings={[t("storefront.publish.key"), t("storefront.publish.status"), t("storefront.publish.size"), t("storefront.publish.at")]}
                    rows={publications.map((row) => [
                      keyLabel(row.key, t),
                      <Badge key={row.key} tone={tone(row.status)}>{t(`storefront.publish.statuses.${row.status}`)}</Badge>,
                      `${(row.bytes / 1024).toFixed(1)} KB`,
                      formatDate(row.publishedAt),
                    ])}
                  />
                )}
              </BlockStack>
            </Card>
            <Card>
              <BlockStack gap="300">
                <Text as="h2" variant="headingMd">
                  {t("storefront.theme.title")}
                </Text>
                <InlineStack gap="200">
                  <Text as="span">{t("storefront.theme.blocks")}</Text>
                  <Badge>{t("storefront.theme.unknown")}</Badge>
                </InlineStack>
                <InlineStack gap="200">
                  <Text as="span">{t("storefront.theme.embed")}</Text>
                  <Badge>{t("storefront.theme.unknown")}</Badge>
                </InlineStack>
                <Text as="p" tone="subdued">
                  {t("storefront.theme.unknownHelp")}
                </Text>
                <BlockStack gap="100">
                  <PolarisLink url={theme.links.addHoursBlock} target="_blank">{t("storefront.theme.addHours")}</PolarisLink>
                  <PolarisLink url={theme.links.addContactBlock} target="_blank">{t("storefront.theme.addContact")}</PolarisLink>
                  <PolarisLink url={theme.links.enableBadge} target="_blank">{t("storefront.theme.enableBadge")}</PolarisLink>
                </BlockStack>
              </BlockStack>
            </Card>
          </BlockStack>
        </Layout.Section>
        <Layout.Section variant="oneThird">
          <Card>
            <BlockStack gap="300">
              <Text as="h2" variant="headingMd">
                {t("storefront.settings.title")}
              </Text>
              {save.data?.ok ? <Banner tone="success">{t("storefront.settings.saved")}</Banner> : null}
              {save.data && !save.data.ok && save.data.error ? <Banner tone="warning">{t("storefront.publish.failed", { error: save.data.error })}</Banner> : null}
              <TextField label={t("storefront.settings.contactPageUrl")} value={contactPageUrl} onChange={setContactPageUrl} autoComplete="off" error={fieldError("contactPageUrl")} />
              <TextField label={t("storefront.settings.faqPageUrl")} value={faqPageUrl} onChange={setFaqPageUrl} autoComplete="off" error={fieldError("faqPageUrl")} />
              <TextField label={t("storefront.settings.replyPromise")} type="number" min={0} value={replyPromise} onChange={setReplyPromise} autoComplete="off" helpText={t("storefront.settings.replyPromiseHelp")} error={fieldError("replyPromiseMinutes")} />
              <Button variant="primary" loading={save.state !== "idle"} onClick={() => save.submit({ intent: "settings", contactPageUrl, faqPageUrl, replyPromiseMinutes: replyPromise }, { method: "post" })}>
                {t("storefront.settings.save")}
              </Button>
            </BlockStack>
          </Card>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
