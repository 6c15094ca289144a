// Prisma CLI configuration for the embedded default (SQLite). PostgreSQL: prisma/postgresql/prisma.config.ts.
import "dotenv/config";
import path from "node:path";
import { defineConfig } from "prisma/config";
import { SqliteMigrateAdapterFactory } from "./prisma/adapter-workarounds";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  async adapter() {
    return new SqliteMigrateAdapterFactory({ url: process.env.DATABASE_URL ?? "file:./prisma/dev.sqlite" });
  },
});
