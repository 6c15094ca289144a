// Download of one customer data export (JSON), as built from a customers/data_request webhook.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { authenticate } from "../shopify.server";
import prisma from "../db.server";
import { adminRequestContext } from "../services/request-context.server";
import { withServiceErrors } from "../lib/service-errors.server";
import { findDataExport } from "../services/compliance/privacy-page.server";

export const loader = async ({ request, params }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  return withServiceErrors(async () => {
    const { shop } = await adminRequestContext(prisma, session);
    const row = await findDataExport(prisma, shop.id, params.exportId ?? "");
    if (!row) return json({ message: "No such data export" }, { status: 404 });
    if (row.status !== "ready" || !row.content) return json({ message: "This export is not ready yet" }, { status: 409 });
    return new Response(row.content, {
      headers: {
        "Content-Type": "application/json; charset=utf-8",
        "Content-Disposition": `attachment; filename="shopdesk-customer-data-${row.id}.json"`,
        "Cache-Control": "no-store",
      },
    });
  });
};
