// The template library: active and archived tabs, category filter and search in the URL, usage
// counts, approval and "needs review" badges. A shop's first visit seeds the starter library.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData, useNavigate, useSearchParams } from "@remix-run/react";
import { BlockStack, Card, IndexTable, InlineStack, Page, Select, Tabs, Text, TextField } from "@shopify/polaris";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import prisma from "../db.server";
import { TEMPLATE_CATEGORIES } from "../domain/templates/library-shared";
import { withServiceErrors } from "../lib/service-errors.server";
import { ensureTemplateLibrary } from "../models/templates-seed.server";
import { listTemplates } from "../models/templates.server";
import { adminRequestContext } from "../services/request-context.server";
import { authenticate } from "../shopify.server";
import { TemplateBadges } from "../components/templates/TemplateBadges";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const params = new URL(request.url).searchParams;
  return withServiceErrors(async () => {
    const { shop } = await adminRequestContext(prisma, session);
    await ensureTemplateLibrary(prisma, shop.id);
    const status = params.get("status") === "archived" ? "archived" : "active";
    const category = (TEMPLATE_CATEGORIES as readonly string[]).includes(params.get("category") ?? "") ? params.get("category") : null;
    const query = params.get("q")?.slice(0, 200) ?? "";
    const templates = await listTemplates(prisma, shop.id, { status, category, query });
    return { templates, status, category, query, timeZone: shop.ianaTimezone };
  });
};

export default function TemplateList() {
  const { templates, status, category, query, timeZone } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const [search, setSearch] = useState(query);
  useEffect(() => setSearch(query), [query]);

  const update = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    setParams(next, { replace: true });
  };
  // Search as the agent types, without a request per keystroke.
  useEffect(() => {
    if (search === query) return;
    const timer = setTimeout(() => update({ q: search || null }), 250);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [search]);

  const tabs = [
    { id: "active", content: t("templates.tabs.active") },
    { id: "archived", content: t("templates.tabs.archived") },
  ];
  const categoryOptions = [
    { label: t("templates.allCategories"), value: "" },
    ...TEMPLATE_CATEGORIES.map((value) => ({ label: t(`templates.category.${value}`), value })),
  ];
  const formatDate = (iso: string | null) =>
    iso ? new Intl.DateTimeFormat(i18n.language, { dateStyle: "medium", timeZone }).format(new Date(iso)) : t("templates.never");

  return (
    <Page title={t("templates.title")} primaryAction={{ content: t("templates.new"), onAction: () => navigate("/app/templates/new") }}>
      <Card padding="0">
        <BlockStack gap="0">
          <Tabs tabs={tabs} selected={status === "archived" ? 1 : 0} onSelect={(index) => update({ status: index === 1 ? "archived" : null })} />
          <div style={{ padding: "var(--p-space-300)" }}>
            <InlineStack gap="300" wrap={false}>
              <div style={{ flex: 1 }}>
                <TextField label={t("templates.search")} labelHidden placeholder={t("templates.search")} value={search} onChange={setSearch} autoComplete="off" clearButton onClearButtonClick={() => setSearch("")} />
              </div>
              <Select label={t("templates.columns.category")} labelHidden options={categoryOptions} value={category ?? ""} onChange={(value) => update({ category: value || null })} />
            </InlineStack>
          </div>
          <IndexTable
            resourceName={{ singular: "template", plural: "templates" }}
            itemCount={templates.length}
            selectable={false}
            emptyState={<div style={{ padding: "var(--p-space-400)" }}><Text as="p" tone="subdued">{t("templates.empty")}</Text></div>}
            headings={[
              { title: t("templates.columns.name") },
              { title: t("templates.columns.category") },
              { title: t("templates.columns.languages") },
              { title: t("templates.columns.usage"), alignment: "end" },
              { title: t("templates.columns.reviewed") },
            ]}
          >
            {templates.map((template, index) => (
              <IndexTable.Row id={template.id} key={template.id} position={index}>
                <IndexTable.Cell>
                  <BlockStack gap="100">
                    <Link to={`/app/templates/${template.id}`} data-template-name={template.name}>
                      <Text as="span" fontWeight="semibold">{template.name}</Text>
                    </Link>
                    <TemplateBadges template={template} />
                  </BlockStack>
                </IndexTable.Cell>
                <IndexTable.Cell>{t(`templates.category.${template.category}`, { defaultValue: template.category })}</IndexTable.Cell>
                <IndexTable.Cell>{template.languages.join(", ")}</IndexTable.Cell>
                <IndexTable.Cell>
                  <Text as="span" alignment="end" numeric>{template.usageCount}</Text>
                </IndexTable.Cell>
                <IndexTable.Cell>{formatDate(template.lastReviewedAt)}</IndexTable.Cell>
              </IndexTable.Row>
            ))}
          </IndexTable>
        </BlockStack>
      </Card>
    </Page>
  );
}
