// The storefront FAQ: questions by category in the chosen language, with their translations, status
// and order; publish/unpublish, reorder and delete in place (each change is published at once); a
// preview of what visitors see in that language.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useFetcher, useLoaderData, useNavigate, useSearchParams } from "@remix-run/react";
import { Badge, Banner, BlockStack, Button, ButtonGroup, Card, EmptyState, InlineStack, Layout, Page, Select, Text } from "@shopify/polaris";
import { useTranslation } from "react-i18next";
import prisma from "../db.server";
import { FAQ_CATEGORIES, STOREFRONT_LANGUAGES, type StorefrontLanguage } from "../domain/storefront/storefront-data";
import { withServiceErrors } from "../lib/service-errors.server";
import { listFaqGroups } from "../models/faq.server";
import { adminRequestContext } from "../services/request-context.server";
import { handleFaqAction, type FaqActionResult } from "../services/storefront/faq-editor.server";
import { authenticate } from "../shopify.server";
import { FaqPreview } from "../components/storefront/FaqPreview";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const requested = new URL(request.url).searchParams.get("language") ?? "";
  return withServiceErrors(async () => {
    const { shop } = await adminRequestContext(prisma, session);
    const fallback = (STOREFRONT_LANGUAGES as readonly string[]).includes(shop.locale) ? shop.locale : "en";
    const language = (STOREFRONT_LANGUAGES as readonly string[]).includes(requested) ? requested : fallback;
    return { groups: await listFaqGroups(prisma, shop.id), language: language as StorefrontLanguage };
  });
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const form = await request.formData();
  return withServiceErrors(async () => {
    const { shop, admin } = await adminRequestContext(prisma, session);
    const { status, body } = await handleFaqAction(prisma, admin, shop.id, form);
    return json(body, { status });
  });
};

export default function FaqList() {
  const { groups, language } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const fetcher = useFetcher<FaqActionResult>();
  const act = (fields: Record<string, string>) => fetcher.submit(fields, { method: "post" });
  const result = fetcher.data;
  const inLanguage = (group: (typeof groups)[number]) => group.translations.find((translation) => translation.language === language);
  const published = groups.filter((group) => group.status === "published" && inLanguage(group));

  return (
    <Page
      backAction={{ content: t("storefront.title"), url: "/app/storefront" }}
      title={t("storefront.faq.title")}
      primaryAction={{ content: t("storefront.faq.add"), onAction: () => navigate(`/app/storefront/faq/new?language=${language}`) }}
    >
      <Layout>
        <Layout.Section>
          <BlockStack gap="400">
            {result && result.ok && result.publishError ? <Banner tone="warning">{t("storefront.publish.failed", { error: result.publishError })}</Banner> : null}
            <Card>
              <Select
                label={t("storefront.faq.language")}
                options={STOREFRONT_LANGUAGES.map((value) => ({ value, label: t(`storefront.faq.languages.${value}`) }))}
                value={language}
                onChange={(value) => {
                  const next = new URLSearchParams(params);
                  next.set("language", value);
                  setParams(next, { replace: true });
                }}
              />
            </Card>
            {groups.length === 0 ? (
              <Card>
                <EmptyState heading={t("storefront.faq.title")} action={{ content: t("storefront.faq.add"), url: "/app/storefront/faq/new" }} image="">
                  <p>{t("storefront.faq.empty")}</p>
                </EmptyState>
              </Card>
            ) : null}
            {FAQ_CATEGORIES.map((category) => {
              const inCategory = groups.filter((group) => group.category === category);
              if (inCategory.length === 0) return null;
              return (
                <Card key={category}>
                  <BlockStack gap="300">
                    <Text as="h2" variant="headingMd">
                      {t(`storefront.faq.categories.${category}`)}
                    </Text>
                    {inCategory.map((group, index) => {
                      const translation = inLanguage(group);
                      return (
                        <div key={group.groupKey} data-faq-group={group.groupKey}>
                          <InlineStack align="space-between" blockAlign="center" gap="200" wrap={false}>
                            <BlockStack gap="100">
                              <Link to={`/app/storefront/faq/${group.groupKey}?language=${language}`}>
                                {translation?.question ?? group.translations[0]?.question}
                              </Link>
                              <InlineStack gap="100">
                                <Badge tone={group.status === "published" ? "success" : undefined}>{t(`storefront.faq.status.${group.status}`)}</Badge>
                                {!translation ? <Badge tone="attention">{t("storefront.faq.missing")}</Badge> : null}
                                {group.translations.map((entry) => (
                                  <Badge key={entry.language}>{entry.language}</Badge>
                                ))}
                              </InlineStack>
                            </BlockStack>
                            <ButtonGroup>
                              <Button size="slim" disabled={index === 0} accessibilityLabel={t("storefront.faq.moveUp")} onClick={() => act({ intent: "move", groupKey: group.groupKey, direction: "up" })}>
                                ↑
                              </Button>
                              <Button size="slim" disabled={index === inCategory.length - 1} accessibilityLabel={t("storefront.faq.moveDown")} onClick={() => act({ intent: "move", groupKey: group.groupKey, direction: "down" })}>
                                ↓
                              </Button>
                              <Button size="slim" onClick={() => act({ intent: "status", groupKey: group.groupKey, status: group.status === "published" ? "draft" : "published" })}>
                                {group.status === "published" ? t("storefront.faq.unpublish") : t("storefront.faq.publish")}
                              </Button>
                            </ButtonGroup>
                          </InlineStack>
                        </div>
                      );
                    })}
                  </BlockStack>
                </Card>
              );
            })}
          </BlockStack>
        </Layout.Section>
        <Layout.Section variant="oneThird">
          <Card>
            <BlockStack gap="300">
              <Text as="h2" variant="headingMd">
                {t("storefront.faq.preview")}
              </Text>
              <Text as="p" tone="subdued">
                {t("storefront.faq.previewHelp")}
              </Text>
              {published.length === 0 ? <Text as="p">{t("storefront.faq.previewEmpty")}</Text> : null}
              {FAQ_CATEGORIES.map((category) => {
                const items = published.filter((group) => group.category === category).map((group) => ({ key: group.groupKey, question: inLanguage(group)!.question, answer: inLanguage(group)!.answer }));
                return items.length > 0 ? <FaqPreview key={category} heading={t(`storefront.faq.categories.${category}`)} items={items} /> : null;
              })}
            </BlockStack>
          </Card>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
