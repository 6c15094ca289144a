// Approval of a sensitive template: its state, the approve/reject buttons for supervisors, the log.
import { BlockStack, Button, Card, InlineStack, List, Text, TextField } from "@shopify/polaris";
import { useState } from "react";
import { useTranslation } from "react-i18next";

interface Props {
  sensitive: boolean;
  approved: boolean;
  version: number;
  canApprove: boolean;
  busy: boolean;
  log: Array<{ id: string; templateVersion: number; decision: string; note: string | null; approverName: string; createdAt: string }>;
  onDecide: (decision: "approve" | "reject", note: string) => void;
  formatDate: (iso: string) => string;
}

export function ApprovalCard({ sensitive, approved, version, canApprove, busy, log, onDecide, formatDate }: Props) {
  const { t } = useTranslation();
  const [note, setNote] = useState("");
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">{t("templates.approval.title")}</Text>
        <Text as="p" tone={sensitive && !approved ? "caution" : undefined}>
          {!sensitive ? t("templates.approval.notSensitive") : approved ? t("templates.approval.approved", { version }) : t("templates.approval.pending", { version })}
        </Text>
        {sensitive && !approved && (canApprove ? (
          <BlockStack gap="200">
            <TextField label={t("templates.approval.note")} value={note} onChange={setNote} autoComplete="off" />
            <InlineStack gap="200">
              <Button variant="primary" onClick={() => onDecide("approve", note)} loading={busy}>{t("templates.actions.approve", { version })}</Button>
              <Button onClick={() => onDecide("reject", note)} disabled={busy}>{t("templates.actions.reject")}</Button>
            </InlineStack>
          </BlockStack>
        ) : (
          <Text as="p" tone="subdued">{t("templates.approval.onlySupervisors")}</Text>
        ))}
        <Text as="h3" variant="headingSm">{t("templates.approval.log")}</Text>
        {log.length === 0 ? (
          <Text as="p" tone="subdued">{t("templates.approval.noLog")}</Text>
        ) : (
          <List>
            {log.map((entry) => (
              <List.Item key={entry.id}>
                {t("templates.approval.logEntry", {
                  name: entry.approverName,
                  decision: t(`templates.approval.decision.${entry.decision}`, { defaultValue: entry.decision }),
                  version: entry.templateVersion,
                  date: formatDate(entry.createdAt),
                })}
                {entry.note ? ` — ${entry.note}` : ""}
              </List.Item>
            ))}
          </List>
        )}
      </BlockStack>
    </Card>
  );
}
