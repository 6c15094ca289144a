// Automated messages: the auto-acknowledgement (outside business hours or on a long queue) and the
// customer's quiet hours, spacing and per-customer cap that every automated message respects.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useFetcher, useLoaderData } from "@remix-run/react";
import { BlockStack, Button, Card, Checkbox, InlineStack, Select, Text, TextField } from "@shopify/polaris";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import prisma from "../db.server";
import { SaveBanner, type SettingsActionData } from "../components/settings/SaveBanner";
import { SEEDED_TEMPLATES } from "../domain/templates/library";
import { loadShopSettings, saveSettingsField } from "../models/settings-response-time.server";
import { readSettingsBody, settingsResponse, settingsShop, unknownIntent } from "../models/settings-route.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const shop = await settingsShop(request);
  const settings = await loadShopSettings(prisma, shop.id);
  const templates = SEEDED_TEMPLATES.filter((template) => template.category === "auto_acknowledgement").map((template) => ({ key: template.key, name: template.name }));
  return { autoAck: settings.autoAck, quietHours: settings.quietHours, templates, timezone: shop.ianaTimezone };
};

/** Form numbers arrive as text: numbers where they parse, the raw text otherwise (the schema names it). */
function numbers(value: Record<string, unknown>, keys: string[]): Record<string, unknown> {
  const copy = { ...value };
  for (const key of keys) if (typeof copy[key] === "string" && copy[key] !== "" && Number.isFinite(Number(copy[key]))) copy[key] = Number(copy[key]);
  return copy;
}

export const action = async ({ request }: ActionFunctionArgs) => {
  const shop = await settingsShop(request);
  const body = await readSettingsBody(request);
  switch (body.intent) {
    case "autoAck":
      return settingsResponse(await saveSettingsField(prisma, shop.id, "autoAck", numbers((body.autoAck ?? {}) as Record<string, unknown>, ["queueThreshold", "delaySeconds"])));
    case "quietHours":
      return settingsResponse(await saveSettingsField(prisma, shop.id, "quietHours", numbers((body.quietHours ?? {}) as Record<string, unknown>, ["minSpacingMinutes", "maxPerWindow", "windowHours"])));
    default:
      return unknownIntent(body.intent);
  }
};

const asText = <T extends Record<string, unknown>>(value: T) => Object.fromEntries(Object.entries(value).map(([k, v]) => [k, typeof v === "number" ? String(v) : v])) as { [K in keyof T]: T[K] extends number ? string : T[K] };

export default function AutomationSettings() {
  const data = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const ackFetcher = useFetcher<SettingsActionData>();
  const quietFetcher = useFetcher<SettingsActionData>();
  const [ack, setAck] = useState(asText(data.autoAck));
  const [quiet, setQuiet] = useState(asText(data.quietHours));
  const ackErrors = ackFetcher.data?.ok === false ? ackFetcher.data.errors : {};
  const quietErrors = quietFetcher.data?.ok === false ? quietFetcher.data.errors : {};

  return (
    <BlockStack gap="400">
      <Card>
        <BlockStack gap="300">
          <Text as="h2" variant="headingMd">{t("settings.autoAck.title")}</Text>
          <Text as="p" tone="subdued">{t("settings.autoAck.help")}</Text>
          <SaveBanner data={ackFetcher.data} />
          <Checkbox label={t("settings.autoAck.enabled")} checked={ack.enabled} onChange={(enabled) => setAck((a) => ({ ...a, enabled }))} />
          <Checkbox label={t("settings.autoAck.outsideBusinessHours")} checked={ack.outsideBusinessHours} onChange={(outsideBusinessHours) => setAck((a) => ({ ...a, outsideBusinessHours }))} />
          <InlineStack gap="200">
            <TextField label={t("settings.autoAck.queueThreshold")} helpText={t("settings.autoAck.queueThresholdHelp")} type="number" value={ack.queueThreshold} onChange={(queueThreshold) => setAck((a) => ({ ...a, queueThreshold }))} autoComplete="off" error={ackErrors.queueThreshold} />
            <TextField label={t("settings.autoAck.delaySeconds")} helpText={t("settings.autoAck.delaySecondsHelp")} type="number" value={ack.delaySeconds} onChange={(delaySeconds) => setAck((a) => ({ ...a, delaySeconds }))} autoComplete="off" error={ackErrors.delaySeconds} />
          </InlineStack>
          <Select label={t("settings.autoAck.template")} options={data.templates.map((template) => ({ label: template.name, value: template.key }))} value={ack.templateKey} onChange={(templateKey) => setAck((a) => ({ ...a, templateKey }))} error={ackErrors.templateKey} />
          <InlineStack>
            <Button variant="primary" loading={ackFetcher.state !== "idle"} onClick={() => ackFetcher.submit({ intent: "autoAck", autoAck: ack }, { method: "post", encType: "application/json" })}>{t("settings.save")}</Button>
          </InlineStack>
        </BlockStack>
      </Card>
      <Card>
        <BlockStack gap="300">
          <Text as="h2" variant="headingMd">{t("settings.quietHours.title")}</Text>
          <Text as="p" tone="subdued">{t("settings.quietHours.help", { timezone: data.timezone })}</Text>
          <SaveBanner data={quietFetcher.data} />
          <Checkbox label={t("settings.quietHours.enabled")} checked={quiet.enabled} onChange={(enabled) => setQuiet((q) => ({ ...q, enabled }))} />
          <InlineStack gap="200">
            <TextField label={t("settings.quietHours.start")} type="time" value={quiet.start} onChange={(start) => setQuiet((q) => ({ ...q, start }))} autoComplete="off" error={quietErrors.start} />
            <TextField label={t("settings.quietHours.end")} type="time" value={quiet.end} onChange={(end) => setQuiet((q) => ({ ...q, end }))} autoComplete="off" error={quietErrors.end} />
          </InlineStack>
          <InlineStack gap="200">
            <TextField label={t("settings.quietHours.minSpacing")} type="number" suffix="min" value={quiet.minSpacingMinutes} onChange={(minSpacingMinutes) => setQuiet((q) => ({ ...q, minSpacingMinutes }))} autoComplete="off" error={quietErrors.minSpacingMinutes} />
            <TextField label={t("settings.quietHours.maxPerWindow")} type="number" value={quiet.maxPerWindow} onChange={(maxPerWindow) => setQuiet((q) => ({ ...q, maxPerWindow }))} autoComplete="off" error={quietErrors.maxPerWindow} />
            <TextField label={t("settings.quietHours.windowHours")} type="number" suffix="h" value={quiet.windowHours} onChange={(windowHours) => setQuiet((q) => ({ ...q, windowHours }))} autoComplete="off" error={quietErrors.windowHours} />
          </InlineStack>
          <InlineStack>
            <Button variant="primary" loading={quietFetcher.state !== "idle"} onClick={() => quietFetcher.submit({ intent: "quietHours", quietHours: quiet }, { method: "post", encType: "application/json" })}>{t("settings.save")}</Button>
          </InlineStack>
        </BlockStack>
      </Card>
    </BlockStack>
  );
}
