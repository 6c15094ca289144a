// The whole demo on one machine, no network and no Shopify account: a fresh SQLite database with the
// seeded demo shop, the local Shopify stand-in, and the app (Remix dev server) wired to it.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";
import { createPrismaClient } from "../app/db/create-client.server";
import { buildFixtureShop } from "./fixtures";
import { startDemoMail } from "./mail";
import { startShopifyStandin } from "./standin";
import { startStorefrontPreview } from "./storefront/preview-server";
import { seedDemoShop } from "../prisma/seed/demo-shop";
import { DEMO_ACCESS_TOKEN, DEMO_API_KEY, DEMO_API_SECRET } from "../prisma/seed/demo-constants";

const root = path.resolve(import.meta.dirname, "..");
const port = Number(process.env.PORT || 3000);
const standinPort = Number(process.env.STANDIN_PORT || port + 100);
// DEMO_DATABASE_FILE lets the browser tests run a demo beside a developer's own.
const databaseFile = path.resolve(root, process.env.DEMO_DATABASE_FILE ?? path.join("prisma", "demo.sqlite"));
const databaseUrl = `file:${databaseFile}`;
const appUrl = `http://localhost:${port}`;

function log(message: string) {
  console.log(`[demo] ${message}`);
}

function fail(message: string): never {
  console.error(`[demo] ${message}`);
  process.exit(1);
}

async function waitForHealth(url: string, child: ChildProcess, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) fail(`the app exited with code ${child.exitCode} before it answered ${url}`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  fail(`the app did not answer ${url} within ${timeoutMs / 1000} s`);
}

async function main() {
  log("preparing a fresh SQLite database (prisma migrate deploy)…");
  for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(`${databaseFile}${suffix}`, { force: true });
  const migrate = spawnSync(path.join(root, "node_modules", ".bin", "prisma"), ["migrate", "deploy"], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: databaseUrl },
    encoding: "utf8",
  });
  if (migrate.status !== 0) fail(`prisma migrate deploy failed:\n${migrate.stdout}${migrate.stderr}`);

  log("seeding the demo shop…");
  const fixture = buildFixtureShop();
  const db = await createPrismaClient(databaseUrl);
  await seedDemoShop(db, fixture);
  await db.$disconnect();

  const standin = await startShopifyStandin({
    port: standinPort,
    appUrl,
    apiKey: DEMO_API_KEY,
    apiSecret: DEMO_API_SECRET,
    accessToken: DEMO_ACCESS_TOKEN,
    fixture,
  }).catch((error: Error) => fail(`cannot start the Shopify stand-in on port ${standinPort}: ${error.message}`));
  log(`Shopify stand-in (Admin API emulator, admin frame) on ${standin.origin}`);
  // The storefront: the theme extension's blocks from the published metafields, the form through a signed app proxy.
  const storefront = await startStorefrontPreview({ port: Number(process.env.STOREFRONT_PORT || port + 200), appUrl, adminOrigin: standin.origin, accessToken: DEMO_ACCESS_TOKEN, apiSecret: DEMO_API_SECRET, shopDomain: fixture.shop.myshopifyDomain, shopName: fixture.shop.name, timezone: fixture.shop.ianaTimezone, databaseUrl });
  log(`storefront preview (theme blocks, contact form via the app proxy) on ${storefront.origin}/pages/contact`);
  // Email: what the app sends lands in a local SMTP sink, shown by the mail viewer (dev/mail, docs/email.md).
  const mail = await startDemoMail({ appUrl, shopDomain: fixture.shop.myshopifyDomain, smtpPort: Number(process.env.SMTP_SINK_PORT || port + 325), viewerPort: Number(process.env.MAIL_VIEWER_PORT || port + 300), storageDir: path.join(root, "dev", ".data", "mail") });
  log(`mail: SMTP sink ${mail.sink.smtpUrl}, sent mail on ${mail.viewerUrl}`);

  // Started from a browser test, the environment says VITEST: that would switch Remix's Vite plugin off.
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith("VITEST")));
  const app = spawn(path.join(root, "node_modules", ".bin", "remix"), ["vite:dev", "--port", String(port), "--strictPort"], {
    cwd: root,
    stdio: ["ignore", "inherit", "inherit"],
    env: {
      ...inherited,
      NODE_ENV: "development",
      PORT: String(port),
      SHOPIFY_API_KEY: DEMO_API_KEY,
      SHOPIFY_API_SECRET: DEMO_API_SECRET,
      SHOPIFY_APP_URL: appUrl,
      DATABASE_URL: databaseUrl,
      SHOPIFY_ADMIN_API_ORIGIN: standin.origin,
      APP_BRIDGE_SCRIPT_URL: `${standin.origin}/app-bridge.js`,
      APP_BRIDGE_URL: `${standin.origin}/app-bridge.js`, // read by the library's own bounce and exit-iframe pages
      SHOPIFY_ADMIN_FRAME_ORIGIN: standin.origin,
      ...mail.appEnv,
    },
  });
  const shutdown = async () => {
    app.kill("SIGTERM");
    await standin.close();
    await mail.close();
    process.exit(0);
  };
  process.on("SIGINT", () => void shutdown());
  process.on("SIGTERM", () => void shutdown());

  await waitForHealth(`${appUrl}/healthz`, app);
  log("ready.");
  console.log(`\n  Open Shopdesk in the local Shopify admin:  ${standin.origin}/admin\n  (中文界面: ${standin.origin}/admin?locale=zh-CN)   Health: ${appUrl}/healthz   Webhooks: ${standin.origin}/webhooks\n`);
}

main().catch((error: Error) => fail(error.message));
