/** Test helpers: node:http servers on ephemeral ports for the admin-frame tests. */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export type Listener = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

export interface RunningServer {
  origin: string;
  setListener(listener: Listener): void;
  close(): Promise<void>;
}

/** Starts a server first so its origin is known before the handler that needs it is built. */
export async function startServer(host = "127.0.0.1"): Promise<RunningServer> {
  let current: Listener = (_req, res) => void res.writeHead(503).end();
  const server: Server = createServer((req, res) => {
    Promise.resolve(current(req, res)).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500);
      res.end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://${host === "127.0.0.1" ? "127.0.0.1" : host}:${port}`,
    setListener(listener) { current = listener; },
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}

export async function readRequestBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}
