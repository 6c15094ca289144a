// Inbound email: Mailgun route forward() (multipart or urlencoded), signed with MAILGUN_SIGNING_KEY. See docs/email.md.
import { json } from "@remix-run/node";
import type { ActionFunctionArgs } from "@remix-run/node";
import prisma from "../db.server";
import { handleInboundRequest } from "../services/email/inbound-request.server";
import { appInboundRequestDeps } from "../services/email/app-inbound.server";

export const action = ({ request }: ActionFunctionArgs) => handleInboundRequest(request, "mailgun", appInboundRequestDeps(prisma));

export const loader = () => json({ error: "POST an email here" }, { status: 405, headers: { Allow: "POST" } });
