import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { createAdminEmulatorHandler, type AdminEmulatorHandler, type AdminEmulatorOptions, type EmulatorMode, type EmulatorModeUpdate } from "./handler";

export interface StartAdminEmulatorOptions extends AdminEmulatorOptions {
  /** 0 picks a free port. */
  port?: number;
  host?: "127.0.0.1";
}

export interface RunningAdminEmulator {
  /** e.g. http://127.0.0.1:3101 — pass as the Admin client's `origin`. */
  origin: string;
  close(): Promise<void>;
  setMode(update: EmulatorModeUpdate): Readonly<EmulatorMode>;
  handler: AdminEmulatorHandler;
}

export async function startAdminEmulator(options: StartAdminEmulatorOptions = {}): Promise<RunningAdminEmulator> {
  const handler = createAdminEmulatorHandler(options);
  const server = createServer((req, res) => {
    handler.handle(req, res).then(
      (handled) => {
        if (!handled) {
          res.writeHead(404, { "Content-Type": "application/json" });
          res.end(JSON.stringify({ errors: "Not Found" }));
        }
      },
      (error: unknown) => {
        if (!res.headersSent) res.writeHead(500, { "Content-Type": "application/json" });
        res.end(JSON.stringify({ errors: String(error) }));
      },
    );
  });
  const host = options.host ?? "127.0.0.1";
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://${host}:${port}`,
    handler,
    setMode: (update) => handler.setMode(update),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections(); // keep-alive sockets from fetch would otherwise hold close() open
      }),
  };
}
