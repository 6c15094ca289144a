// One FAQ question in every storefront language (groupKey "new" creates one): category, draft or
// published, a question and answer per language, and a live storefront-style preview. Saving
// publishes to the storefront.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useFetcher, useLoaderData, useNavigate } from "@remix-run/react";
import { Banner, BlockStack, Card, Layout, Page, Select, Tabs, Text, TextField } from "@shopify/polaris";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import prisma from "../db.server";
import { FAQ_ANSWER_MAX, FAQ_CATEGORIES, FAQ_QUESTION_MAX, STOREFRONT_LANGUAGES, type FaqCategory } from "../domain/storefront/storefront-data";
import { withServiceErrors } from "../lib/service-errors.server";
import { getFaqGroup } from "../models/faq.server";
import type { FaqGroupInput } from "../models/faq.server";
import { adminRequestContext } from "../services/request-context.server";
import { handleFaqAction, type FaqActionResult } from "../services/storefront/faq-editor.server";
import { authenticate } from "../shopify.server";
import { FaqPreview } from "../components/storefront/FaqPreview";

export const loader = async ({ request, params }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const groupKey = params.groupKey ?? "new";
  const language = new URL(request.url).searchParams.get("language");
  return withServiceErrors(async () => {
    const { shop } = await adminRequestContext(prisma, session);
    const group = groupKey === "new" ? null : await getFaqGroup(prisma, shop.id, groupKey);
    if (groupKey !== "new" && !group) throw new Response("This question does not exist in this shop", { status: 404 });
    return { group, language: (STOREFRONT_LANGUAGES as readonly string[]).includes(language ?? "") ? language! : "en" };
  });
};

export const action = async ({ request, params }: ActionFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const form = await request.formData();
  if (params.groupKey && params.groupKey !== "new") form.set("groupKey", params.groupKey);
  else form.delete("groupKey");
  return withServiceErrors(async () => {
    const { shop, admin } = await adminRequestContext(prisma, session);
    const { status, body } = await handleFaqAction(prisma, admin, shop.id, form);
    return json(body, { status });
  });
};

export default function FaqEditor() {
  const { group, language } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const fetcher = useFetcher<FaqActionResult>();
  const [category, setCategory] = useState<FaqCategory>(group?.category ?? "general");
  const [status, setStatus] = useState<"draft" | "published">(group?.status ?? "draft");
  const [texts, setTexts] = useState(() =>
    STOREFRONT_LANGUAGES.map((code) => {
      const translation = group?.translations.find((entry) => entry.language === code);
      return { language: code, question: translation?.question ?? "", answer: translation?.answer ?? "" };
    }),
  );
  const [selected, setSelected] = useState(Math.max(0, STOREFRONT_LANGUAGES.indexOf(language as (typeof STOREFRONT_LANGUAGES)[number])));
  const result = fetcher.data;
  const errors = result && !result.ok ? result.errors : {};

  useEffect(() => {
    if (result?.ok && result.groupKey && !group) navigate(`/app/storefront/faq/${result.groupKey}?language=${STOREFRONT_LANGUAGES[selected]}`, { replace: true });
  }, [result, group, navigate, selected]);

  const update = (field: "question" | "answer", value: string) => setTexts((current) => current.map((entry, index) => (index === selected ? { ...entry, [field]: value } : entry)));
  const save = () => {
    const payload: FaqGroupInput = { category, status, translations: texts };
    fetcher.submit({ intent: "save", group: JSON.stringify(payload) }, { method: "post" });
  };
  const remove = () => {
    if (!group || !window.confirm(t("storefront.faq.deleteConfirm"))) return;
    fetcher.submit({ intent: "delete" }, { method: "post" });
    navigate("/app/storefront/faq");
  };
  const errorText = (code: string | undefined) => (code === "required" ? t("storefront.faq.editor.required") : code ? t("storefront.faq.editor.tooLong") : undefined);
  const current = texts[selected]!;

  return (
    <Page
      backAction={{ content: t("storefront.faq.title"), url: "/app/storefront/faq" }}
      title={group ? t("storefront.faq.editor.editTitle") : t("storefront.faq.editor.newTitle")}
      primaryAction={{ content: t("storefront.faq.editor.save"), onAction: save, loading: fetcher.state !== "idle" }}
      secondaryActions={group ? [{ content: t("storefront.faq.delete"), destructive: true, onAction: remove }] : []}
    >
      <Layout>
        <Layout.Section>
          <BlockStack gap="400">
            {result?.ok ? (
              <Banner tone={result.published ? "success" : "warning"}>
                {result.published ? t("storefront.faq.editor.saved") : t("storefront.faq.editor.savedNotPublished", { error: result.publishError })}
              </Banner>
            ) : null}
            {errors.translations ? <Banner tone="critical">{t("storefront.faq.editor.needOne")}</Banner> : null}
            {errors.groupKey ? <Banner tone="critical">{t("storefront.faq.editor.notFound")}</Banner> : null}
            <Card>
              <BlockStack gap="300">
                <Select label={t("storefront.faq.editor.category")} options={FAQ_CATEGORIES.map((value) => ({ value, label: t(`storefront.faq.categories.${value}`) }))} value={category} onChange={(value) => setCategory(value as FaqCategory)} />
                <Select label={t("storefront.faq.editor.status")} options={(["draft", "published"] as const).map((value) => ({ value, label: t(`storefront.faq.status.${value}`) }))} value={status} onChange={(value) => setStatus(value as "draft" | "published")} />
              </BlockStack>
            </Card>
            <Card padding="0">
              <Tabs
                tabs={texts.map((entry) => ({ id: `faq-${entry.language}`, content: `${t(`storefront.faq.languages.${entry.language}`)}${entry.question ? "" : " ·"}` }))}
                selected={selected}
                onSelect={setSelected}
              />
              <div style={{ padding: "var(--p-space-400)" }}>
                <BlockStack gap="300">
                  <Text as="p" tone="subdued">
                    {t("storefront.faq.editor.blankLanguage")}
                  </Text>
                  <TextField label={t("storefront.faq.editor.question")} value={current.question} onChange={(value) => update("question", value)} maxLength={FAQ_QUESTION_MAX} showCharacterCount autoComplete="off" error={errorText(errors[`translations.${selected}.question`])} />
                  <TextField label={t("storefront.faq.editor.answer")} value={current.answer} onChange={(value) => update("answer", value)} multiline={6} maxLength={FAQ_ANSWER_MAX} showCharacterCount autoComplete="off" helpText={t("storefront.faq.editor.answerHelp")} error={errorText(errors[`translations.${selected}.answer`])} />
                </BlockStack>
              </div>
            </Card>
          </BlockStack>
        </Layout.Section>
        <Layout.Section variant="oneThird">
          <Card>
            <BlockStack gap="200">
              <Text as="h2" variant="headingMd">
                {t("storefront.faq.preview")}
              </Text>
              {current.question ? <FaqPreview items={[{ key: "preview", question: current.question, answer: current.answer }]} heading={t(`storefront.faq.categories.${category}`)} /> : null}
            </BlockStack>
          </Card>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
