// The response-time settings a shop edits on the settings page, stored in Shop.settings (see
// shop-settings.ts): auto-acknowledgement, quiet hours, escalation, triage keyword edits and the VIP
// thresholds. Each is one field with its defaults, so a bad value falls back for that field only.
import { z } from "zod";
import { DEFAULT_QUIET_HOURS, quietHoursSettingsSchema } from "./quiet-hours";
import { DEFAULT_VIP_THRESHOLDS, DEFAULT_WARN_AT_SHARE } from "./sla-policies";
import { keywordOverridesSchema } from "./triage/keywords";

export const autoAckSettingsSchema = z.object({
  enabled: z.boolean(),
  /** Acknowledge while the shop is closed. */
  outsideBusinessHours: z.boolean(),
  /** Also acknowledge during business hours when this many tickets wait for a first reply (0 = never). */
  queueThreshold: z.number().int().min(0).max(100_000),
  /** Seconds to wait before sending: an agent who answers meanwhile makes it unnecessary. */
  delaySeconds: z.number().int().min(0).max(3600),
  /** The seeded library template used (Template.name or library key). */
  templateKey: z.string().min(1).max(120),
});
export type AutoAckSettings = z.infer<typeof autoAckSettingsSchema>;
export const DEFAULT_AUTO_ACK: AutoAckSettings = {
  enabled: true,
  outsideBusinessHours: true,
  queueThreshold: 0,
  delaySeconds: 60,
  templateKey: "auto_ack_out_of_hours",
};

export const escalationSettingsSchema = z.object({
  /** Share of a target at which the warning fires (policies may set their own). */
  warnAtShare: z.number().min(0).max(1),
  raisePriority: z.boolean(),
  reassign: z.boolean(),
  /** Email the supervisors at breach through the channel adapter. */
  emailSupervisor: z.boolean(),
});
export type EscalationSettings = z.infer<typeof escalationSettingsSchema>;
export const DEFAULT_ESCALATION: EscalationSettings = { warnAtShare: DEFAULT_WARN_AT_SHARE, raisePriority: true, reassign: true, emailSupervisor: false };

export const triageSettingsSchema = z.object({
  keywordOverrides: keywordOverridesSchema,
  vipThresholds: z.object({ lifetimeSpent: z.number().min(0), ordersCount: z.number().int().min(0) }),
});
export type TriageSettings = z.infer<typeof triageSettingsSchema>;
export const DEFAULT_TRIAGE_SETTINGS: TriageSettings = { keywordOverrides: {}, vipThresholds: DEFAULT_VIP_THRESHOLDS };

/** The fields shop-settings.ts adds to its schema. */
export const responseTimeSettingsFields = {
  autoAck: autoAckSettingsSchema.default(DEFAULT_AUTO_ACK),
  quietHours: quietHoursSettingsSchema.default(DEFAULT_QUIET_HOURS),
  escalation: escalationSettingsSchema.default(DEFAULT_ESCALATION),
  triage: triageSettingsSchema.default(DEFAULT_TRIAGE_SETTINGS),
};
