import type { IncomingMessage, ServerResponse } from "node:http";
import { hasAdminSchema, loadAdminSchema } from "../admin-schema";
import { buildFixtureShop, type FixtureShop } from "../fixtures/index";
import { LeakyBucket, type ThrottleStatus } from "./cost";
import { executeAdminRequest, type GraphQLRequestBody } from "./execute";
import { EmulatorStore } from "./store";

export type FailureStatus = 401 | 403 | 500 | 503;

export interface EmulatorMode {
  latencyMs: number;
  /** The next N GraphQL requests answer THROTTLED. */
  throttleNext: number;
  /** The next N GraphQL requests fail with `failStatus`. */
  failNext: number;
  failStatus: FailureStatus;
}

export interface EmulatorModeUpdate {
  latencyMs?: number;
  throttleNext?: number;
  failNext?: number;
  status?: FailureStatus;
}

export interface AdminEmulatorOptions {
  shop?: FixtureShop;
  /** If set, only this token is accepted; otherwise any non-empty token is. */
  accessToken?: string;
  latencyMs?: number;
  restoreRate?: number;
  maximumAvailable?: number;
  /** Clock for the leaky bucket and mutation timestamps (tests may freeze it). */
  now?: () => number;
}

export interface EmulatorState {
  store: EmulatorStore;
  mode: Readonly<EmulatorMode>;
  throttleStatus: ThrottleStatus;
  requestCount: number;
}

export interface AdminEmulatorHandler {
  /** Handles the request when the path is the emulator's; resolves false (untouched) otherwise. */
  handle(req: IncomingMessage, res: ServerResponse): Promise<boolean>;
  readonly state: EmulatorState;
  setMode(update: EmulatorModeUpdate): Readonly<EmulatorMode>;
  reset(): void;
}

const GRAPHQL_PATH = /^\/admin\/api\/([^/]+)\/graphql\.json$/;
const INVALID_TOKEN_BODY = { errors: "[API] Invalid API key or access token (unrecognized login or wrong password)" };
const FAILURE_BODIES: Record<FailureStatus, unknown> = {
  401: INVALID_TOKEN_BODY,
  403: { errors: "[API] This action requires merchant approval for the requested scope." },
  500: { errors: "Internal Server Error" },
  503: { errors: "Service Unavailable" },
};

let defaultFixture: FixtureShop | undefined;

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  if (res.destroyed || res.writableEnded) return; // the client gave up (e.g. timed out)
  const payload = JSON.stringify(body);
  res.writeHead(status, { "Content-Type": "application/json; charset=utf-8", "Content-Length": Buffer.byteLength(payload) });
  res.end(payload);
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

function nonNegativeInteger(value: unknown, name: string): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== "number" || !Number.isInteger(value) || value < 0) throw new Error(`${name} must be a non-negative integer`);
  return value;
}

export function createAdminEmulatorHandler(options: AdminEmulatorOptions = {}): AdminEmulatorHandler {
  const fixture = options.shop ?? (defaultFixture ??= buildFixtureShop());
  const nowMs = options.now ?? (() => Date.now());
  const initialMode = (): EmulatorMode => ({ latencyMs: options.latencyMs ?? 0, throttleNext: 0, failNext: 0, failStatus: 503 });
  let store = new EmulatorStore(fixture, () => new Date(nowMs()));
  const bucket = new LeakyBucket(options.maximumAvailable ?? 2000, options.restoreRate ?? 100, nowMs);
  let mode = initialMode();
  let requestCount = 0;

  const setMode = (update: EmulatorModeUpdate): Readonly<EmulatorMode> => {
    const status = update.status;
    if (status !== undefined && ![401, 403, 500, 503].includes(status)) throw new Error("status must be one of 401, 403, 500, 503");
    mode = {
      latencyMs: nonNegativeInteger(update.latencyMs, "latencyMs") ?? mode.latencyMs,
      throttleNext: nonNegativeInteger(update.throttleNext, "throttleNext") ?? mode.throttleNext,
      failNext: nonNegativeInteger(update.failNext, "failNext") ?? mode.failNext,
      failStatus: status ?? mode.failStatus,
    };
    return mode;
  };

  const reset = () => {
    store = new EmulatorStore(fixture, () => new Date(nowMs()));
    bucket.reset();
    mode = initialMode();
    requestCount = 0;
  };

  const state = (): EmulatorState => ({ store, mode, throttleStatus: bucket.status(), requestCount });

  async function handleControl(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    if (path === "/__emulator/state" && req.method === "GET") {
      const snapshot = state();
      return sendJson(res, 200, { mode: snapshot.mode, throttleStatus: snapshot.throttleStatus, requestCount: snapshot.requestCount, shop: store.data.shop.myshopifyDomain });
    }
    if (path === "/__emulator/reset" && req.method === "POST") {
      reset();
      return sendJson(res, 200, { ok: true, mode });
    }
    if (path === "/__emulator/mode" && req.method === "POST") {
      try {
        const raw = await readBody(req);
        return sendJson(res, 200, { ok: true, mode: setMode((raw ? JSON.parse(raw) : {}) as EmulatorModeUpdate) });
      } catch (error) {
        return sendJson(res, 400, { ok: false, error: (error as Error).message });
      }
    }
    return sendJson(res, 404, { errors: "Not Found" });
  }

  async function handleGraphQL(req: IncomingMessage, res: ServerResponse, version: string): Promise<void> {
    requestCount += 1;
    const raw = await readBody(req);
    if (mode.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, mode.latencyMs));
    if (mode.failNext > 0) {
      mode = { ...mode, failNext: mode.failNext - 1 };
      return sendJson(res, mode.failStatus, FAILURE_BODIES[mode.failStatus]);
    }
    const token = req.headers["x-shopify-access-token"];
    const tokenValue = Array.isArray(token) ? token[0] : token;
    if (!tokenValue || (options.accessToken !== undefined && tokenValue !== options.accessToken)) {
      return sendJson(res, 401, INVALID_TOKEN_BODY);
    }
    if (!hasAdminSchema(version)) return sendJson(res, 404, { errors: "Not Found" });
    if (req.method !== "POST") return sendJson(res, 405, { errors: "Method Not Allowed; use POST" });
    let body: GraphQLRequestBody;
    try {
      body = JSON.parse(raw) as GraphQLRequestBody;
    } catch {
      return sendJson(res, 400, { errors: "Invalid JSON in request body" });
    }
    const forceThrottle = mode.throttleNext > 0;
    if (forceThrottle) mode = { ...mode, throttleNext: mode.throttleNext - 1 };
    const response = await executeAdminRequest(body, { schema: loadAdminSchema(version), store, bucket, forceThrottle });
    return sendJson(res, 200, response);
  }

  return {
    async handle(req, res) {
      const path = new URL(req.url ?? "/", "http://emulator.local").pathname;
      if (path.startsWith("/__emulator/")) {
        await handleControl(req, res, path);
        return true;
      }
      const match = GRAPHQL_PATH.exec(path);
      if (!match) return false;
      try {
        await handleGraphQL(req, res, decodeURIComponent(match[1]));
      } catch (error) {
        sendJson(res, 500, { errors: `Admin emulator crashed: ${(error as Error).message}` });
      }
      return true;
    },
    get state() {
      return state();
    },
    setMode,
    reset,
  };
}
