// The outcome of a settings save: a success note, or the form-level error (field errors show inline).
import { Banner } from "@shopify/polaris";
import { useTranslation } from "react-i18next";

export interface SettingsActionData {
  ok: boolean;
  errors: Record<string, string>;
}

export function SaveBanner({ data }: { data: SettingsActionData | undefined }) {
  const { t } = useTranslation();
  if (!data) return null;
  if (data.ok) return <Banner tone="success">{t("settings.saved")}</Banner>;
  const count = Object.keys(data.errors).length;
  return (
    <Banner tone="critical" title={t("settings.fixErrors", { count })}>
      {data.errors.form ?? null}
    </Banner>
  );
}
