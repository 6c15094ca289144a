// Data & privacy: customer data requests (from customers/data_request) with their JSON exports, the
// evidence export of tickets, messages and events (JSONL), and the latest privacy requests from Shopify.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { BlockStack, Card, Layout, Page, Text } from "@shopify/polaris";
import { TitleBar } from "@shopify/app-bridge-react";
import { useTranslation } from "react-i18next";
import { authenticate } from "../shopify.server";
import prisma from "../db.server";
import { adminRequestContext } from "../services/request-context.server";
import { withServiceErrors } from "../lib/service-errors.server";
import { loadPrivacyPage } from "../services/compliance/privacy-page.server";
import { DataRequestList } from "../components/privacy/DataRequestList";
import { EvidenceExportCard } from "../components/privacy/EvidenceExportCard";
import { PrivacyRequestLog } from "../components/privacy/PrivacyRequestLog";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  return withServiceErrors(async () => {
    const { shop } = await adminRequestContext(prisma, session);
    return { shopDomain: shop.domain, ...(await loadPrivacyPage(prisma, shop)) };
  });
};

export default function PrivacyPage() {
  const data = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <Page title={t("privacy.title")}>
      <TitleBar title={t("privacy.title")} />
      <Layout>
        <Layout.Section>
          <BlockStack gap="400">
            <Text as="p" tone="subdued">{t("privacy.intro", { count: data.redactedCustomers })}</Text>
            <Card>
              <DataRequestList rows={data.dataRequests} />
            </Card>
            <EvidenceExportCard shopDomain={data.shopDomain} />
            <Card>
              <PrivacyRequestLog rows={data.recentRequests} />
            </Card>
          </BlockStack>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
