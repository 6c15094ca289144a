// Resource route for the composer's "/" search: GET ?q=&ticketId= lists active templates by name,
// keyword or text, each with the variant language the ticket's customer would get.
import { json, type LoaderFunctionArgs } from "@remix-run/node";
import prisma from "../db.server";
import { withServiceErrors } from "../lib/service-errors.server";
import { ensureTemplateLibrary } from "../models/templates-seed.server";
import { searchTemplatesForReply } from "../models/templates.server";
import { adminRequestContext } from "../services/request-context.server";
import { authenticate } from "../shopify.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const url = new URL(request.url);
  return withServiceErrors(async () => {
    const { shop } = await adminRequestContext(prisma, session);
    await ensureTemplateLibrary(prisma, shop.id);
    const ticketId = url.searchParams.get("ticketId") ?? "";
    const ticket = ticketId
      ? await prisma.ticket.findFirst({ where: { id: ticketId, shopId: shop.id }, select: { language: true, customer: { select: { language: true } } } })
      : null;
    const results = await searchTemplatesForReply(prisma, shop.id, {
      query: url.searchParams.get("q")?.slice(0, 200),
      customerLanguage: ticket?.customer?.language ?? ticket?.language ?? null,
      shopLanguage: shop.locale,
      limit: 12,
    });
    return json({ results });
  });
};
