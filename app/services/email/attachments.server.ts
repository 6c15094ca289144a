// An inbound attachment for the agent's browser: scoped by shop, served as a download that can run
// nothing (attachment disposition except images, nosniff, a sandboxing CSP).
import type { PrismaClient } from "@prisma/client";
import type { BlobStore } from "./storage.server";

const INLINE_TYPES = /^image\/(?:png|jpeg|gif|webp)$/;

export async function attachmentResponse(db: PrismaClient, store: BlobStore, shopId: string, attachmentId: string): Promise<Response> {
  const attachment = await db.attachment.findFirst({ where: { id: attachmentId, shopId } });
  if (!attachment) return new Response("Attachment not found", { status: 404 });
  let data: Buffer;
  try {
    data = await store.get(attachment.storageKey);
  } catch {
    return new Response("The attachment's file is missing from storage", { status: 410 });
  }
  const disposition = INLINE_TYPES.test(attachment.contentType) ? "inline" : "attachment";
  const asciiName = attachment.filename.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return new Response(new Uint8Array(data), {
    headers: {
      "Content-Type": attachment.contentType,
      "Content-Length": String(data.length),
      "Content-Disposition": `${disposition}; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(attachment.filename)}`,
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "default-src 'none'; sandbox",
      "Cache-Control": "private, max-age=300",
    },
  });
}
