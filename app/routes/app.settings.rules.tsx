// Triage settings: keyword lists (terms added to or removed from the defaults), the VIP thresholds,
// and the merchant's rules (conditions → actions) evaluated on every inbound message.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useFetcher, useLoaderData } from "@remix-run/react";
import { Badge, BlockStack, Button, Card, Checkbox, InlineStack, Select, Text, TextField } from "@shopify/polaris";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import prisma from "../db.server";
import { defaultTerms, editedTerms, KEYWORD_LIST_PATHS, withEditedTerms } from "../components/settings/keyword-lists";
import { SaveBanner, type SettingsActionData } from "../components/settings/SaveBanner";
import type { KeywordOverrides } from "../domain/triage/keywords";
import { deleteTriageRule, loadShopSettings, loadTriageRules, saveSettingsField, saveTriageRule } from "../models/settings-response-time.server";
import { readSettingsBody, settingsResponse, settingsShop, unknownIntent } from "../models/settings-route.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const shop = await settingsShop(request);
  const [settings, rules] = await Promise.all([loadShopSettings(prisma, shop.id), loadTriageRules(prisma, shop.id)]);
  return { triage: settings.triage, rules: rules.map((rule) => ({ ...rule, conditions: JSON.stringify(rule.conditions, null, 2), actions: JSON.stringify(rule.actions, null, 2) })) };
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const shop = await settingsShop(request);
  const body = await readSettingsBody(request);
  switch (body.intent) {
    case "triage": {
      const triage = (body.triage ?? {}) as Record<string, unknown>;
      const vip = (triage.vipThresholds ?? {}) as Record<string, unknown>;
      const number = (value: unknown) => (value === "" || value === undefined ? value : Number(value));
      return settingsResponse(await saveSettingsField(prisma, shop.id, "triage", { ...triage, vipThresholds: { lifetimeSpent: number(vip.lifetimeSpent), ordersCount: number(vip.ordersCount) } }));
    }
    case "rule": {
      const rule = (body.rule ?? {}) as Record<string, unknown>;
      return settingsResponse(await saveTriageRule(prisma, shop.id, { ...rule, id: typeof rule.id === "string" && rule.id ? rule.id : null }));
    }
    case "deleteRule":
      await deleteTriageRule(prisma, shop.id, String(body.id ?? ""));
      return settingsResponse({ ok: true });
    default:
      return unknownIntent(body.intent);
  }
};

const EXAMPLE_RULE = {
  id: "",
  name: "",
  enabled: true,
  position: "0",
  conditions: JSON.stringify({ all: [{ field: "customer.segment", op: "is", value: "vip" }], any: [] }, null, 2),
  actions: JSON.stringify([{ type: "set_priority", value: "high" }, { type: "add_tag", tag: "vip" }], null, 2),
};

const lines = (terms: readonly string[]) => terms.join("\n");
const terms = (text: string) => text.split(/\n|,/);

export default function TriageSettings() {
  const { triage, rules } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const triageFetcher = useFetcher<SettingsActionData>();
  const ruleFetcher = useFetcher<SettingsActionData>();
  const removeFetcher = useFetcher<SettingsActionData>();
  const [overrides, setOverrides] = useState<KeywordOverrides>(triage.keywordOverrides);
  const [vip, setVip] = useState({ lifetimeSpent: String(triage.vipThresholds.lifetimeSpent), ordersCount: String(triage.vipThresholds.ordersCount) });
  const [list, setList] = useState("escalation");
  const [rule, setRule] = useState({ ...EXAMPLE_RULE });
  const triageErrors = triageFetcher.data?.ok === false ? triageFetcher.data.errors : {};
  const ruleErrors = ruleFetcher.data?.ok === false ? ruleFetcher.data.errors : {};

  return (
    <BlockStack gap="400">
      <Card>
        <BlockStack gap="300">
          <Text as="h2" variant="headingMd">{t("settings.keywords.title")}</Text>
          <Text as="p" tone="subdued">{t("settings.keywords.help")}</Text>
          <SaveBanner data={triageFetcher.data} />
          <Select label={t("settings.keywords.list")} options={KEYWORD_LIST_PATHS.map((path) => ({ label: t(`settings.keywords.lists.${path.replaceAll(".", "_")}`, { defaultValue: path }), value: path }))} value={list} onChange={setList} />
          <Text as="p" variant="bodySm" tone="subdued">{t("settings.keywords.defaults", { terms: defaultTerms(list).slice(0, 40).join(", ") })}</Text>
          <InlineStack gap="200" wrap={false}>
            <TextField label={t("settings.keywords.add")} multiline={4} value={lines(editedTerms(overrides, "add", list))} onChange={(text) => setOverrides((o) => withEditedTerms(o, "add", list, terms(text)))} autoComplete="off" error={triageErrors["keywordOverrides.add"]} />
            <TextField label={t("settings.keywords.remove")} multiline={4} value={lines(editedTerms(overrides, "remove", list))} onChange={(text) => setOverrides((o) => withEditedTerms(o, "remove", list, terms(text)))} autoComplete="off" error={triageErrors["keywordOverrides.remove"]} />
          </InlineStack>
          <Text as="h3" variant="headingSm">{t("settings.keywords.vip")}</Text>
          <InlineStack gap="200">
            <TextField label={t("settings.keywords.vipSpent")} type="number" value={vip.lifetimeSpent} onChange={(lifetimeSpent) => setVip((v) => ({ ...v, lifetimeSpent }))} autoComplete="off" error={triageErrors["vipThresholds.lifetimeSpent"]} />
            <TextField label={t("settings.keywords.vipOrders")} type="number" value={vip.ordersCount} onChange={(ordersCount) => setVip((v) => ({ ...v, ordersCount }))} autoComplete="off" error={triageErrors["vipThresholds.ordersCount"]} />
          </InlineStack>
          <InlineStack>
            <Button variant="primary" loading={triageFetcher.state !== "idle"} onClick={() => triageFetcher.submit({ intent: "triage", triage: { keywordOverrides: overrides, vipThresholds: vip } }, { method: "post", encType: "application/json" })}>
              {t("settings.save")}
            </Button>
          </InlineStack>
        </BlockStack>
      </Card>
      <Card>
        <BlockStack gap="300">
          <Text as="h2" variant="headingMd">{t("settings.rules.title")}</Text>
          <Text as="p" tone="subdued">{t("settings.rules.help")}</Text>
          {rules.length === 0 && <Text as="p" tone="subdued">{t("settings.rules.none")}</Text>}
          {rules.map((r) => (
            <InlineStack key={r.id} gap="300" blockAlign="center">
              <Text as="span" fontWeight="semibold">{r.position}. {r.name}</Text>
              {!r.enabled && <Badge>{t("settings.sla.off")}</Badge>}
              <Button variant="plain" onClick={() => setRule({ id: r.id, name: r.name, enabled: r.enabled, position: String(r.position), conditions: r.conditions, actions: r.actions })}>{t("settings.edit")}</Button>
              <Button variant="plain" tone="critical" onClick={() => removeFetcher.submit({ intent: "deleteRule", id: r.id }, { method: "post", encType: "application/json" })}>{t("settings.remove")}</Button>
            </InlineStack>
          ))}
          <Text as="h3" variant="headingSm">{rule.id ? t("settings.rules.edit") : t("settings.rules.new")}</Text>
          <SaveBanner data={ruleFetcher.data} />
          <InlineStack gap="200">
            <TextField label={t("settings.rules.name")} value={rule.name} onChange={(name) => setRule((r) => ({ ...r, name }))} autoComplete="off" error={ruleErrors.name} />
            <TextField label={t("settings.sla.position")} type="number" value={rule.position} onChange={(position) => setRule((r) => ({ ...r, position }))} autoComplete="off" error={ruleErrors.position} />
          </InlineStack>
          <Checkbox label={t("settings.sla.enabled")} checked={rule.enabled} onChange={(enabled) => setRule((r) => ({ ...r, enabled }))} />
          <TextField label={t("settings.rules.conditions")} helpText={t("settings.rules.conditionsHelp")} multiline={6} monospaced value={rule.conditions} onChange={(conditions) => setRule((r) => ({ ...r, conditions }))} autoComplete="off" error={ruleErrors.conditions} />
          <TextField label={t("settings.rules.actions")} helpText={t("settings.rules.actionsHelp")} multiline={6} monospaced value={rule.actions} onChange={(actions) => setRule((r) => ({ ...r, actions }))} autoComplete="off" error={ruleErrors.actions} />
          <InlineStack gap="200">
            <Button variant="primary" loading={ruleFetcher.state !== "idle"} onClick={() => ruleFetcher.submit({ intent: "rule", rule }, { method: "post", encType: "application/json" })}>{t("settings.save")}</Button>
            {rule.id && <Button onClick={() => setRule({ ...EXAMPLE_RULE })}>{t("settings.rules.new")}</Button>}
          </InlineStack>
        </BlockStack>
      </Card>
    </BlockStack>
  );
}
