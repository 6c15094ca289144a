// Types and shared wording for the seeded library (split from library.ts so the per-category
// data files can import them without a circular import).

/** Template categories; all but shipping_delivery, greeting and auto_acknowledgement are ticket categories. */
export const TEMPLATE_CATEGORIES = [
  "order_status",
  "shipping_delivery",
  "return_refund",
  "damaged_wrong_missing",
  "product_question",
  "payment_invoice",
  "complaint",
  "greeting",
  "auto_acknowledgement",
] as const;

export type TemplateCategory = (typeof TEMPLATE_CATEGORIES)[number];

export const LIBRARY_LANGUAGES = ["en", "zh-CN", "es"] as const;
export type LibraryLanguage = (typeof LIBRARY_LANGUAGES)[number];

export interface SeededTemplateVariant {
  /** Email subject (Liquid); replies in an existing thread keep the thread's subject instead. */
  subject?: string;
  body: string;
}

export interface SeededTemplate {
  /** Stable identifier, so re-seeding updates rather than duplicates. */
  key: string;
  name: string;
  category: TemplateCategory;
  /** Search tags in every library language (agents search in their own). */
  keywords: readonly string[];
  /** Needs approval before use: refunds above the threshold, policy exceptions, public statements. */
  sensitive: boolean;
  variants: Readonly<{ en: SeededTemplateVariant; "zh-CN": SeededTemplateVariant; es?: SeededTemplateVariant }>;
}

/** Shared pieces, so greetings and sign-offs read the same across the library. */
export const GREETING = {
  en: `Hi {{ customer.first_name | default: "there" }},`,
  zh: `亲爱的{{ customer.name | default: "顾客" }}，您好！`,
  es: `{% if customer.first_name %}¡Hola, {{ customer.first_name }}!{% else %}¡Hola!{% endif %}`,
} as const;

export const SIGN_OFF = {
  en: `Best,\n{{ agent.first_name | default: "The team" }} at {{ shop.name }}`,
  zh: `祝好！\n{{ shop.name }} 客服{% if agent.first_name %} {{ agent.first_name }}{% endif %}`,
  es: `Un saludo,\n{% if agent.first_name %}{{ agent.first_name }}, de {% else %}El equipo de {% endif %}{{ shop.name }}`,
} as const;
