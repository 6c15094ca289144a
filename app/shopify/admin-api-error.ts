import type { CostExtension } from "./admin-client.server";

export type AdminApiErrorKind =
  | "unauthorized"
  | "forbidden"
  | "throttled"
  | "server"
  | "timeout"
  | "network"
  | "graphql"
  /** Any other HTTP status (e.g. 404 for an unknown shop or API version, 402/423 for frozen or locked shops). */
  | "http";

export interface GraphQLErrorEntry {
  message: string;
  path?: readonly (string | number)[];
  extensions?: { code?: string } & Record<string, unknown>;
}

/** Every failure of the Admin client, classified so callers can decide (re-auth, back off, show an error). */
export class AdminApiError extends Error {
  readonly kind: AdminApiErrorKind;
  readonly status?: number;
  readonly shop: string;
  readonly graphQLErrors: readonly GraphQLErrorEntry[];
  readonly cost?: CostExtension;

  constructor(
    message: string,
    details: { kind: AdminApiErrorKind; shop: string; status?: number; graphQLErrors?: readonly GraphQLErrorEntry[]; cost?: CostExtension; cause?: unknown },
  ) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = "AdminApiError";
    this.kind = details.kind;
    this.status = details.status;
    this.shop = details.shop;
    this.graphQLErrors = details.graphQLErrors ?? [];
    this.cost = details.cost;
  }
}
