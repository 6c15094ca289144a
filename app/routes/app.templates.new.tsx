// A new reply template: the editor with a blank English variant; saving goes to its page.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useFetcher, useLoaderData } from "@remix-run/react";
import { BlockStack, Layout, Page } from "@shopify/polaris";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import prisma from "../db.server";
import { withServiceErrors } from "../lib/service-errors.server";
import { adminRequestContext } from "../services/request-context.server";
import { handleCreate, previewTicketOptions, readJsonBody, type EditorActionResult } from "../services/templates/editor-actions.server";
import { authenticate } from "../shopify.server";
import { TemplateEditor, toTemplatePayload } from "../components/templates/TemplateEditor";
import { TemplatePreviewCard } from "../components/templates/TemplatePreviewCard";
import type { EditableTemplate } from "../components/templates/types";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  return withServiceErrors(async () => {
    const { shop } = await adminRequestContext(prisma, session);
    return { tickets: await previewTicketOptions(prisma, shop.id), language: shop.locale };
  });
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const body = await readJsonBody(request);
  return withServiceErrors(async () => {
    const { shop } = await adminRequestContext(prisma, session);
    return handleCreate(prisma, shop.id, body);
  });
};

export default function NewTemplate() {
  const { tickets, language } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const fetcher = useFetcher<EditorActionResult>();
  const [value, setValue] = useState<EditableTemplate>({
    name: "", category: "order_status", keywords: "", sensitive: false,
    variants: [{ language: language || "en", subject: "", body: "" }],
  });
  const [selected, setSelected] = useState(0);
  const failed = fetcher.data && !fetcher.data.ok ? fetcher.data : null;
  const save = () => fetcher.submit({ template: toTemplatePayload(value) }, { method: "post", encType: "application/json" });

  return (
    <Page
      backAction={{ content: t("templates.title"), url: "/app/templates" }}
      title={t("templates.newTitle")}
      primaryAction={{ content: t("templates.editor.save"), onAction: save, loading: fetcher.state !== "idle" }}
    >
      <Layout>
        <Layout.Section>
          <TemplateEditor value={value} onChange={setValue} selectedVariant={selected} onSelectVariant={setSelected} errors={failed?.errors ?? {}} syntaxErrors={failed?.syntaxErrors ?? []} />
        </Layout.Section>
        <Layout.Section variant="oneThird">
          <BlockStack gap="400">
            <TemplatePreviewCard tickets={tickets} variant={value.variants[selected] ?? null} />
          </BlockStack>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
