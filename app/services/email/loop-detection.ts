// Mail that no one should answer: auto-replies, bounces, list and bulk mail, and our own messages
// coming back. It is recorded on the ticket, but nothing automatic replies to it (no mail loops).

export interface LoopCheckInput {
  /** Lower-cased header names → first value, as text. */
  headers: ReadonlyMap<string, string>;
  fromAddress: string | null;
  contentType: string | null;
  /** Addresses that are ours (the app-wide sender, shops' support addresses). */
  ownAddresses: readonly string[];
}

const DAEMON_SENDER = /^(?:mailer-daemon|postmaster|mail-daemon|mailerdaemon|no-?reply|do-?not-?reply|bounces?)(?:[+-][^@]*)?@/i;

/** Why this mail must not be answered, or null when it is a person writing. */
export function autoSubmittedReason(input: LoopCheckInput): string | null {
  const header = (name: string) => input.headers.get(name)?.trim().toLowerCase() ?? "";
  const autoSubmitted = header("auto-submitted");
  if (autoSubmitted && autoSubmitted !== "no") return `Auto-Submitted: ${autoSubmitted}`;
  const precedence = header("precedence");
  if (["bulk", "junk", "list", "auto_reply"].includes(precedence)) return `Precedence: ${precedence}`;
  if (header("x-autoreply") || header("x-autorespond") || header("x-autoresponder")) return "X-Autoreply";
  if (header("x-auto-response-suppress").includes("all") && header("x-ms-exchange-generated-message-source")) return "Exchange auto-response";
  if (/^multipart\/report/i.test(input.contentType ?? "")) return "multipart/report (delivery or read report)";
  if (header("return-path") === "<>") return "empty Return-Path (a bounce)";
  if (header("list-id") || header("list-unsubscribe")) return "mailing list";
  const from = input.fromAddress?.toLowerCase() ?? "";
  if (!from) return "no sender";
  if (DAEMON_SENDER.test(from)) return `sender ${from}`;
  if (input.ownAddresses.some((own) => own.toLowerCase() === from)) return "sent by Shopdesk itself";
  return null;
}
