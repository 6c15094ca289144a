// Prisma CLI configuration for PostgreSQL (production). Use: prisma <command> --config prisma/postgresql/prisma.config.ts
import "dotenv/config";
import path from "node:path";
import { defineConfig } from "prisma/config";
import { PgMigrateAdapterFactory } from "../adapter-workarounds";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join(import.meta.dirname, "schema.prisma"),
  migrations: { path: path.join(import.meta.dirname, "migrations") },
  async adapter() {
    const url = process.env.DATABASE_URL;
    if (!url?.startsWith("postgres")) throw new Error("DATABASE_URL must be a postgresql:// URL for this config");
    return new PgMigrateAdapterFactory(url);
  },
});
