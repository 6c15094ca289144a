// Settings: business hours, SLA policies, triage rules and automation, one tab per child route.
import { Outlet } from "@remix-run/react";
import { BlockStack, Page } from "@shopify/polaris";
import { useTranslation } from "react-i18next";
import { SettingsNav } from "../components/settings/SettingsNav";

export default function SettingsLayout() {
  const { t } = useTranslation();
  return (
    <Page title={t("settings.title")} fullWidth>
      <BlockStack gap="400">
        <SettingsNav />
        <Outlet />
      </BlockStack>
    </Page>
  );
}
