// The merchant's rules for automated messages: one AutomationRule (kind "auto_message") per message
// kind, on/off with an optional template; no rule means off. `conditions.delayDays` is the delivery
// follow-up's wait.
import type { PrismaClient } from "@prisma/client";
import { AUTOMATED_MESSAGE_KINDS, DEFAULT_FOLLOWUP_DELAY_DAYS, type AutomatedMessageKind } from "./kinds";

export const AUTO_MESSAGE_RULE_KIND = "auto_message";

export interface AutomatedMessageRule {
  kind: AutomatedMessageKind;
  enabled: boolean;
  templateId: string | null;
  delayDays: number;
}

function delayDaysOf(conditions: unknown): number {
  const value = (conditions as { delayDays?: unknown } | null)?.delayDays;
  return typeof value === "number" && Number.isFinite(value) && value >= 0 && value <= 60 ? value : DEFAULT_FOLLOWUP_DELAY_DAYS;
}

export async function loadAutomatedMessageRules(db: PrismaClient, shopId: string): Promise<Map<AutomatedMessageKind, AutomatedMessageRule>> {
  const rows = await db.automationRule.findMany({ where: { shopId, kind: AUTO_MESSAGE_RULE_KIND }, orderBy: { position: "asc" } });
  const rules = new Map<AutomatedMessageKind, AutomatedMessageRule>();
  for (const row of rows) {
    const kind = row.trigger as AutomatedMessageKind;
    if (!AUTOMATED_MESSAGE_KINDS.includes(kind) || rules.has(kind)) continue;
    rules.set(kind, { kind, enabled: row.enabled, templateId: row.templateId, delayDays: delayDaysOf(row.conditions) });
  }
  return rules;
}

/** Creates or changes the rule of one kind (settings page, CLI, tests). */
export async function saveAutomatedMessageRule(
  db: PrismaClient,
  shopId: string,
  kind: AutomatedMessageKind,
  rule: { enabled: boolean; templateId?: string | null; delayDays?: number },
): Promise<void> {
  const data = {
    enabled: rule.enabled,
    templateId: rule.templateId ?? null,
    conditions: { delayDays: rule.delayDays ?? DEFAULT_FOLLOWUP_DELAY_DAYS },
    actions: { send: kind },
  };
  const existing = await db.automationRule.findFirst({ where: { shopId, kind: AUTO_MESSAGE_RULE_KIND, trigger: kind }, select: { id: true } });
  if (existing) await db.automationRule.update({ where: { id: existing.id }, data });
  else await db.automationRule.create({ data: { shopId, name: kind, kind: AUTO_MESSAGE_RULE_KIND, trigger: kind, ...data } });
}
