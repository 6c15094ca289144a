// The settings sections as tabs; each is its own route under /app/settings.
import { useLocation, useNavigate } from "@remix-run/react";
import { Tabs } from "@shopify/polaris";
import { useTranslation } from "react-i18next";

export const SETTINGS_SECTIONS = ["hours", "sla", "rules", "automation", "surveys"] as const;

export function SettingsNav() {
  const { t } = useTranslation();
  const location = useLocation();
  const navigate = useNavigate();
  const current = SETTINGS_SECTIONS.findIndex((section) => location.pathname.startsWith(`/app/settings/${section}`));
  return (
    <Tabs
      tabs={SETTINGS_SECTIONS.map((section) => ({ id: `settings-${section}`, content: t(`settings.nav.${section}`), panelID: `settings-${section}-panel` }))}
      selected={Math.max(0, current)}
      onSelect={(index) => navigate(`/app/settings/${SETTINGS_SECTIONS[index]}${location.search}`)}
    />
  );
}
