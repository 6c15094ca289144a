// The environment, parsed once at boot. A missing or invalid variable stops the process with one line
// naming it (see docs/decisions/005-configuration.md for every variable).
import { z } from "zod";

const DEFAULT_SCOPES =
  "read_customers,read_orders,read_all_orders,write_orders,read_fulfillments,read_inventory,read_products,write_app_proxy";

const databaseUrl = z
  .string()
  .refine((url) => url.startsWith("file:") || /^postgres(ql)?:\/\//.test(url), {
    message: "must start with file: (SQLite) or postgresql:// (PostgreSQL)",
  });

function required(what: string) {
  const message = `is required (${what})`;
  return z.string({ required_error: message }).min(1, message);
}

export const envSchema = z
  .object({
    NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
    SHOPIFY_API_KEY: required("the app's client id from the Partner Dashboard"),
    SHOPIFY_API_SECRET: required("the app's client secret from the Partner Dashboard"),
    SHOPIFY_APP_URL: required("the app's public https URL").url("must be the app's public https URL"),
    SCOPES: z.string().default(DEFAULT_SCOPES),
    DATABASE_URL: databaseUrl.default("file:./prisma/dev.sqlite"),
    LOG_LEVEL: z.enum(["trace", "debug", "info", "warn", "error", "fatal", "silent"]).default("info"),
    JOB_RUNNER: z.enum(["embedded", "bullmq"]).default("embedded"),
    // With the embedded runner: "false" makes app processes enqueue only (web role), `npm run worker` runs the jobs.
    APP_RUNS_JOBS: z.enum(["true", "false"]).default("true"),
    REDIS_URL: z.string().url().optional(),
    // Development stand-ins (dev/): refused in production.
    SHOPIFY_ADMIN_API_ORIGIN: z.string().url().optional(),
    APP_BRIDGE_SCRIPT_URL: z.string().url().optional(),
    SHOPIFY_ADMIN_FRAME_ORIGIN: z.string().url().optional(),
    // Email channel (docs/email.md). Without SMTP_URL replies go through the demo adapter.
    SMTP_URL: z.string().regex(/^smtps?:\/\//, "must start with smtp:// or smtps://").optional(),
    EMAIL_FROM: z.string().default("Shopdesk <support@shopdesk.localhost>"),
    EMAIL_INBOUND_DOMAIN: z.string().default("inbound.shopdesk.localhost"),
    EMAIL_REPLY_TOKEN_SECRET: z.string().min(16).optional(),
    EMAIL_INBOUND_USER: z.string().min(1).optional(),
    EMAIL_INBOUND_PASSWORD: z.string().min(1).optional(),
    EMAIL_SENDGRID_URL_SECRET: z.string().min(16).optional(),
    MAILGUN_SIGNING_KEY: z.string().min(1).optional(),
    EMAIL_STORAGE_DIR: z.string().default("./.data/email"),
    // An S3-compatible bucket instead of EMAIL_STORAGE_DIR (credentials from the AWS SDK's usual chain:
    // AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY, an instance role, …).
    EMAIL_S3_BUCKET: z.string().min(3).optional(),
    EMAIL_S3_ENDPOINT: z.string().url().optional(),
    EMAIL_S3_REGION: z.string().min(1).default("us-east-1"),
    EMAIL_S3_PREFIX: z.string().regex(/^([a-zA-Z0-9._-]+\/)*$/, "must be empty or end with / (letters, digits, . _ -)").default(""),
    EMAIL_S3_FORCE_PATH_STYLE: z.enum(["true", "false"]).default("false"),
    EMAIL_ATTACHMENT_MAX_BYTES: z.coerce.number().int().positive().default(10 * 1024 * 1024),
    EMAIL_MESSAGE_MAX_BYTES: z.coerce.number().int().positive().default(25 * 1024 * 1024),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === "production") {
      for (const key of ["SHOPIFY_ADMIN_API_ORIGIN", "APP_BRIDGE_SCRIPT_URL", "SHOPIFY_ADMIN_FRAME_ORIGIN"] as const) {
        if (env[key]) ctx.addIssue({ code: "custom", path: [key], message: "is a development stand-in and is refused in production" });
      }
    }
    // Mail from or to *.localhost never arrives: the email channel needs real addresses in production.
    if (env.NODE_ENV === "production" && env.SMTP_URL) {
      for (const key of ["EMAIL_FROM", "EMAIL_INBOUND_DOMAIN"] as const) {
        if (/\.localhost>?$/.test(env[key].trim())) ctx.addIssue({ code: "custom", path: [key], message: "must be a real domain when SMTP_URL is set in production" });
      }
    }
    if (env.JOB_RUNNER === "bullmq" && !env.REDIS_URL) {
      ctx.addIssue({ code: "custom", path: ["REDIS_URL"], message: "is required when JOB_RUNNER=bullmq" });
    }
  });

export type Env = z.infer<typeof envSchema>;

/** Parses an environment; returns one human line per problem instead of throwing. */
export function parseEnv(source: Record<string, string | undefined>): { env: Env } | { problems: string[] } {
  const result = envSchema.safeParse(source);
  if (result.success) return { env: result.data };
  return {
    problems: result.error.issues.map((issue) => `${issue.path.join(".") || "environment"} ${issue.message}`),
  };
}

function loadEnvOrExit(): Env {
  const parsed = parseEnv(process.env);
  if ("env" in parsed) return parsed.env;
  // One clear line, then a non-zero exit: a stack trace is not a configuration message.
  console.error(`Shopdesk cannot start: ${parsed.problems.join("; ")}. See .env.example.`);
  process.exit(1);
}

export const env: Env = loadEnvOrExit();
