// For route tests whose page asks the Admin API: the local emulator over real HTTP, with the app's
// Admin client pointed at it (SHOPIFY_ADMIN_API_ORIGIN) for the tests of the calling file.
import { afterAll, beforeAll } from "vitest";
import { startAdminEmulator, type RunningAdminEmulator, type StartAdminEmulatorOptions } from "../../dev/emulator";
import { buildFixtureShop } from "../../dev/fixtures";

export function adminEmulatorForRoutes(options: Omit<StartAdminEmulatorOptions, "port"> = {}): () => RunningAdminEmulator {
  let emulator: RunningAdminEmulator | undefined;
  beforeAll(async () => {
    emulator = await startAdminEmulator({ shop: buildFixtureShop(), ...options, port: 0 });
    process.env.SHOPIFY_ADMIN_API_ORIGIN = emulator.origin;
  });
  afterAll(async () => {
    delete process.env.SHOPIFY_ADMIN_API_ORIGIN;
    await emulator?.close();
  });
  return () => {
    if (!emulator) throw new Error("the Admin emulator starts in beforeAll");
    return emulator;
  };
}
