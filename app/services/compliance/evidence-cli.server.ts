// `npm run desk -- export --shop <domain> [--since <date>] [--out <file>]` and `npm run desk -- import <file>`:
// evidence retention from the command line (JSONL; see evidence.server.ts). The database comes from
// DATABASE_URL (like the app), without the Shopify configuration the app itself needs.
import type { PrismaClient } from "@prisma/client";
import { createWriteStream } from "node:fs";
import { readFile } from "node:fs/promises";
import { once } from "node:events";
import { createPrismaClient } from "../../db/create-client.server";
import { evidenceRecords, importEvidenceJsonl, toJsonLine } from "./evidence.server";

export class CliUsageError extends Error {
  override name = "CliUsageError";
}

async function withDatabase<T>(work: (db: PrismaClient) => Promise<T>): Promise<T> {
  const db = await createPrismaClient(process.env.DATABASE_URL || "file:./prisma/dev.sqlite");
  try {
    return await work(db);
  } finally {
    await db.$disconnect();
  }
}

export function parseSince(value: string | undefined): Date | null {
  if (!value) return null;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) throw new CliUsageError(`--since must be a date like 2026-11-01 or 2026-11-01T00:00:00Z, not "${value}"`);
  return date;
}

/** Streams the JSONL to `out` (stdout by default); returns the number of records written. */
export async function runEvidenceExport(options: { shop: string; since?: string; out?: string }): Promise<number> {
  const since = parseSince(options.since);
  return withDatabase(async (db) => {
    const shop = await db.shop.findUnique({ where: { domain: options.shop } });
    if (!shop) throw new CliUsageError(`no shop ${options.shop} in this database`);
    const stream = options.out ? createWriteStream(options.out, { encoding: "utf8" }) : process.stdout;
    let records = 0;
    for await (const record of evidenceRecords(db, { shopId: shop.id, shopDomain: shop.domain, since })) {
      if (!stream.write(`${toJsonLine(record)}\n`)) await once(stream, "drain");
      records += 1;
    }
    if (options.out) await new Promise<void>((resolve, reject) => (stream as ReturnType<typeof createWriteStream>).end((error?: Error | null) => (error ? reject(error) : resolve())));
    return records;
  });
}

export async function runEvidenceImport(file: string) {
  const text = await readFile(file, "utf8");
  return withDatabase((db) => importEvidenceJsonl(db, text));
}
