import { pino, type Logger } from "pino";
import { env } from "../../env.server";

// Structured logs for ingestion (reasons for 400s, processing failures); LOG_LEVEL=silent in tests.
export const webhookLog: Logger = pino({ level: env.LOG_LEVEL, base: { component: "webhooks" } });
