// The evidence export (tickets, messages, events as JSONL), the same file `npm run desk -- export` writes.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { authenticate } from "../shopify.server";
import prisma from "../db.server";
import { adminRequestContext } from "../services/request-context.server";
import { withServiceErrors } from "../lib/service-errors.server";
import { exportEvidenceJsonl } from "../services/compliance/evidence.server";
import { CliUsageError, parseSince } from "../services/compliance/evidence-cli.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  return withServiceErrors(async () => {
    const { shop } = await adminRequestContext(prisma, session);
    let since: Date | null;
    try {
      since = parseSince(new URL(request.url).searchParams.get("since") || undefined);
    } catch (error) {
      if (error instanceof CliUsageError) return json({ message: error.message }, { status: 400 });
      throw error;
    }
    const body = await exportEvidenceJsonl(prisma, { shopId: shop.id, shopDomain: shop.domain, since });
    const stamp = (since ?? new Date(0)).toISOString().slice(0, 10);
    return new Response(body, {
      headers: {
        "Content-Type": "application/x-ndjson; charset=utf-8",
        "Content-Disposition": `attachment; filename="shopdesk-evidence-${shop.domain.replace(/[^\w.-]/g, "_")}-since-${stamp}.jsonl"`,
        "Cache-Control": "no-store",
      },
    });
  });
};
