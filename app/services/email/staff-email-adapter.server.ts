// Mail to the shop's staff (SLA escalations to supervisors: channel "staff_email"), not a ticket
// message: sent at once by SMTP. The caller's job records its own sent marker first, so a failure
// here is not retried into a duplicate (see app/services/escalation.server.ts).
import { createHash } from "node:crypto";
import type { ChannelAdapter } from "../channels/channel-adapter";
import type { EmailConfig } from "./config.server";
import { textToHtml } from "./render-html.server";
import type { EmailTransport } from "./send-email.server";

export function createStaffEmailAdapter(deps: { config: () => EmailConfig; transport: () => EmailTransport }): ChannelAdapter {
  return {
    channel: "staff_email",
    async send(message) {
      if (!message.to.email) throw new Error("the staff member has no email address");
      const config = deps.config();
      const messageId = `<shopdesk.staff-${createHash("sha256").update(message.messageId).digest("hex").slice(0, 24)}@${config.inboundDomain}>`;
      await deps.transport().sendMail({
        from: config.from,
        to: { name: message.to.name ?? "", address: message.to.email },
        subject: message.subject,
        messageId,
        text: message.bodyText,
        html: `<!doctype html><html><head><meta charset="utf-8"></head><body>${textToHtml(message.bodyText)}</body></html>`,
        headers: { "Auto-Submitted": "auto-generated", "X-Auto-Response-Suppress": "All" },
      });
      return { channelMessageId: messageId, status: "sent" };
    },
  };
}
