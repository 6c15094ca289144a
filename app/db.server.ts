// One Prisma client per process. SQLite (embedded default) or PostgreSQL, chosen by DATABASE_URL;
// both through driver adapters, so no native Prisma engine is needed (docs/decisions/002-prisma-offline.md).
import type { PrismaClient } from "@prisma/client";
import { createPrismaClient } from "./db/create-client.server";
import { env } from "./env.server";

declare global {
  var prismaGlobal: PrismaClient | undefined;
}

async function connectOrExit(): Promise<PrismaClient> {
  try {
    return await createPrismaClient(env.DATABASE_URL);
  } catch (error) {
    // Like a bad environment: one line that says what to do, then a non-zero exit.
    console.error(`Shopdesk cannot start: ${(error as Error).message}`);
    process.exit(1);
  }
}

const prisma: PrismaClient = globalThis.prismaGlobal ?? (await connectOrExit());
if (env.NODE_ENV !== "production") globalThis.prismaGlobal = prisma;

export default prisma;
