// The benchmark's floor: the least a webhook endpoint can do — node:http, verify the HMAC, insert the
// delivery row with better-sqlite3 directly (prepared statement, WAL), answer 200. Same table as the app.
import Database from "better-sqlite3";
import { createHmac, randomUUID, timingSafeEqual } from "node:crypto";
import { createServer } from "node:http";

const secret = process.env.SHOPIFY_API_SECRET!;
const file = process.env.BENCH_SQLITE_FILE!;
const db = new Database(file);
db.pragma("journal_mode = WAL");
db.pragma("busy_timeout = 5000");
const insert = db.prepare(
  `INSERT INTO "WebhookDelivery" (id, webhookId, eventId, shopDomain, topic, apiVersion, triggeredAt, payload, status, attempts, receivedAt) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'received', 0, ?)`,
);

const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on("data", (chunk: Buffer) => chunks.push(chunk));
  req.on("end", () => {
    const body = Buffer.concat(chunks);
    const given = Buffer.from(String(req.headers["x-shopify-hmac-sha256"] ?? ""), "base64");
    const expected = createHmac("sha256", secret).update(body).digest();
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      res.writeHead(401);
      res.end();
      return;
    }
    try {
      insert.run(randomUUID(), req.headers["x-shopify-webhook-id"], req.headers["x-shopify-event-id"] ?? null, req.headers["x-shopify-shop-domain"], req.headers["x-shopify-topic"], req.headers["x-shopify-api-version"] ?? null, Date.now(), body.toString("utf8"), Date.now());
      res.writeHead(200);
    } catch (error) {
      res.writeHead((error as { code?: string }).code === "SQLITE_CONSTRAINT_UNIQUE" ? 200 : 500);
    }
    res.end();
  });
});
server.keepAliveTimeout = 60_000;
server.listen(0, "127.0.0.1", () => {
  const address = server.address();
  process.stdout.write(`listening ${typeof address === "object" && address ? address.port : 0}\n`);
});
