// The app side of the webhook benchmark: the real route action (app/routes/webhooks.orders.updated.tsx:
// authenticate.webhook, delivery row, job) behind a bare node:http adapter, in its own process.
// Remix's router is left out; everything the route does is in. Started by run.ts with the environment set.
import { createServer } from "node:http";

const { action } = await import("../../app/routes/webhooks.orders.updated");
const port = Number(process.env.BENCH_PORT ?? 0);

const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on("data", (chunk: Buffer) => chunks.push(chunk));
  req.on("end", () => {
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) if (typeof value === "string") headers.set(name, value);
    const request = new Request(`http://127.0.0.1${req.url}`, { method: req.method, headers, body: Buffer.concat(chunks) });
    action({ request, params: {}, context: {} })
      .catch((thrown: unknown) => {
        if (thrown instanceof Response) return thrown;
        throw thrown;
      })
      .then(async (response: Response) => {
        res.writeHead(response.status);
        res.end(await response.text());
      })
      .catch((error: unknown) => {
        res.writeHead(500);
        res.end(String(error));
      });
  });
});
server.keepAliveTimeout = 60_000;
server.listen(port, "127.0.0.1", () => {
  const address = server.address();
  process.stdout.write(`listening ${typeof address === "object" && address ? address.port : port}\n`);
});
// A clean exit on SIGTERM, so --cpu-prof gets its profile written.
process.once("SIGTERM", () => process.exit(0));
