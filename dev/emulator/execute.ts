import {
  GraphQLError,
  execute,
  getOperationAST,
  parse,
  validate,
  type DocumentNode,
  type ExecutionResult,
  type GraphQLFieldResolver,
  type GraphQLSchema,
} from "graphql";
import { type LeakyBucket, MAX_SINGLE_QUERY_COST, actualQueryCost, requestedQueryCost, type CostExtension } from "./cost";
import { mutationRoot, queryRoot } from "./root";
import type { EmulatorStore } from "./store";

export interface GraphQLRequestBody {
  query?: unknown;
  variables?: unknown;
  operationName?: unknown;
}

export interface AdminResponseBody {
  data?: unknown;
  errors?: unknown[];
  extensions?: { cost: CostExtension };
}

/**
 * Property lookup that refuses to invent nulls: a field the emulator has no property for is an error
 * naming the field, so a query that relies on unimplemented data fails loudly in tests.
 */
export const strictFieldResolver: GraphQLFieldResolver<unknown, unknown> = (source, args, context, info) => {
  if (source !== null && typeof source === "object" && Object.hasOwn(source, info.fieldName)) {
    const value = (source as Record<string, unknown>)[info.fieldName];
    return typeof value === "function" ? (value as (...params: unknown[]) => unknown).call(source, args, context, info) : value;
  }
  throw new GraphQLError(`Admin emulator: field ${info.parentType.name}.${info.fieldName} is not implemented`, {
    extensions: { code: "NOT_IMPLEMENTED" },
  });
};

const THROTTLED_ERROR = {
  message: "Throttled",
  extensions: { code: "THROTTLED", documentation: "https://shopify.dev/api/usage/rate-limits" },
};

export interface ExecuteOptions {
  schema: GraphQLSchema;
  store: EmulatorStore;
  bucket: LeakyBucket;
  /** Simulated throttle: answer THROTTLED as if the bucket were empty, without touching the real bucket. */
  forceThrottle: boolean;
}

export async function executeAdminRequest(body: GraphQLRequestBody, options: ExecuteOptions): Promise<AdminResponseBody> {
  const { schema, store, bucket } = options;
  if (typeof body.query !== "string" || body.query.trim() === "") {
    return { errors: [{ message: "Parameter query is required", extensions: { code: "BAD_REQUEST" } }] };
  }
  const variables = (body.variables && typeof body.variables === "object" ? body.variables : {}) as Record<string, unknown>;
  const operationName = typeof body.operationName === "string" && body.operationName ? body.operationName : undefined;

  let document: DocumentNode;
  try {
    document = parse(body.query);
  } catch (error) {
    return { errors: [(error as GraphQLError).toJSON()] };
  }
  const validationErrors = validate(schema, document);
  if (validationErrors.length > 0) return { errors: validationErrors.map((error) => error.toJSON()) };
  const operation = getOperationAST(document, operationName);
  if (!operation) return { errors: [{ message: "Could not determine which operation to run (operationName missing or unknown)" }] };

  const requested = requestedQueryCost(schema, document, operation, variables);
  const costWith = (actual: number | null, currentlyAvailable = bucket.currentlyAvailable()): CostExtension => ({
    requestedQueryCost: requested,
    actualQueryCost: actual,
    throttleStatus: { maximumAvailable: bucket.maximumAvailable, currentlyAvailable, restoreRate: bucket.restoreRate },
  });
  if (requested > MAX_SINGLE_QUERY_COST) {
    return {
      errors: [{
        message: `Query cost is ${requested}, which exceeds the single query max cost limit (${MAX_SINGLE_QUERY_COST}).`,
        extensions: { code: "MAX_COST_EXCEEDED", cost: requested, maxCost: MAX_SINGLE_QUERY_COST },
      }],
      extensions: { cost: costWith(null) },
    };
  }
  if (options.forceThrottle) return { errors: [THROTTLED_ERROR], extensions: { cost: costWith(null, 0) } };
  if (!bucket.tryTake(requested)) return { errors: [THROTTLED_ERROR], extensions: { cost: costWith(null) } };

  const isMutation = operation.operation === "mutation";
  const result: ExecutionResult = await execute({
    schema,
    document,
    operationName,
    variableValues: variables,
    rootValue: isMutation ? mutationRoot(store) : queryRoot(store),
    fieldResolver: strictFieldResolver,
  });
  const actual = actualQueryCost(result.data, requested, isMutation);
  bucket.refund(requested - actual);
  return {
    ...(result.errors ? { errors: result.errors.map((error) => error.toJSON()) } : {}),
    data: result.data ?? null,
    extensions: { cost: costWith(actual) },
  };
}
