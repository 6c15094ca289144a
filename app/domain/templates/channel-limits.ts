// How long a reply may be on each channel before the platform truncates or rejects it.
// Numbers are the tightest common limit among the services behind each channel.
import { TICKET_CHANNELS, isOneOf, type TicketChannel } from "../ticket-fields";

/** `null` = no practical limit. Phone replies go out as SMS/WhatsApp follow-ups. */
export const CHANNEL_LENGTH_LIMITS: Readonly<Record<TicketChannel, number | null>> = Object.freeze({
  email: null,
  contact_form: null, // answered by email
  chat: 1_000,
  phone: 1_000,
  social: 2_000,
  marketplace: 4_000,
});

export interface LengthWarning {
  code: "too_long";
  message: string;
  channel: TicketChannel;
  length: number;
  limit: number;
}

/** Counts user-perceived characters (an emoji or 中 is one), as the platforms do. */
export function countCharacters(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}

export function lengthWarning(text: string, channel: string | undefined): LengthWarning | null {
  if (!isOneOf(TICKET_CHANNELS, channel)) return null;
  const limit = CHANNEL_LENGTH_LIMITS[channel];
  if (limit === null || text.length <= limit) return null; // UTF-16 length ≥ code points: fast path
  const length = countCharacters(text);
  if (length <= limit) return null;
  return {
    code: "too_long",
    message: `${length} characters; ${channel} replies are limited to ${limit}`,
    channel,
    length,
    limit,
  };
}
