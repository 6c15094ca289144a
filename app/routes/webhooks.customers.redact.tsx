import type { ActionFunctionArgs } from "@remix-run/node";
import { receiveWebhook } from "../services/webhooks/receive.server";

// Verified, recorded and acknowledged at once; the work runs on the job runner (docs/webhooks.md).
export const action = ({ request }: ActionFunctionArgs) => receiveWebhook(request);
