// The storefront contact form as the app proxy receives it. Shopify does not sign the POST body, so
// every field is validated here; errors are codes, turned into the visitor's language by contactText().
import { z } from "zod";

export const CONTACT_TOPICS = ["order_status", "shipping", "returns", "product", "other"] as const;
export type ContactTopic = (typeof CONTACT_TOPICS)[number];
export const MESSAGE_MAX_CHARS = 5000;
export const NAME_MAX_CHARS = 120;
export const EMAIL_MAX_CHARS = 254;
/** A person needs more than this to fill the form; bots post at once. */
export const MIN_FILL_SECONDS = 3;
/** Identical content within this window makes one ticket. */
export const DUPLICATE_WINDOW_SECONDS = 60;
export const RATE_LIMITS = {
  perClientMinute: 5,
  perClientDay: 30,
  perEmailMinute: 3,
  perEmailDay: 20,
} as const;

export type ContactErrorCode = "required" | "email_invalid" | "too_long" | "order_invalid" | "topic_invalid";
export type ContactField = "name" | "email" | "order" | "topic" | "message";

/** What the visitor typed, trimmed, as strings: echoed back (escaped) when the form must be shown again. */
export interface ContactFormValues {
  name: string;
  email: string;
  order: string;
  topic: string;
  message: string;
}

export interface ContactForm {
  name: string;
  email: string;
  /** "#1001", or null when left empty. */
  orderName: string | null;
  topic: ContactTopic;
  message: string;
}

// Control characters other than tab/newline have no business in a support message.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

function clean(value: FormDataEntryValue | string | null | undefined): string {
  return typeof value === "string" ? value.replace(CONTROL_CHARACTERS, "").replace(/\r\n?/g, "\n").trim() : "";
}

export function contactFormValues(source: { get(name: string): FormDataEntryValue | string | null }): ContactFormValues {
  return {
    name: clean(source.get("name")),
    email: clean(source.get("email")),
    order: clean(source.get("order")),
    topic: clean(source.get("topic")) || "other",
    message: clean(source.get("message")),
  };
}

const fieldSchemas = {
  name: z.string().min(1, "required").max(NAME_MAX_CHARS, "too_long"),
  email: z.string().min(1, "required").max(EMAIL_MAX_CHARS, "too_long").email("email_invalid"),
  order: z.string().max(32, "order_invalid").regex(/^(#?[A-Za-z0-9][A-Za-z0-9-]{0,30})?$/, "order_invalid"),
  topic: z.enum(CONTACT_TOPICS, { errorMap: () => ({ message: "topic_invalid" }) }),
  message: z.string().min(1, "required").max(MESSAGE_MAX_CHARS, "too_long"),
};

export type ContactValidation =
  | { ok: true; form: ContactForm }
  | { ok: false; errors: Partial<Record<ContactField, ContactErrorCode>> };

export function validateContactForm(values: ContactFormValues): ContactValidation {
  const errors: Partial<Record<ContactField, ContactErrorCode>> = {};
  for (const field of Object.keys(fieldSchemas) as ContactField[]) {
    const result = fieldSchemas[field].safeParse(values[field]);
    if (!result.success) errors[field] = result.error.issues[0]!.message as ContactErrorCode;
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    form: {
      name: values.name,
      email: values.email.toLowerCase(),
      orderName: values.order ? `#${values.order.replace(/^#/, "")}` : null,
      topic: values.topic as ContactTopic,
      message: values.message,
    },
  };
}

/** Seconds the visitor spent on the form; null when the page did not say when it was rendered. */
export function fillSeconds(startedAt: string | null | undefined, now: Date): number | null {
  const started = Number(startedAt);
  if (!startedAt || !Number.isFinite(started) || started <= 0) return null;
  return now.getTime() / 1000 - started;
}
