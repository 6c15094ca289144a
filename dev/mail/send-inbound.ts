// `npx tsx dev/mail/send-inbound.ts` posts a realistic customer email into the running demo (or app).
//   --app http://localhost:3000        the app (default: $SHOPDESK_APP_URL or http://localhost:3000)
//   --to shopdesk-demo@inbound.shopdesk.localhost
//   --subject "…" --text "…" --from "Name <a@b.c>"
//   --reply-latest http://localhost:3300   answer the newest mail in the demo's mail viewer instead
// Credentials: $EMAIL_INBOUND_USER / $EMAIL_INBOUND_PASSWORD (the demo's by default).
import { simpleParser } from "mailparser";
import { parseArgs } from "node:util";
import { DEMO_SHOP_DOMAIN } from "../../prisma/seed/demo-constants";
import { composeCustomerAnswer, composeNewCustomerEmail, DEMO_INBOUND, demoShopAddress, postInboundEmail } from "./inbound-sender";

const { values } = parseArgs({
  options: {
    app: { type: "string", default: process.env.SHOPDESK_APP_URL ?? "http://localhost:3000" },
    to: { type: "string", default: demoShopAddress(DEMO_SHOP_DOMAIN) },
    from: { type: "string" },
    subject: { type: "string" },
    text: { type: "string" },
    "reply-latest": { type: "string" },
  },
});

async function main() {
  let mime: Buffer;
  if (values["reply-latest"]) {
    const response = await fetch(new URL("/latest.eml", values["reply-latest"]));
    if (!response.ok) throw new Error(`the mail viewer has no mail yet (${response.status})`);
    const original = await simpleParser(Buffer.from(await response.arrayBuffer()));
    mime = await composeCustomerAnswer(original, values.text ?? "Thank you! One more question: can I keep the cracked one?");
  } else {
    mime = await composeNewCustomerEmail({ to: values.to!, from: values.from, subject: values.subject, text: values.text });
  }
  const result = await postInboundEmail({ appUrl: values.app!, user: process.env.EMAIL_INBOUND_USER ?? DEMO_INBOUND.user, password: process.env.EMAIL_INBOUND_PASSWORD ?? DEMO_INBOUND.password }, mime);
  console.log(`[mail] ${result.status}`, JSON.stringify(result.body, null, 2));
  if (result.status >= 300) process.exitCode = 1;
}

main().catch((error: Error) => {
  console.error(`[mail] ${error.message}`);
  process.exit(1);
});
