// Customer feedback surveys: CSAT after resolution (and when), and the optional NPS survey.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useFetcher, useLoaderData } from "@remix-run/react";
import { BlockStack, Button, Card, Checkbox, InlineStack, Text, TextField } from "@shopify/polaris";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import prisma from "../db.server";
import { SaveBanner, type SettingsActionData } from "../components/settings/SaveBanner";
import { readSettingsBody, settingsResponse, settingsShop, unknownIntent } from "../models/settings-route.server";
import { loadSurveySettings, saveSurveySettings } from "../services/surveys/survey-settings.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const shop = await settingsShop(request);
  return { surveys: await loadSurveySettings(prisma, shop.id) };
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const shop = await settingsShop(request);
  const body = await readSettingsBody(request);
  if (body.intent !== "surveys") return unknownIntent(body.intent);
  const value = { ...((body.surveys ?? {}) as Record<string, unknown>) };
  // Numbers arrive as text from the field; the schema names anything that does not parse.
  if (typeof value.csatDelayHours === "string" && value.csatDelayHours.trim() !== "" && Number.isFinite(Number(value.csatDelayHours))) value.csatDelayHours = Number(value.csatDelayHours);
  return settingsResponse(await saveSurveySettings(prisma, shop.id, value));
};

export default function SurveySettings() {
  const data = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const fetcher = useFetcher<SettingsActionData>();
  const [surveys, setSurveys] = useState({ ...data.surveys, csatDelayHours: String(data.surveys.csatDelayHours) });
  const errors = fetcher.data?.ok === false ? fetcher.data.errors : {};
  const save = () => fetcher.submit({ intent: "surveys", surveys }, { method: "post", encType: "application/json" });
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          {t("reports.surveySettings.title")}
        </Text>
        <Text as="p" tone="subdued">
          {t("reports.surveySettings.help")}
        </Text>
        <SaveBanner data={fetcher.data} />
        <Checkbox label={t("reports.surveySettings.csatEnabled")} checked={surveys.csatEnabled} onChange={(csatEnabled) => setSurveys((current) => ({ ...current, csatEnabled }))} />
        <TextField
          label={t("reports.surveySettings.csatDelayHours")}
          type="number"
          min={0}
          max={336}
          autoComplete="off"
          value={surveys.csatDelayHours}
          onChange={(csatDelayHours) => setSurveys((current) => ({ ...current, csatDelayHours }))}
          error={errors.csatDelayHours}
        />
        <Checkbox label={t("reports.surveySettings.npsEnabled")} helpText={t("reports.surveySettings.npsHelp")} checked={surveys.npsEnabled} onChange={(npsEnabled) => setSurveys((current) => ({ ...current, npsEnabled }))} />
        <InlineStack>
          <Button variant="primary" onClick={save} loading={fetcher.state !== "idle"}>
            {t("reports.surveySettings.save")}
          </Button>
        </InlineStack>
      </BlockStack>
    </Card>
  );
}
