// How an outbound message leaves Shopdesk: one adapter per channel behind one interface, so the
// send workflow does not care whether it is email, chat or a marketplace.
import { getJobQueue } from "../../jobs/queue.server";
import { appEmailConfig } from "../email/config.server";
import { createEmailChannelAdapter } from "../email/email-adapter.server";
import { appSmtpTransport } from "../email/send-email.server";
import { createStaffEmailAdapter } from "../email/staff-email-adapter.server";
import { demoChannelAdapter } from "./demo-adapter.server";

export interface OutboundMessage {
  shopId: string;
  ticketId: string;
  messageId: string;
  channel: string;
  to: { name: string | null; email: string | null; phone: string | null };
  subject: string;
  bodyText: string;
  inReplyTo: string | null;
}

export interface ChannelSendResult {
  channelMessageId: string;
  status: "sent" | "queued";
}

export interface ChannelAdapter {
  channel: string;
  send(message: OutboundMessage): Promise<ChannelSendResult>;
}

// Real adapters register here (email below); a channel without one goes through the demo adapter,
// which records what would have been sent.
const adapters = new Map<string, ChannelAdapter>();

export function registerChannelAdapter(adapter: ChannelAdapter, channels: readonly string[] = [adapter.channel]): void {
  for (const channel of channels) adapters.set(channel, adapter);
}

export function channelAdapterFor(channel: string): ChannelAdapter {
  return adapters.get(channel) ?? demoChannelAdapter;
}

// Email, storefront-form tickets (answered by email) and staff mail, once SMTP is configured (docs/email.md).
if (appEmailConfig().smtpUrl) {
  registerChannelAdapter(createEmailChannelAdapter({ config: appEmailConfig, queue: getJobQueue }), ["email", "contact_form"]);
  registerChannelAdapter(createStaffEmailAdapter({ config: appEmailConfig, transport: appSmtpTransport }));
}
