// Where raw inbound mail and attachments are kept. Local disk by default (EMAIL_STORAGE_DIR); for
// production an S3-compatible bucket implements the same two calls (docs/email.md). Keys are built
// by us ("raw/2026-11-23/<uuid>.eml", "attachments/<shop>/<message>/<n>-<name>"), never from input.
import { GetObjectCommand, PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import type { EmailConfig } from "./config.server";

export interface BlobStore {
  put(key: string, data: Buffer | string): Promise<void>;
  get(key: string): Promise<Buffer>;
}

const SAFE_KEY = /^[a-zA-Z0-9][a-zA-Z0-9._/-]*$/;

function checkedKey(key: string): string {
  if (!SAFE_KEY.test(key) || key.split("/").some((part) => part === ".." || part === "")) throw new Error(`invalid storage key ${JSON.stringify(key)}`);
  return key;
}

export class LocalBlobStore implements BlobStore {
  constructor(readonly rootDir: string) {}

  private pathOf(key: string): string {
    return path.join(this.rootDir, checkedKey(key));
  }

  async put(key: string, data: Buffer | string): Promise<void> {
    const file = this.pathOf(key);
    await mkdir(path.dirname(file), { recursive: true });
    // Written aside then renamed: a crash never leaves half a message under the real name.
    const partial = `${file}.partial`;
    await writeFile(partial, data);
    await rename(partial, file);
  }

  get(key: string): Promise<Buffer> {
    return readFile(this.pathOf(key));
  }
}

/** An S3-compatible bucket (AWS S3, Cloudflare R2, MinIO, …): the production store for several app processes. */
export class S3BlobStore implements BlobStore {
  constructor(
    private readonly client: S3Client,
    readonly bucket: string,
    readonly prefix = "",
  ) {}

  async put(key: string, data: Buffer | string): Promise<void> {
    // S3 writes are atomic: a reader sees the whole object or none.
    await this.client.send(new PutObjectCommand({ Bucket: this.bucket, Key: this.prefix + checkedKey(key), Body: data }));
  }

  async get(key: string): Promise<Buffer> {
    const object = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: this.prefix + checkedKey(key) }));
    if (!object.Body) throw new Error(`empty object ${key}`);
    return Buffer.from(await object.Body.transformToByteArray());
  }
}

/** The configured store: the S3 bucket when one is set, else the local directory. */
export function blobStoreFor(config: Pick<EmailConfig, "storageDir" | "s3">): BlobStore {
  const s3 = config.s3;
  if (!s3) return new LocalBlobStore(config.storageDir);
  const client = new S3Client({ region: s3.region, forcePathStyle: s3.forcePathStyle, ...(s3.endpoint ? { endpoint: s3.endpoint } : {}) });
  return new S3BlobStore(client, s3.bucket, s3.prefix);
}

/** A file name that is safe as part of a key: letters, digits, dot, dash, underscore; at most 80 chars. */
export function safeFileName(name: string | null | undefined, fallback: string): string {
  const base = (name ?? "").normalize("NFKD").replace(/[^a-zA-Z0-9._-]+/g, "_").replace(/^[._]+/, "").slice(-80);
  return base || fallback;
}
