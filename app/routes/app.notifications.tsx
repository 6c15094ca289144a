// Notifications: SLA warnings and breaches, L1 alerts and assignments for the signed-in agent.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useFetcher, useLoaderData } from "@remix-run/react";
import { Badge, BlockStack, Button, Card, EmptyState, InlineStack, Page, ResourceItem, ResourceList, Text } from "@shopify/polaris";
import { TitleBar } from "@shopify/app-bridge-react";
import { useTranslation } from "react-i18next";
import { authenticate } from "../shopify.server";
import prisma from "../db.server";
import { withServiceErrors } from "../lib/service-errors.server";
import { adminRequestContext } from "../services/request-context.server";
import { listNotifications, markNotificationsRead } from "../models/agent-notifications.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  return withServiceErrors(async () => {
    const { shop, agent } = await adminRequestContext(prisma, session);
    if (!agent) return json({ unread: 0, items: [], timeZone: shop.ianaTimezone });
    return json({ ...(await listNotifications(prisma, shop.id, agent.id)), timeZone: shop.ianaTimezone });
  });
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  return withServiceErrors(async () => {
    const { shop, agent } = await adminRequestContext(prisma, session);
    if (!agent) return json({ ok: false, message: "Notifications belong to a staff member: sign in as one." }, { status: 403 });
    const form = await request.formData();
    const id = form.get("id");
    if (form.get("intent") === "read-all") return json({ ok: true, read: await markNotificationsRead(prisma, shop.id, agent.id, "all") });
    if (form.get("intent") === "read" && typeof id === "string" && id) return json({ ok: true, read: await markNotificationsRead(prisma, shop.id, agent.id, [id]) });
    return json({ ok: false, message: "Unknown action." }, { status: 400 });
  });
};

const KIND_TONE = { sla_breach: "critical", l1_alert: "critical", sla_warning: "warning", assignment: "info", mention: "info" } as const;

export default function NotificationsPage() {
  const { items, unread, timeZone } = useLoaderData<typeof loader>();
  const fetcher = useFetcher();
  const { t, i18n } = useTranslation();
  const when = (iso: string) => new Intl.DateTimeFormat(i18n.language, { dateStyle: "medium", timeStyle: "short", timeZone }).format(new Date(iso));
  return (
    <Page
      title={t("notifications.title")}
      primaryAction={{ content: t("notifications.readAll"), disabled: unread === 0, onAction: () => fetcher.submit({ intent: "read-all" }, { method: "post" }) }}
    >
      <TitleBar title={t("notifications.title")} />
      <Card padding="0">
        {items.length === 0 ? (
          <EmptyState heading={t("notifications.empty")} image="">
            <p>{t("notifications.emptyHelp")}</p>
          </EmptyState>
        ) : (
          <ResourceList
            items={items}
            renderItem={(item) => (
              <ResourceItem id={item.id} url={item.ticket ? `/app/tickets/${item.ticket.id}` : "/app"} accessibilityLabel={item.title}>
                <BlockStack gap="100">
                  <InlineStack gap="200" blockAlign="center" align="space-between">
                    <InlineStack gap="200" blockAlign="center">
                      <Badge tone={KIND_TONE[item.kind as keyof typeof KIND_TONE]}>{t(`notifications.kind.${item.kind}`, { defaultValue: item.kind })}</Badge>
                      <Text as="span" fontWeight={item.read ? "regular" : "bold"}>
                        {item.title}
                      </Text>
                    </InlineStack>
                    <InlineStack gap="200" blockAlign="center">
                      <Text as="span" tone="subdued" variant="bodySm">
                        {when(item.createdAt)}
                      </Text>
                      {!item.read && (
                        <Button variant="plain" onClick={() => fetcher.submit({ intent: "read", id: item.id }, { method: "post" })}>
                          {t("notifications.markRead")}
                        </Button>
                      )}
                    </InlineStack>
                  </InlineStack>
                  {item.body ? (
                    <Text as="p" tone="subdued">
                      {item.body}
                    </Text>
                  ) : null}
                  {item.ticket ? (
                    <Text as="p" variant="bodySm">{`#${item.ticket.number} ${item.ticket.subject}`}</Text>
                  ) : null}
                </BlockStack>
              </ResourceItem>
            )}
          />
        )}
      </Card>
    </Page>
  );
}
