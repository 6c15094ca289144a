// The email ChannelAdapter: a reply is stored already; sending it is the email.send job's work (SMTP
// with retries), so the adapter only queues it and names the Message-ID the mail will carry.
import { scheduleEmailSend } from "../../jobs/definitions/email-send.server";
import type { JobQueue } from "../../jobs/types";
import type { ChannelAdapter } from "../channels/channel-adapter";
import { outboundMessageId } from "./addresses.server";
import type { EmailConfig } from "./config.server";

export function createEmailChannelAdapter(deps: { config: () => EmailConfig; queue: () => JobQueue }): ChannelAdapter {
  return {
    channel: "email",
    async send(message) {
      if (!message.to.email) throw new Error("the customer has no email address");
      await scheduleEmailSend(deps.queue(), { shopId: message.shopId, messageId: message.messageId, subject: message.subject.slice(0, 998) });
      return { channelMessageId: outboundMessageId(message.messageId, deps.config().inboundDomain), status: "queued" };
    },
  };
}
