// An agent downloads an inbound attachment through the admin-authenticated route: scoped by shop,
// served so that it can run nothing.
import { vi, describe, expect, it } from "vitest";

vi.hoisted(() => {
  process.env.EMAIL_STORAGE_DIR = `.tmp/test-db/${process.env.SHOPDESK_TEST_RUN_ID}/email-download-${process.pid}`; // removed by the global teardown
});

import type { LoaderFunctionArgs } from "@remix-run/node";
import prisma from "../../app/db.server";
import { loader } from "../../app/routes/email.attachments.$attachmentId";
import { appEmailConfig } from "../../app/services/email/config.server";
import { adminRequest } from "../helpers/admin-request";
import { composeMail, emailShop, postRaw, testInboundDeps } from "./support";

describe("email.attachments.$attachmentId", () => {
  it("serves the shop's own attachment with safe headers, and 404 for another shop's", async () => {
    // GIVEN an inbound email with a PDF, kept where the app keeps attachments
    const { shop, alias } = await emailShop(prisma);
    const deps = testInboundDeps(prisma, { ...testInboundDeps(prisma).config, storageDir: appEmailConfig().storageDir });
    const pdf = Buffer.from("%PDF-1.4 receipt");
    const response = await postRaw(deps, await composeMail({ from: "a@example.com", to: alias, subject: "Receipt", text: "Attached", attachments: [{ filename: "领收书.pdf", content: pdf, contentType: "application/pdf" }] }));
    const attachment = await prisma.attachment.findFirstOrThrow({ where: { messageId: response.body.messageId as string } });

    // WHEN an agent of the shop asks for it
    const request = await adminRequest(shop.domain, `/email/attachments/${attachment.id}`);
    const served = await loader({ request, params: { attachmentId: attachment.id }, context: {} } as LoaderFunctionArgs);

    // THEN the bytes come as a download that cannot run
    expect(served.status).toBe(200);
    expect(Buffer.from(await served.arrayBuffer()).equals(pdf)).toBe(true);
    expect(served.headers.get("content-disposition")).toBe(`attachment; filename="___.pdf"; filename*=UTF-8''${encodeURIComponent("领收书.pdf")}`);
    expect(served.headers.get("x-content-type-options")).toBe("nosniff");
    expect(served.headers.get("content-security-policy")).toContain("sandbox");

    // AND an agent of another shop gets nothing
    const other = await emailShop(prisma);
    const foreign = await loader({ request: await adminRequest(other.shop.domain, `/email/attachments/${attachment.id}`), params: { attachmentId: attachment.id }, context: {} } as LoaderFunctionArgs);
    expect(foreign.status).toBe(404);
  });
});
