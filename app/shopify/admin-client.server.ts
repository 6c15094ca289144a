import { ClientError, GraphQLClient } from "graphql-request";
import { AdminApiError, type GraphQLErrorEntry } from "./admin-api-error";
import { ADMIN_API_VERSION } from "./api-version";
import type { TypedDocument } from "./typed-document";

export { AdminApiError } from "./admin-api-error";
export type { AdminApiErrorKind, GraphQLErrorEntry } from "./admin-api-error";
export type { TypedDocument } from "./typed-document";

export interface ThrottleStatus {
  maximumAvailable: number;
  currentlyAvailable: number;
  restoreRate: number;
}

export interface CostExtension {
  requestedQueryCost: number;
  actualQueryCost: number | null;
  throttleStatus: ThrottleStatus;
}

/** pino-compatible (object first, message second). */
export interface AdminClientLogger {
  warn(details: Record<string, unknown>, message: string): void;
}

export interface AdminClientOptions {
  /** myshopify domain, e.g. "shopdesk-demo.myshopify.com". */
  shop: string;
  accessToken: string;
  /** Development stand-in origin (see resolveAdminOrigin); defaults to https://<shop>. */
  origin?: string;
  fetch?: typeof fetch;
  timeoutMs?: number;
  /** Retries for THROTTLED answers; 5xx/network errors get min(3, maxRetries). */
  maxRetries?: number;
  sleep?: (ms: number) => Promise<void>;
  /** Source of jitter in [0, 1); injectable for deterministic tests. */
  random?: () => number;
  logger?: AdminClientLogger;
}

export interface AdminResponse<TData> {
  data: TData;
  cost?: CostExtension;
}

export interface AdminRequestOptions {
  /** Once aborted, no further retries start; an attempt already sent still completes (its answer may warm a cache). */
  stopRetrying?: AbortSignal;
}

export interface AdminClient {
  readonly endpoint: string;
  request<TData, TVariables = Record<string, unknown>>(
    document: TypedDocument<TData, TVariables> | string,
    variables?: TVariables,
    options?: AdminRequestOptions,
  ): Promise<AdminResponse<TData>>;
}

/** The same client, with every request's retries stopped once `signal` aborts (work abandoned at a deadline). */
export function withStopRetrying(admin: AdminClient, signal: AbortSignal): AdminClient {
  return {
    endpoint: admin.endpoint,
    request: (document, variables, options) => admin.request(document, variables, { ...options, stopRetrying: signal }),
  };
}

const MAX_TRANSIENT_RETRIES = 3;
const BACKOFF_BASE_MS = 250;
const BACKOFF_CAP_MS = 4000;
const JITTER_MS = 250;

/**
 * SHOPIFY_ADMIN_API_ORIGIN points the client at the local Admin emulator. It must never leak into
 * production, where it would send merchant tokens to another host.
 */
export function resolveAdminOrigin(env: Record<string, string | undefined> = process.env): string | undefined {
  const origin = env.SHOPIFY_ADMIN_API_ORIGIN?.trim();
  if (!origin) return undefined;
  if (env.NODE_ENV === "production") {
    throw new Error("SHOPIFY_ADMIN_API_ORIGIN is a development stand-in and is refused in production");
  }
  return origin.replace(/\/+$/, "");
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function readCost(extensions: unknown): CostExtension | undefined {
  const cost = (extensions as { cost?: CostExtension } | undefined)?.cost;
  return cost && typeof cost.requestedQueryCost === "number" && cost.throttleStatus ? cost : undefined;
}

function classify(error: unknown, shop: string, timedOut: boolean, timeoutMs: number): AdminApiError {
  if (timedOut) return new AdminApiError(`Admin API request for shop ${shop} timed out after ${timeoutMs} ms`, { kind: "timeout", shop, cause: error });
  if (error instanceof ClientError) {
    const { status } = error.response;
    const cost = readCost(error.response.extensions);
    const graphQLErrors = (Array.isArray(error.response.errors) ? error.response.errors : []) as unknown as GraphQLErrorEntry[];
    if (status === 401) return new AdminApiError(`Admin API 401 for shop ${shop}: access token rejected`, { kind: "unauthorized", status, shop, cause: error });
    if (status === 403) return new AdminApiError(`Admin API 403 for shop ${shop}: access denied (missing scope or merchant approval)`, { kind: "forbidden", status, shop, cause: error });
    if (status === 429) return new AdminApiError(`Admin API 429 for shop ${shop}: too many requests`, { kind: "throttled", status, shop, cost, cause: error });
    if (status >= 500) return new AdminApiError(`Admin API ${status} for shop ${shop}: server error`, { kind: "server", status, shop, cause: error });
    if (status >= 300) return new AdminApiError(`Admin API ${status} for shop ${shop}: unexpected HTTP status`, { kind: "http", status, shop, cause: error });
    if (graphQLErrors.some((entry) => entry.extensions?.code === "THROTTLED")) {
      return new AdminApiError(`Admin API throttled for shop ${shop}`, { kind: "throttled", status, shop, cost, graphQLErrors, cause: error });
    }
    const messages = graphQLErrors.map((entry) => entry.message).join("; ") || "unknown GraphQL error";
    return new AdminApiError(`Admin API GraphQL error for shop ${shop}: ${messages}`, { kind: "graphql", status, shop, cost, graphQLErrors, cause: error });
  }
  if (error instanceof SyntaxError || (error instanceof Error && error.message.startsWith("Invalid execution result"))) {
    return new AdminApiError(`Admin API for shop ${shop} returned an unreadable response`, { kind: "server", shop, cause: error });
  }
  const reason = error instanceof Error ? ((error.cause as Error | undefined)?.message ?? error.message) : String(error);
  return new AdminApiError(`Admin API network error for shop ${shop}: ${reason}`, { kind: "network", shop, cause: error });
}

/** The single way the app talks to the Admin GraphQL API: typed documents, throttle-aware retries, classified errors. */
export function createAdminClient(options: AdminClientOptions): AdminClient {
  const { shop, accessToken, timeoutMs = 10_000, maxRetries = 5, sleep = defaultSleep, random = Math.random, logger } = options;
  const origin = (options.origin ?? `https://${shop}`).replace(/\/+$/, "");
  const endpoint = `${origin}/admin/api/${ADMIN_API_VERSION}/graphql.json`;
  const client = new GraphQLClient(endpoint, {
    headers: { "X-Shopify-Access-Token": accessToken },
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  const transientRetries = Math.min(MAX_TRANSIENT_RETRIES, maxRetries);

  async function attempt<TData>(document: string, variables: unknown): Promise<AdminResponse<TData>> {
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    try {
      const response = await client.rawRequest<TData>({
        query: document,
        // graphql-request's variables type is a conditional type over the document; a plain record is what it sends.
        variables: variables as Record<string, unknown> as never,
        signal: controller.signal,
      });
      return { data: response.data, cost: readCost(response.extensions) };
    } catch (error) {
      throw classify(error, shop, timedOut, timeoutMs);
    } finally {
      clearTimeout(timer);
    }
  }

  return {
    endpoint,
    async request<TData, TVariables>(document: TypedDocument<TData, TVariables> | string, variables?: TVariables, options?: AdminRequestOptions) {
      let throttledAttempts = 0;
      let transientAttempts = 0;
      for (;;) {
        try {
          return await attempt<TData>(document, variables);
        } catch (error) {
          if (!(error instanceof AdminApiError) || options?.stopRetrying?.aborted) throw error;
          let waitMs: number | undefined;
          if (error.kind === "throttled" && throttledAttempts < maxRetries) {
            throttledAttempts += 1;
            const cost = error.cost;
            // Wait until the bucket holds what this query asks for: (requested − available) / restoreRate.
            const deficitMs = cost
              ? (Math.max(0, cost.requestedQueryCost - cost.throttleStatus.currentlyAvailable) / Math.max(1, cost.throttleStatus.restoreRate)) * 1000
              : 1000 * throttledAttempts;
            waitMs = Math.ceil(deficitMs + random() * JITTER_MS);
          } else if ((error.kind === "server" || error.kind === "network") && transientAttempts < transientRetries) {
            transientAttempts += 1;
            waitMs = Math.ceil(Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** (transientAttempts - 1)) + random() * JITTER_MS);
          }
          if (waitMs === undefined) throw error;
          logger?.warn({ shop, kind: error.kind, status: error.status, waitMs, cost: error.cost }, "Admin API request failed; retrying");
          await sleep(waitMs);
          if (options?.stopRetrying?.aborted) throw error;
        }
      }
    },
  };
}
