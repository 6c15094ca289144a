// Delivery reports (multipart/report) about mail we sent: the report quotes the original headers, so
// our Message-ID in it names the message that bounced. The report then joins that ticket, and a
// failed delivery marks the message "bounced" with the reason the receiving server gave.
import type { PrismaClient } from "@prisma/client";
import { messageIdOfOurs } from "./addresses.server";
import type { ParsedInboundEmail } from "./parse-inbound.server";

const OUR_ID_ANYWHERE = /<shopdesk\.[a-z0-9_-]+@[^>\s]+>/gi;
const REPORT_PARTS = ["message/rfc822", "text/rfc822-headers", "message/delivery-status", "message/global-headers"];

export interface DeliveryReport {
  /** Our Message-IDs quoted in the report ("<shopdesk.…@…>"). */
  messageIds: string[];
  failed: boolean;
  reason: string | null;
}

export function readDeliveryReport(parsed: ParsedInboundEmail): DeliveryReport | null {
  if (parsed.contentType !== "multipart/report") return null;
  const texts = [parsed.text, ...parsed.attachments.filter((part) => REPORT_PARTS.includes(part.contentType)).map((part) => part.content.toString("utf8"))];
  const all = texts.join("\n");
  const messageIds = [...new Set(all.match(OUR_ID_ANYWHERE) ?? [])];
  const status = /^Status:\s*([245]\.\d{1,3}\.\d{1,3})/im.exec(all)?.[1] ?? null;
  const diagnostic = /^Diagnostic-Code:\s*(.+)$/im.exec(all)?.[1]?.trim() ?? null;
  const failed = /^Action:\s*failed/im.test(all) || Boolean(status?.startsWith("5"));
  const reason = [status && `Status ${status}`, diagnostic].filter(Boolean).join(": ") || null;
  return { messageIds, failed, reason };
}

/** Marks the reported messages of this shop as bounced; returns how many. */
export async function recordBounce(db: PrismaClient, shopId: string, report: DeliveryReport): Promise<number> {
  if (!report.failed) return 0;
  const ids = report.messageIds.map(messageIdOfOurs).filter((id): id is string => id !== null);
  if (ids.length === 0) return 0;
  const { count } = await db.message.updateMany({
    where: { shopId, id: { in: ids }, direction: "outbound" },
    data: { deliveryStatus: "bounced", deliveryError: (report.reason ?? "the receiving server reported a failed delivery").slice(0, 500) },
  });
  return count;
}
