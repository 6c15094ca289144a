// The local Shopify stand-in: one node:http server with the Admin API emulator, the admin frame,
// the App Bridge stand-in, session tokens and the webhook sender page. Development and tests only.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createAdminEmulatorHandler, type AdminEmulatorHandler } from "./emulator";
import { createAdminFrameHandler, DEMO_USERS } from "./admin-frame";
import type { FixtureShop } from "./fixtures";

export interface ShopifyStandinOptions {
  port: number;
  host?: string;
  appUrl: string;
  apiKey: string;
  apiSecret: string;
  accessToken: string;
  fixture: FixtureShop;
}

export interface RunningShopifyStandin {
  origin: string;
  emulator: AdminEmulatorHandler;
  close(): Promise<void>;
}

export async function startShopifyStandin(options: ShopifyStandinOptions): Promise<RunningShopifyStandin> {
  const host = options.host ?? "localhost";
  const server: Server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const origin = `http://${host}:${port}`;
  const emulator = createAdminEmulatorHandler({ shop: options.fixture, accessToken: options.accessToken });
  const frame = createAdminFrameHandler({
    appUrl: options.appUrl,
    apiKey: options.apiKey,
    apiSecret: options.apiSecret,
    shop: options.fixture.shop.myshopifyDomain,
    users: DEMO_USERS,
    standinOrigin: origin,
  });
  server.on("request", (req, res) => {
    void (async () => {
      try {
        if (await emulator.handle(req, res)) return;
        if (await frame.handle(req, res)) return;
        res.writeHead(404, { "Content-Type": "text/plain" }).end(`Not found on the Shopify stand-in: ${req.url}`);
      } catch (error) {
        res.writeHead(500, { "Content-Type": "text/plain" }).end(`Shopify stand-in error: ${(error as Error).message}`);
      }
    })();
  });
  return {
    origin,
    emulator,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
