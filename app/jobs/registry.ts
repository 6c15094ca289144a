// Typed job definitions: a name, a zod schema for the payload and an idempotent handler. Both runners
// run the same definitions; the payload is validated when the job runs (it was stored as JSON).
import type { z } from "zod";
import type { EnqueueOptions, EnqueueResult, JobContext, JobQueue } from "./types";

/** What a runner needs: the name and a run that validates the stored payload (a bad one is a PermanentJobError). */
export interface RunnableJob {
  readonly name: string;
  run(payload: unknown, ctx: JobContext): Promise<void>;
}

export interface JobDefinition<Payload> extends RunnableJob {
  readonly schema: z.ZodType<Payload, z.ZodTypeDef, unknown>;
  readonly handler: (payload: Payload, ctx: JobContext) => Promise<void>;
}

/** A handler's failure that retrying cannot fix (bad payload, missing configuration): the job goes dead now. */
export class PermanentJobError extends Error {
  override name = "PermanentJobError";
}

export function defineJob<Payload>(
  name: string,
  schema: z.ZodType<Payload, z.ZodTypeDef, unknown>,
  handler: (payload: Payload, ctx: JobContext) => Promise<void>,
): JobDefinition<Payload> {
  return {
    name,
    schema,
    handler,
    async run(payload, ctx) {
      const parsed = schema.safeParse(payload);
      if (!parsed.success) {
        const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")} ${issue.message}`).join("; ");
        throw new PermanentJobError(`invalid payload for ${name}: ${problems}`);
      }
      await handler(parsed.data, ctx);
    },
  };
}

export type JobHandlers = ReadonlyMap<string, RunnableJob>;

export function jobHandlers(definitions: readonly RunnableJob[]): JobHandlers {
  const handlers = new Map<string, RunnableJob>();
  for (const definition of definitions) {
    if (handlers.has(definition.name)) throw new Error(`Job ${definition.name} is defined twice`);
    handlers.set(definition.name, definition);
  }
  return handlers;
}

/** Enqueues a job with its payload checked against the definition at compile time and at run time. */
export function enqueueJob<Payload>(
  queue: JobQueue,
  definition: JobDefinition<Payload>,
  payload: Payload,
  options?: EnqueueOptions,
): Promise<EnqueueResult> {
  definition.schema.parse(payload);
  return queue.enqueue(definition.name, payload, options);
}

export function errorMessage(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`.slice(0, 2000);
  return String(error).slice(0, 2000);
}
