import type { PrismaClient } from "@prisma/client";
import { databaseProvider } from "../db/create-client.server";

export interface DatabaseHealth {
  provider: "sqlite" | "postgresql";
  status: "up" | "down";
  latencyMs: number;
  migrations?: number;
  error?: string;
}

export async function checkDatabase(db: PrismaClient, url: string): Promise<DatabaseHealth> {
  const provider = databaseProvider(url);
  const started = performance.now();
  try {
    const rows = await db.$queryRawUnsafe<{ count: number | bigint }[]>(
      'SELECT COUNT(*) AS count FROM "_prisma_migrations" WHERE finished_at IS NOT NULL',
    );
    return { provider, status: "up", latencyMs: Math.round(performance.now() - started), migrations: Number(rows[0]?.count ?? 0) };
  } catch (error) {
    const message = error instanceof Error ? error.message.split("\n")[0] : String(error);
    return { provider, status: "down", latencyMs: Math.round(performance.now() - started), error: message };
  }
}
