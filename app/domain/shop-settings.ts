// The shop's settings JSON (Shop.settings): one schema with defaults, so every reader agrees.
// Unknown or invalid fields fall back to their defaults field by field: a bad value never breaks a page.
import { z } from "zod";
import { responseTimeSettingsFields } from "./sla-settings";
import { storefrontWidgetSettingsSchema } from "./storefront/widget-settings";
import { surveySettingsSchema } from "./surveys";

const fieldSchemas = {
  /** Stock at or below this count is flagged "low" on the order panel. */
  lowStockThreshold: z.number().int().min(0).default(5),
  /** The shop's first order number: bare numbers in messages below it are not order mentions. */
  firstOrderNumber: z.number().int().min(1).default(1001),
  /** Auto-acknowledgement, quiet hours, escalation and triage edits (issue 6). */
  ...responseTimeSettingsFields,
  /** Storefront widget links and reply promise (issue 7). */
  storefront: storefrontWidgetSettingsSchema,
  /** CSAT after resolution and the optional NPS survey (issue 10). */
  surveys: surveySettingsSchema,
  /** Resolve a "where is my order" ticket when its order is delivered (issue 8). */
  autoResolveOnDelivery: z.boolean().default(false),
  /** The shop's own support address as From of replies, once set up with the SMTP provider; null = EMAIL_FROM (issue 9). */
  emailFromAddress: z.string().email().max(254).nullable().default(null),
  /** The From name of replies; null = the shop's name (issue 9). */
  emailFromName: z.string().trim().min(1).max(100).nullable().default(null),
};

export const shopSettingsSchema = z.object(fieldSchemas);
export type ShopSettings = z.infer<typeof shopSettingsSchema>;

export function parseShopSettings(raw: unknown): ShopSettings {
  const source = raw && typeof raw === "object" ? (raw as Record<string, unknown>) : {};
  const entries = Object.entries(fieldSchemas).map(([key, schema]) => {
    const parsed = schema.safeParse(source[key]);
    return [key, parsed.success ? parsed.data : schema.parse(undefined)];
  });
  return Object.fromEntries(entries) as ShopSettings;
}
