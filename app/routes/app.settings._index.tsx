// /app/settings: an overview of the response-time settings with the shop's time zone from Shopify.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData, useLocation } from "@remix-run/react";
import { BlockStack, Card, Text } from "@shopify/polaris";
import { useTranslation } from "react-i18next";
import prisma from "../db.server";
import { SETTINGS_SECTIONS } from "../components/settings/SettingsNav";
import { loadHoursSettings, loadPolicies, loadTriageRules } from "../models/settings-response-time.server";
import { settingsShop } from "../models/settings-route.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const shop = await settingsShop(request);
  const [hours, policies, rules] = await Promise.all([loadHoursSettings(prisma, shop.id), loadPolicies(prisma, shop.id), loadTriageRules(prisma, shop.id)]);
  return { timezone: hours.timezone, configured: hours.configured, holidays: hours.holidays.length, policies: policies.filter((p) => p.enabled).length, rules: rules.length };
};

export default function SettingsOverview() {
  const data = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const { search } = useLocation();
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="p">{t("settings.overview.timezone", { timezone: data.timezone })}</Text>
        <Text as="p">{data.configured ? t("settings.overview.hours", { holidays: data.holidays }) : t("settings.overview.noHours")}</Text>
        <Text as="p">{t("settings.overview.policies", { count: data.policies })}</Text>
        <Text as="p">{t("settings.overview.rules", { count: data.rules })}</Text>
        {SETTINGS_SECTIONS.map((section) => (
          <Link key={section} to={`/app/settings/${section}${search}`}>
            {t(`settings.nav.${section}`)}
          </Link>
        ))}
      </BlockStack>
    </Card>
  );
}
