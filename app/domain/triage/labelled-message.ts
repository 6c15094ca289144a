// One labelled triage example and a compact constructor for writing them.

import type { TicketCategory, TicketSeverity } from "../ticket-fields";
import type { TriageInput } from "./triage";

export type MessageLanguage = "en" | "zh-CN" | "es" | "de" | "fr" | "ja";

export interface LabelledMessage {
  language: MessageLanguage;
  input: TriageInput;
  expected: { category: TicketCategory; severity: TicketSeverity; escalate: boolean };
}

type Context = Omit<TriageInput, "text" | "subject">;

/** Compact constructor: language, labels, text, optional subject and context (order, customer, attachments). */
export function labelled(
  language: MessageLanguage,
  category: TicketCategory,
  severity: TicketSeverity,
  escalate: boolean,
  text: string,
  subject = "",
  context: Context = {},
): LabelledMessage {
  return { language, input: { subject, text, ...context }, expected: { category, severity, escalate } };
}

