// Liveness and database status for load balancers and the demo: 200 when the database answers, else 503.
import { json } from "@remix-run/node";
import prisma from "../db.server";
import { env } from "../env.server";
import { checkDatabase } from "../services/health.server";

export const loader = async () => {
  const database = await checkDatabase(prisma, env.DATABASE_URL);
  const body = { status: database.status === "up" ? "ok" : "degraded", database };
  return json(body, { status: database.status === "up" ? 200 : 503, headers: { "Cache-Control": "no-store" } });
};
