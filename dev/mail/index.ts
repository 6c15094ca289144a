// The demo's email stand-in in one call: the SMTP sink the app sends to, the mail viewer, and the
// environment that points the app at them (dev/demo-server.ts spreads `appEnv` into the app's env).
import path from "node:path";
import { DEMO_INBOUND, demoShopAddress } from "./inbound-sender";
import { startMailSink } from "./sink";
import { startMailViewer } from "./viewer";

export interface DemoMailOptions {
  appUrl: string;
  shopDomain: string;
  smtpPort: number;
  viewerPort: number;
  storageDir: string;
}

export async function startDemoMail(options: DemoMailOptions) {
  const sink = await startMailSink({ port: options.smtpPort });
  const inbound = { appUrl: options.appUrl, user: DEMO_INBOUND.user, password: DEMO_INBOUND.password };
  const viewer = await startMailViewer({ sink, port: options.viewerPort, inbound, shopAddress: demoShopAddress(options.shopDomain) });
  return {
    sink,
    viewerUrl: viewer.origin,
    appEnv: {
      SMTP_URL: sink.smtpUrl,
      EMAIL_INBOUND_DOMAIN: DEMO_INBOUND.domain,
      EMAIL_INBOUND_USER: DEMO_INBOUND.user,
      EMAIL_INBOUND_PASSWORD: DEMO_INBOUND.password,
      EMAIL_STORAGE_DIR: path.resolve(options.storageDir),
    },
    async close() {
      await viewer.close();
      await sink.close();
    },
  };
}
