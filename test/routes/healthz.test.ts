import { describe, expect, it } from "vitest";
import type { PrismaClient } from "@prisma/client";
import { loader } from "../../app/routes/healthz";
import { checkDatabase } from "../../app/services/health.server";
import { createPrismaClient } from "../../app/db/create-client.server";

describe("/healthz", () => {
  it("answers 200 with the database status and applied migrations", async () => {
    const response = await loader();
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({ status: "ok", database: { status: "up" } });
    expect(body.database.migrations).toBeGreaterThanOrEqual(2);
  });

  it("reports a database that does not answer as down (503 from the route)", async () => {
    const broken = { $queryRawUnsafe: async () => Promise.reject(new Error("connect ECONNREFUSED 127.0.0.1:5432\nstack…")) } as unknown as PrismaClient;
    const health = await checkDatabase(broken, "postgresql://localhost:5432/shopdesk");
    expect(health).toMatchObject({ provider: "postgresql", status: "down", error: "connect ECONNREFUSED 127.0.0.1:5432" });
  });

  it("names a missing SQLite database instead of creating an empty one", async () => {
    await expect(createPrismaClient("file:/tmp/shopdesk-does-not-exist/x.sqlite")).rejects.toThrow(/does not exist: run `npm run setup`/);
  });
});
