// The storefront widget's settings inside Shop.settings (key `storefront`): page links and the reply
// promise. Parsed field by field with defaults like the rest of the settings JSON.
import { z } from "zod";

const pagePath = z.string().max(200).regex(/^\/[^\s"'<>]*$/, "a storefront path starting with /");

export const storefrontWidgetSettingsSchema = z
  .object({
    contactPageUrl: pagePath.default("/pages/contact"),
    faqPageUrl: pagePath.default("/pages/faq"),
    /** Business minutes promised for a first reply; null = the contact-form SLA policy's target. */
    replyPromiseMinutes: z.number().int().min(0).max(7 * 24 * 60).nullable().default(null),
  })
  .default({});

export type StorefrontWidgetSettings = z.infer<typeof storefrontWidgetSettingsSchema>;
