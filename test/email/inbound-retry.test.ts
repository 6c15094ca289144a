// Nothing that arrived is lost: an email whose processing fails after it was kept answers 503, is
// marked failed, gets a durable retry, and the retry brings it in.
import { describe, expect, it } from "vitest";
import prisma from "../../app/db.server";
import { createEmailInboundRetryJob } from "../../app/jobs/definitions/email-inbound-retry.server";
import { silentLogger } from "../../app/jobs/types";
import type { InboundDeps } from "../../app/services/email/process-inbound.server";
import { composeMail, emailShop, postRaw, testInboundDeps } from "./support";

describe("inbound email retry", () => {
  it("keeps a failed email, schedules a retry, and the retry job processes it", async () => {
    // GIVEN intake is down (the database went away mid-request)
    const { shop, alias } = await emailShop(prisma);
    const working = testInboundDeps(prisma);
    const scheduled: string[] = [];
    const broken: InboundDeps = {
      ...working,
      intake: async () => Promise.reject(new Error("Can't reach database server")),
      scheduleRetry: async (id) => void scheduled.push(id),
    };
    const mime = await composeMail({ from: "later@example.com", to: alias, subject: "Still there?", text: "Hello", messageId: "<later@example.com>" });

    // WHEN the email arrives
    const response = await postRaw(broken, mime);

    // THEN the provider is told to come back, the email is kept and marked, a retry is scheduled
    expect(response.status).toBe(503);
    const id = response.body.inboundEmailId as string;
    expect(await prisma.inboundEmail.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "failed", error: "Can't reach database server" });
    expect(scheduled).toEqual([id]);

    // WHEN the retry job runs with intake back
    const job = createEmailInboundRetryJob(() => working);
    const ctx = { db: prisma, now: new Date(), jobId: "j", attempt: 1, log: silentLogger };
    await job.run({ inboundEmailId: id }, ctx);
    await job.run({ inboundEmailId: id }, { ...ctx, attempt: 2 }); // a rerun changes nothing

    // THEN the email is on a ticket, once
    const row = await prisma.inboundEmail.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ status: "processed", shopId: shop.id, error: null });
    expect(await prisma.message.count({ where: { shopId: shop.id, channelMessageId: "<later@example.com>" } })).toBe(1);
  });

  it("answers 503 when the email cannot even be kept, so the provider delivers it again", async () => {
    const { alias } = await emailShop(prisma);
    const working = testInboundDeps(prisma);
    const full: InboundDeps = { ...working, store: { put: async () => Promise.reject(new Error("ENOSPC: no space left on device")), get: working.store.get } };
    const before = await prisma.inboundEmail.count();
    const response = await postRaw(full, await composeMail({ from: "x@example.com", to: alias, subject: "Hi", text: "Hello" }));
    expect(response).toMatchObject({ status: 503, body: { status: "failed", error: "the email could not be stored; deliver it again later" } });
    expect(await prisma.inboundEmail.count()).toBe(before);
  });

  it("leaves a rejected email alone (bad input is not retried by itself)", async () => {
    const deps = testInboundDeps(prisma);
    const rejected = await postRaw(deps, Buffer.from("garbage without headers"));
    expect(rejected.status).toBe(422);
    const id = rejected.body.inboundEmailId as string;
    await createEmailInboundRetryJob(() => deps).run({ inboundEmailId: id }, { db: prisma, now: new Date(), jobId: "j", attempt: 1, log: silentLogger });
    expect(await prisma.inboundEmail.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "rejected", error: expect.stringMatching(/not a MIME message/) });
  });
});
