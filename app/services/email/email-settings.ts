// The shop's email settings, part of the shop settings JSON (spread into app/domain/shop-settings.ts).
import { z } from "zod";

export const emailSettingsFields = {
  /**
   * The shop's own support address as the From of replies (help@shop.com), once the shop has set it
   * up with the SMTP provider (SPF/DKIM for its domain); null = the app-wide sender (EMAIL_FROM).
   */
  emailFromAddress: z.string().email().max(254).nullable().default(null),
  /** The From name; null = the shop's name. */
  emailFromName: z.string().trim().min(1).max(100).nullable().default(null),
};

export type EmailSettings = { [K in keyof typeof emailSettingsFields]: z.infer<(typeof emailSettingsFields)[K]> };

/** Field by field, like parseShopSettings: an invalid value falls back to its default. */
export function parseEmailSettings(raw: unknown): EmailSettings {
  const source = raw && typeof raw === "object" ? (raw as Record<string, unknown>) : {};
  const from = emailSettingsFields.emailFromAddress.safeParse(source.emailFromAddress);
  const name = emailSettingsFields.emailFromName.safeParse(source.emailFromName);
  return { emailFromAddress: from.success ? from.data : null, emailFromName: name.success ? name.data : null };
}
