// Staff mail (SLA escalations to supervisors) through the staff_email adapter and real SMTP.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import prisma from "../../app/db.server";
import { createSmtpTransport } from "../../app/services/email/send-email.server";
import { createStaffEmailAdapter } from "../../app/services/email/staff-email-adapter.server";
import { sendEscalationEmail } from "../../app/services/escalation.server";
import { startMailSink, type MailSink } from "../../dev/mail/sink";
import { createShop, createTicket } from "../factories";
import { testEmailConfig } from "./support";

let sink: MailSink;
beforeAll(async () => {
  sink = await startMailSink();
});
afterAll(async () => {
  await sink?.close();
});

describe("staff email", () => {
  it("mails each supervisor once about a recorded SLA breach, marked auto-generated", async () => {
    // GIVEN a breach recorded on a ticket and a supervisor with an email address
    const shop = await createShop(prisma);
    const ticket = await createTicket(prisma, shop.id, { subject: "Late parcel" });
    await prisma.agent.create({ data: { shopId: shop.id, shopifyStaffId: "s1", name: "Mei Chen", email: "mei@example.com", role: "supervisor" } });
    await prisma.ticketEvent.create({ data: { shopId: shop.id, ticketId: ticket.id, type: "sla_breach", dedupeKey: "sla_breach:first_response:x", data: { target: "first_response" } } });
    const config = testEmailConfig({ smtpUrl: sink.smtpUrl });
    const adapter = createStaffEmailAdapter({ config: () => config, transport: () => createSmtpTransport(sink.smtpUrl) });
    const before = sink.messages.at(-1)?.id ?? 0;

    // WHEN the escalation job's work runs twice (a rerun)
    const payload = { shopId: shop.id, ticketId: ticket.id, eventKey: "sla_breach:first_response:x" };
    expect(await sendEscalationEmail(prisma, payload, new Date(), () => adapter)).toBe("sent");
    expect(await sendEscalationEmail(prisma, payload, new Date(), () => adapter)).toBe("already_sent");

    // THEN one mail reached the supervisor, from the app's sender, marked as not to be auto-answered
    const mails = sink.messages.filter((mail) => mail.id > before);
    expect(mails).toHaveLength(1);
    const parsed = await sink.parse(mails[0]);
    expect(parsed.subject).toBe(`SLA breached: #${ticket.number} Late parcel`);
    expect(parsed.from?.value[0]?.address).toBe(config.from.address);
    expect(mails[0].envelope.to).toEqual(["mei@example.com"]);
    expect(parsed.headers.get("auto-submitted")).toBe("auto-generated");
    expect(parsed.text).toContain("first response target");
  });
});
