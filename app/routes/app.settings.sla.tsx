// SLA policies (targets by priority, severity, category, channel and customer segment; business or
// calendar time) and the escalation settings (warning share, priority, reassignment, supervisor email).
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useFetcher, useLoaderData } from "@remix-run/react";
import { Badge, BlockStack, Button, Card, Checkbox, DataTable, InlineStack, Select, Text, TextField } from "@shopify/polaris";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import prisma from "../db.server";
import { SaveBanner, type SettingsActionData } from "../components/settings/SaveBanner";
import { CUSTOMER_SEGMENTS } from "../domain/sla-policies";
import { TICKET_CATEGORIES, TICKET_CHANNELS, TICKET_PRIORITIES, TICKET_SEVERITIES } from "../domain/ticket-fields";
import { deletePolicy, loadPolicies, loadShopSettings, savePolicy, saveSettingsField } from "../models/settings-response-time.server";
import { readSettingsBody, settingsResponse, settingsShop, unknownIntent } from "../models/settings-route.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const shop = await settingsShop(request);
  const [policies, settings] = await Promise.all([loadPolicies(prisma, shop.id), loadShopSettings(prisma, shop.id)]);
  return { policies, escalation: settings.escalation };
};

/** "" → null, "30" → 30, anything else stays as typed so the schema reports it. */
function minutesOf(value: unknown): unknown {
  if (value === "" || value === null || value === undefined) return null;
  const number = Number(value);
  return Number.isFinite(number) ? number : value;
}

export const action = async ({ request }: ActionFunctionArgs) => {
  const shop = await settingsShop(request);
  const body = await readSettingsBody(request);
  switch (body.intent) {
    case "policy": {
      const policy = (body.policy ?? {}) as Record<string, unknown>;
      const anyToNull = (value: unknown) => (value === "" || value === "any" || value === undefined ? null : value);
      return settingsResponse(
        await savePolicy(prisma, shop.id, {
          ...policy,
          id: policy.id || undefined,
          position: Number(policy.position ?? 0),
          matchPriority: anyToNull(policy.matchPriority),
          matchSeverity: anyToNull(policy.matchSeverity),
          matchCategory: anyToNull(policy.matchCategory),
          matchChannel: anyToNull(policy.matchChannel),
          matchSegment: anyToNull(policy.matchSegment),
          firstResponseMinutes: minutesOf(policy.firstResponseMinutes),
          nextResponseMinutes: minutesOf(policy.nextResponseMinutes),
          resolutionMinutes: minutesOf(policy.resolutionMinutes),
          warnAtShare: policy.warnAtShare === undefined ? 0.75 : Number(policy.warnAtShare),
        }),
      );
    }
    case "deletePolicy":
      return settingsResponse(await deletePolicy(prisma, shop.id, String(body.id ?? "")));
    case "escalation": {
      const value = (body.escalation ?? {}) as Record<string, unknown>;
      const percent = Number(value.warnAtPercent);
      return settingsResponse(await saveSettingsField(prisma, shop.id, "escalation", { ...value, warnAtPercent: undefined, warnAtShare: Number.isFinite(percent) ? percent / 100 : value.warnAtPercent }));
    }
    default:
      return unknownIntent(body.intent);
  }
};

type PolicyView = ReturnType<typeof useLoaderData<typeof loader>>["policies"][number];
const EMPTY_POLICY = {
  id: "", name: "", position: "100", matchPriority: "any", matchSeverity: "any", matchCategory: "any", matchChannel: "any", matchSegment: "any",
  firstResponseMinutes: "", nextResponseMinutes: "", resolutionMinutes: "", businessHoursOnly: true, enabled: true, warnAtShare: 0.75,
};
type PolicyForm = typeof EMPTY_POLICY;

function toForm(policy: PolicyView): PolicyForm {
  const text = (value: number | null) => (value === null ? "" : String(value));
  return {
    id: policy.id, name: policy.name, position: String(policy.position),
    matchPriority: policy.matchPriority ?? "any", matchSeverity: policy.matchSeverity ?? "any", matchCategory: policy.matchCategory ?? "any",
    matchChannel: policy.matchChannel ?? "any", matchSegment: policy.matchSegment ?? "any",
    firstResponseMinutes: text(policy.firstResponseMinutes), nextResponseMinutes: text(policy.nextResponseMinutes), resolutionMinutes: text(policy.resolutionMinutes),
    businessHoursOnly: policy.businessHoursOnly, enabled: policy.enabled, warnAtShare: policy.warnAtShare,
  };
}

export default function SlaSettings() {
  const { policies, escalation } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const savePolicyFetcher = useFetcher<SettingsActionData>();
  const removeFetcher = useFetcher<SettingsActionData>();
  const escalationFetcher = useFetcher<SettingsActionData>();
  const [form, setForm] = useState<PolicyForm>(EMPTY_POLICY);
  const [escalationForm, setEscalationForm] = useState({ ...escalation, warnAtPercent: String(Math.round(escalation.warnAtShare * 100)) });
  const errors = savePolicyFetcher.data?.ok === false ? savePolicyFetcher.data.errors : {};
  const escalationErrors = escalationFetcher.data?.ok === false ? escalationFetcher.data.errors : {};
  const set = <K extends keyof PolicyForm>(key: K) => (value: PolicyForm[K]) => setForm((f) => ({ ...f, [key]: value }));
  const options = (values: readonly string[], group: string) => [{ label: t("settings.sla.any"), value: "any" }, ...values.map((value) => ({ label: t(`${group}.${value}`, { defaultValue: value }), value }))];
  const minutes = (value: number | null) => (value === null ? "—" : value >= 60 && value % 60 === 0 ? `${value / 60} h` : `${value} min`);
  const matchText = (p: PolicyView) =>
    [p.matchSeverity, p.matchPriority, p.matchCategory && t(`ticket.category.${p.matchCategory}`, { defaultValue: p.matchCategory }), p.matchChannel, p.matchSegment].filter(Boolean).join(" · ") || t("settings.sla.any");

  return (
    <BlockStack gap="400">
      <Card>
        <BlockStack gap="300">
          <Text as="h2" variant="headingMd">{t("settings.sla.title")}</Text>
          <Text as="p" tone="subdued">{t("settings.sla.help")}</Text>
          <SaveBanner data={removeFetcher.data?.ok === false ? removeFetcher.data : undefined} />
          <DataTable
            columnContentTypes={["numeric", "text", "text", "text", "text", "text", "text", "text"]}
            headings={["#", t("settings.sla.name"), t("settings.sla.match"), t("settings.sla.firstResponse"), t("settings.sla.nextResponse"), t("settings.sla.resolution"), t("settings.sla.clock"), ""]}
            rows={policies.map((p) => [
              p.position,
              <InlineStack key="name" gap="100">{p.name}{!p.enabled && <Badge>{t("settings.sla.off")}</Badge>}</InlineStack>,
              matchText(p),
              minutes(p.firstResponseMinutes),
              minutes(p.nextResponseMinutes),
              minutes(p.resolutionMinutes),
              p.businessHoursOnly ? t("settings.sla.businessHours") : t("settings.sla.calendarHours"),
              <InlineStack key="actions" gap="200">
                <Button variant="plain" onClick={() => setForm(toForm(p))}>{t("settings.edit")}</Button>
                <Button variant="plain" tone="critical" onClick={() => removeFetcher.submit({ intent: "deletePolicy", id: p.id }, { method: "post", encType: "application/json" })}>{t("settings.remove")}</Button>
              </InlineStack>,
            ])}
          />
        </BlockStack>
      </Card>
      <Card>
        <BlockStack gap="300">
          <Text as="h2" variant="headingMd">{form.id ? t("settings.sla.editPolicy") : t("settings.sla.newPolicy")}</Text>
          <SaveBanner data={savePolicyFetcher.data} />
          <InlineStack gap="200">
            <TextField label={t("settings.sla.name")} value={form.name} onChange={set("name")} autoComplete="off" error={errors.name} />
            <TextField label={t("settings.sla.position")} type="number" value={form.position} onChange={set("position")} autoComplete="off" error={errors.position} helpText={t("settings.sla.positionHelp")} />
          </InlineStack>
          <InlineStack gap="200">
            <Select label={t("settings.sla.severity")} options={options(TICKET_SEVERITIES, "settings.severity")} value={form.matchSeverity} onChange={set("matchSeverity")} />
            <Select label={t("settings.sla.priority")} options={options(TICKET_PRIORITIES, "priority")} value={form.matchPriority} onChange={set("matchPriority")} />
            <Select label={t("settings.sla.category")} options={options(TICKET_CATEGORIES, "ticket.category")} value={form.matchCategory} onChange={set("matchCategory")} />
            <Select label={t("settings.sla.channel")} options={options(TICKET_CHANNELS, "channel")} value={form.matchChannel} onChange={set("matchChannel")} />
            <Select label={t("settings.sla.segment")} options={options(CUSTOMER_SEGMENTS, "settings.segment")} value={form.matchSegment} onChange={set("matchSegment")} />
          </InlineStack>
          <InlineStack gap="200">
            <TextField label={t("settings.sla.firstResponseMinutes")} type="number" value={form.firstResponseMinutes} onChange={set("firstResponseMinutes")} autoComplete="off" error={errors.firstResponseMinutes} helpText={t("settings.sla.minutesHelp")} />
            <TextField label={t("settings.sla.nextResponseMinutes")} type="number" value={form.nextResponseMinutes} onChange={set("nextResponseMinutes")} autoComplete="off" error={errors.nextResponseMinutes} />
            <TextField label={t("settings.sla.resolutionMinutes")} type="number" value={form.resolutionMinutes} onChange={set("resolutionMinutes")} autoComplete="off" error={errors.resolutionMinutes} />
          </InlineStack>
          <Checkbox label={t("settings.sla.businessHoursOnly")} helpText={t("settings.sla.businessHoursOnlyHelp")} checked={form.businessHoursOnly} onChange={set("businessHoursOnly")} />
          <Checkbox label={t("settings.sla.enabled")} checked={form.enabled} onChange={set("enabled")} />
          <InlineStack gap="200">
            <Button variant="primary" loading={savePolicyFetcher.state !== "idle"} onClick={() => savePolicyFetcher.submit({ intent: "policy", policy: form }, { method: "post", encType: "application/json" })}>
              {t("settings.save")}
            </Button>
            {form.id && <Button onClick={() => setForm(EMPTY_POLICY)}>{t("settings.sla.newPolicy")}</Button>}
          </InlineStack>
        </BlockStack>
      </Card>
      <Card>
        <BlockStack gap="300">
          <Text as="h2" variant="headingMd">{t("settings.escalation.title")}</Text>
          <SaveBanner data={escalationFetcher.data} />
          <TextField
            label={t("settings.escalation.warnAt")}
            type="number"
            suffix="%"
            value={escalationForm.warnAtPercent}
            onChange={(warnAtPercent) => setEscalationForm((f) => ({ ...f, warnAtPercent }))}
            autoComplete="off"
            helpText={t("settings.escalation.warnAtHelp")}
            error={escalationErrors.warnAtShare}
          />
          <Checkbox label={t("settings.escalation.raisePriority")} checked={escalationForm.raisePriority} onChange={(raisePriority) => setEscalationForm((f) => ({ ...f, raisePriority }))} />
          <Checkbox label={t("settings.escalation.reassign")} checked={escalationForm.reassign} onChange={(reassign) => setEscalationForm((f) => ({ ...f, reassign }))} />
          <Checkbox label={t("settings.escalation.emailSupervisor")} checked={escalationForm.emailSupervisor} onChange={(emailSupervisor) => setEscalationForm((f) => ({ ...f, emailSupervisor }))} />
          <InlineStack>
            <Button variant="primary" loading={escalationFetcher.state !== "idle"} onClick={() => escalationFetcher.submit({ intent: "escalation", escalation: escalationForm }, { method: "post", encType: "application/json" })}>
              {t("settings.save")}
            </Button>
          </InlineStack>
        </BlockStack>
      </Card>
    </BlockStack>
  );
}
