// One Prisma client per process. SQLite (embedded default) or PostgreSQL, chosen by DATABASE_URL;
// both through driver adapters, so no native Prisma engine is needed (docs/decisions/002-prisma-offline.md).
import type { PrismaClient } from "@prisma/client";
import { createPrismaClient } from "./db/create-client.server";
import { env } from "./env.server";

declare global {
   
  var prismaGlobal: PrismaClient | undefined;
}

const prisma: PrismaClient = globalThis.prismaGlobal ?? (await createPrismaClient(env.DATABASE_URL));
if (env.NODE_ENV !== "production") globalThis.prismaGlobal = prisma;

export default prisma;
