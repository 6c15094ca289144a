// An inbound email's attachment for the admin (fetched by the embedded app with its session token).
import type { LoaderFunctionArgs } from "@remix-run/node";
import prisma from "../db.server";
import { withServiceErrors } from "../lib/service-errors.server";
import { attachmentResponse } from "../services/email/attachments.server";
import { appEmailConfig } from "../services/email/config.server";
import { blobStoreFor } from "../services/email/storage.server";
import { adminRequestContext } from "../services/request-context.server";
import { authenticate } from "../shopify.server";

export const loader = async ({ request, params }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  return withServiceErrors(async () => {
    const { shop } = await adminRequestContext(prisma, session);
    return attachmentResponse(prisma, blobStoreFor(appEmailConfig()), shop.id, params.attachmentId ?? "");
  });
};
