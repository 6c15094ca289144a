// Business hours (several intervals a day, in the shop's Shopify time zone) and holidays/closures.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useFetcher, useLoaderData, useNavigate, useLocation } from "@remix-run/react";
import { BlockStack, Button, Card, Checkbox, InlineError, InlineStack, Select, Text, TextField } from "@shopify/polaris";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import prisma from "../db.server";
import { SaveBanner, type SettingsActionData } from "../components/settings/SaveBanner";
import { isOneOf, TICKET_CHANNELS, type TicketChannel } from "../domain/ticket-fields";
import { addHoliday, deleteChannelHours, deleteHoliday, loadHoursSettings, saveBusinessHours } from "../models/settings-response-time.server";
import { readSettingsBody, settingsResponse, settingsShop, unknownIntent } from "../models/settings-route.server";

/** ?channel=email edits that channel's own hours; anything else the default schedule. */
function channelOf(value: unknown): TicketChannel | null {
  return isOneOf(TICKET_CHANNELS, value) ? value : null;
}

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const shop = await settingsShop(request);
  return loadHoursSettings(prisma, shop.id, channelOf(new URL(request.url).searchParams.get("channel")));
};

/** "10:00-14:00, 15:00-17:00" → intervals; empty → null (closed all day). */
function parseSpecialHours(text: unknown): { start: string; end: string }[] | null | "invalid" {
  if (typeof text !== "string" || text.trim() === "") return null;
  const parts = text.split(",").map((part) => part.trim().split(/\s*[-–]\s*/));
  if (parts.some((pair) => pair.length !== 2)) return "invalid";
  return parts.map(([start, end]) => ({ start, end }));
}

export const action = async ({ request }: ActionFunctionArgs) => {
  const shop = await settingsShop(request);
  const body = await readSettingsBody(request);
  switch (body.intent) {
    case "hours":
      if (body.channel && !channelOf(body.channel)) return settingsResponse({ ok: false, errors: { channel: `Unknown channel "${String(body.channel)}".` } });
      return settingsResponse(await saveBusinessHours(prisma, shop.id, body.intervals, channelOf(body.channel)));
    case "useDefaultHours": {
      const channel = channelOf(body.channel);
      if (!channel) return settingsResponse({ ok: false, errors: { channel: "Choose a channel." } });
      await deleteChannelHours(prisma, shop.id, channel);
      return settingsResponse({ ok: true });
    }
    case "addHoliday": {
      const intervals = parseSpecialHours(body.specialHours);
      if (intervals === "invalid") return settingsResponse({ ok: false, errors: { specialHours: 'Write opening hours as "10:00-14:00", several separated by commas.' } });
      return settingsResponse(await addHoliday(prisma, shop.id, { date: body.date, name: body.name, intervals }));
    }
    case "deleteHoliday":
      await deleteHoliday(prisma, shop.id, String(body.id ?? ""));
      return settingsResponse({ ok: true });
    default:
      return unknownIntent(body.intent);
  }
};

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7];

export default function BusinessHoursPage() {
  const data = useLoaderData<typeof loader>();
  return <BusinessHoursSettings key={data.channel ?? "default"} />;
}

function BusinessHoursSettings() {
  const data = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const save = useFetcher<SettingsActionData>();
  const holidayForm = useFetcher<SettingsActionData>();
  const remove = useFetcher<SettingsActionData>();
  const [intervals, setIntervals] = useState(data.intervals.map((interval, key) => ({ ...interval, key })));
  const [nextKey, setNextKey] = useState(data.intervals.length);
  const [holiday, setHoliday] = useState({ date: "", name: "", closed: true, specialHours: "" });
  const errors = save.data?.ok === false ? save.data.errors : {};
  const holidayErrors = holidayForm.data?.ok === false ? holidayForm.data.errors : {};

  const update = (key: number, field: "start" | "end", value: string) => setIntervals((all) => all.map((i) => (i.key === key ? { ...i, [field]: value } : i)));
  const add = (weekday: number) => {
    setIntervals((all) => [...all, { weekday, start: "09:00", end: "17:00", key: nextKey }]);
    setNextKey((k) => k + 1);
  };
  const navigate = useNavigate();
  const location = useLocation();
  const chooseChannel = (value: string) => {
    const params = new URLSearchParams(location.search);
    if (value === "default") params.delete("channel");
    else params.set("channel", value);
    // A new schedule to edit: the page remounts with its intervals.
    navigate(`${location.pathname}?${params}`, { replace: true });
  };
  const submitHours = () =>
    save.submit({ intent: "hours", channel: data.channel, intervals: intervals.map(({ weekday, start, end }) => ({ weekday, start, end })) }, { method: "post", encType: "application/json" });
  // Errors are keyed by the position in the submitted list.
  const errorFor = (key: number) => {
    const index = intervals.findIndex((i) => i.key === key);
    return errors[`intervals.${index}`] ?? errors[`intervals.${index}.start`] ?? errors[`intervals.${index}.end`];
  };

  return (
    <BlockStack gap="400">
      <Card>
        <BlockStack gap="300">
          <Text as="h2" variant="headingMd">{t("settings.hours.title")}</Text>
          <Text as="p" tone="subdued">{t("settings.hours.timezone", { timezone: data.timezone })} {t("settings.hours.endHelp")}</Text>
          <Select
            label={t("settings.hours.scheduleFor")}
            options={[
              { label: t("settings.hours.defaultSchedule"), value: "default" },
              ...TICKET_CHANNELS.map((channel) => ({ label: `${t(`channel.${channel}`, { defaultValue: channel })}${data.channelsWithOwnHours.includes(channel) ? ` (${t("settings.hours.ownHours")})` : ""}`, value: channel })),
            ]}
            value={data.channel ?? "default"}
            onChange={chooseChannel}
          />
          {!data.configured && <Text as="p" tone="caution">{data.channel ? t("settings.hours.channelUsesDefault") : t("settings.hours.notConfigured")}</Text>}
          <SaveBanner data={save.data} />
          {WEEKDAYS.map((weekday) => (
            <BlockStack key={weekday} gap="200">
              <InlineStack gap="200" blockAlign="center">
                <Text as="h3" variant="headingSm">{t(`settings.weekdays.${weekday}`)}</Text>
                <Button size="slim" onClick={() => add(weekday)}>{t("settings.hours.addInterval")}</Button>
              </InlineStack>
              {intervals.filter((i) => i.weekday === weekday).length === 0 && <Text as="p" tone="subdued">{t("settings.hours.closed")}</Text>}
              {intervals
                .filter((i) => i.weekday === weekday)
                .map((interval) => (
                  <BlockStack key={interval.key} gap="100">
                    <InlineStack gap="200" blockAlign="end">
                      <TextField label={t("settings.hours.start")} type="time" value={interval.start} onChange={(v) => update(interval.key, "start", v)} autoComplete="off" />
                      <TextField label={t("settings.hours.end")} type="time" value={interval.end} onChange={(v) => update(interval.key, "end", v)} autoComplete="off" />
                      <Button tone="critical" variant="plain" onClick={() => setIntervals((all) => all.filter((i) => i.key !== interval.key))}>
                        {t("settings.remove")}
                      </Button>
                    </InlineStack>
                    {errorFor(interval.key) && <InlineError message={errorFor(interval.key)!} fieldID={`interval-${interval.key}`} />}
                  </BlockStack>
                ))}
            </BlockStack>
          ))}
          <InlineStack gap="200">
            <Button variant="primary" loading={save.state !== "idle"} onClick={submitHours}>{t("settings.save")}</Button>
            {data.channel && data.configured && (
              <Button onClick={() => save.submit({ intent: "useDefaultHours", channel: data.channel }, { method: "post", encType: "application/json" })}>{t("settings.hours.useDefault")}</Button>
            )}
          </InlineStack>
        </BlockStack>
      </Card>
      <Card>
        <BlockStack gap="300">
          <Text as="h2" variant="headingMd">{t("settings.holidays.title")}</Text>
          {data.holidays.length === 0 && <Text as="p" tone="subdued">{t("settings.holidays.none")}</Text>}
          {data.holidays.map((h) => (
            <InlineStack key={h.id} gap="300" blockAlign="center">
              <Text as="span" fontWeight="semibold">{h.date}</Text>
              <Text as="span">{h.name}</Text>
              <Text as="span" tone="subdued">{h.intervals ? h.intervals.map((i) => `${i.start}–${i.end}`).join(", ") : t("settings.holidays.closedAllDay")}</Text>
              <Button variant="plain" tone="critical" onClick={() => remove.submit({ intent: "deleteHoliday", id: h.id }, { method: "post", encType: "application/json" })}>
                {t("settings.remove")}
              </Button>
            </InlineStack>
          ))}
          <SaveBanner data={holidayForm.data} />
          <InlineStack gap="200" blockAlign="start">
            <TextField label={t("settings.holidays.date")} type="date" value={holiday.date} onChange={(date) => setHoliday((h) => ({ ...h, date }))} autoComplete="off" error={holidayErrors.date} />
            <TextField label={t("settings.holidays.name")} value={holiday.name} onChange={(name) => setHoliday((h) => ({ ...h, name }))} autoComplete="off" error={holidayErrors.name} />
          </InlineStack>
          <Checkbox label={t("settings.holidays.closedAllDay")} checked={holiday.closed} onChange={(closed) => setHoliday((h) => ({ ...h, closed }))} />
          {!holiday.closed && (
            <TextField
              label={t("settings.holidays.specialHours")}
              value={holiday.specialHours}
              onChange={(specialHours) => setHoliday((h) => ({ ...h, specialHours }))}
              autoComplete="off"
              placeholder="10:00-14:00"
              error={holidayErrors.specialHours ?? holidayErrors.intervals ?? holidayErrors["intervals.0"]}
            />
          )}
          <InlineStack>
            <Button
              loading={holidayForm.state !== "idle"}
              onClick={() => holidayForm.submit({ intent: "addHoliday", date: holiday.date, name: holiday.name, specialHours: holiday.closed ? "" : holiday.specialHours }, { method: "post", encType: "application/json" })}
            >
              {t("settings.holidays.add")}
            </Button>
          </InlineStack>
        </BlockStack>
      </Card>
    </BlockStack>
  );
}
