// Status, priority, severity, category, assignee and tags. The form posts the ticket's updatedAt it was
// based on; if someone changed the ticket meanwhile the server answers 409 and the edits stay here.
import { Banner, BlockStack, Button, Card, InlineStack, Select, Text, TextField } from "@shopify/polaris";
import { useFetcher } from "@remix-run/react";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { TICKET_CATEGORIES, TICKET_PRIORITIES, TICKET_SEVERITIES, TICKET_STATUSES } from "../../domain/ticket-fields";
import type { action } from "../../routes/app.tickets.$ticketId";
import type { TicketPageView } from "./types";

type Ticket = TicketPageView["ticket"];
interface Values {
  status: string;
  priority: string;
  severity: string;
  category: string;
  assigneeId: string;
  tags: string;
}

const valuesOf = (ticket: Ticket): Values => ({
  status: ticket.status,
  priority: ticket.priority,
  severity: ticket.severity,
  category: ticket.category,
  assigneeId: ticket.assignee?.id ?? "",
  tags: ticket.tags.join(", "),
});

export function TicketProperties({ ticket, agents }: { ticket: Ticket; agents: TicketPageView["agents"] }) {
  const { t } = useTranslation();
  const fetcher = useFetcher<typeof action>();
  const autoAssign = useFetcher<typeof action>();
  const [values, setValues] = useState<Values>(() => valuesOf(ticket));
  const [baseline, setBaseline] = useState(ticket.updatedAt);
  const [dirty, setDirty] = useState(false);
  const data = fetcher.data as { ok?: true; errors?: Record<string, string>; stale?: { currentUpdatedAt: string | null } } | undefined;

  // Untouched, the form follows the ticket; once edited it keeps the agent's values until saved.
  useEffect(() => {
    if (!dirty) {
      setValues(valuesOf(ticket));
      setBaseline(ticket.updatedAt);
    }
  }, [ticket, dirty]);

  useEffect(() => {
    if (fetcher.state !== "idle" || !data) return;
    if (data.ok) setDirty(false);
    // Saving again after reviewing applies the kept values over the newer ticket.
    if (data.stale?.currentUpdatedAt) setBaseline(data.stale.currentUpdatedAt);
  }, [fetcher.state, data]);

  const change = (field: keyof Values) => (value: string) => {
    setValues((current) => ({ ...current, [field]: value }));
    setDirty(true);
  };
  const options = (group: string, list: readonly string[]) => list.map((value) => ({ value, label: t(`${group}.${value}`, { defaultValue: value }) }));
  const autoAssigned = autoAssign.data as { assigned?: number } | undefined;

  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">{t("ticket.properties.title")}</Text>
        {data?.stale && dirty && <Banner tone="warning">{t("ticket.properties.stale")}</Banner>}
        {data?.errors && <Banner tone="critical">{t("ticket.properties.invalid")}</Banner>}
        <fetcher.Form method="post">
          <input type="hidden" name="intent" value="update" />
          <input type="hidden" name="updatedAt" value={baseline} />
          <BlockStack gap="200">
            <Select label={t("ticket.properties.status")} name="status" options={options("status", TICKET_STATUSES)} value={values.status} onChange={change("status")} />
            <Select label={t("ticket.properties.priority")} name="priority" options={options("priority", TICKET_PRIORITIES)} value={values.priority} onChange={change("priority")} />
            <Select label={t("ticket.properties.severity")} name="severity" options={TICKET_SEVERITIES.map((value) => ({ value, label: value }))} value={values.severity} onChange={change("severity")} />
            <Select label={t("ticket.properties.category")} name="category" options={options("ticket.category", TICKET_CATEGORIES)} value={values.category} onChange={change("category")} />
            <Select
              label={t("ticket.properties.assignee")}
              name="assigneeId"
              options={[{ value: "", label: t("ticket.unassigned") }, ...agents.map((agent) => ({ value: agent.id, label: agent.name }))]}
              value={values.assigneeId}
              onChange={change("assigneeId")}
            />
            <TextField label={t("ticket.properties.tags")} name="tags" value={values.tags} onChange={change("tags")} helpText={t("ticket.properties.tagsHelp")} autoComplete="off" />
            <InlineStack align="space-between" blockAlign="center">
              {!ticket.assignee ? (
                <Button onClick={() => autoAssign.submit({ intent: "autoAssign" }, { method: "post" })} loading={autoAssign.state !== "idle"}>
                  {t("ticket.properties.autoAssign")}
                </Button>
              ) : (
                <span />
              )}
              <Button submit variant="primary" disabled={!dirty} loading={fetcher.state !== "idle"}>{t("ticket.properties.save")}</Button>
            </InlineStack>
            {autoAssigned?.assigned !== undefined && <Text as="p" tone="subdued">{t("ticket.properties.autoAssigned", { count: autoAssigned.assigned })}</Text>}
          </BlockStack>
        </fetcher.Form>
      </BlockStack>
    </Card>
  );
}
