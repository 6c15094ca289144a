// Where raw inbound mail and attachments are kept. Local disk by default (EMAIL_STORAGE_DIR); for
// production an S3-compatible bucket implements the same two calls (docs/email.md). Keys are built
// by us ("raw/2026-11-23/<uuid>.eml", "attachments/<shop>/<message>/<n>-<name>"), never from input.
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";

export interface BlobStore {
  put(key: string, data: Buffer | string): Promise<void>;
  get(key: string): Promise<Buffer>;
}

const SAFE_KEY = /^[a-zA-Z0-9][a-zA-Z0-9._/-]*$/;

export class LocalBlobStore implements BlobStore {
  constructor(readonly rootDir: string) {}

  private pathOf(key: string): string {
    if (!SAFE_KEY.test(key) || key.split("/").some((part) => part === ".." || part === "")) throw new Error(`invalid storage key ${JSON.stringify(key)}`);
    return path.join(this.rootDir, key);
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

/** A file name that is safe as part of a key: letters, digits, dot, dash, underscore; at most 80 chars. */
export function safeFileName(name: string | null | undefined, fallback: string): string {
  const base = (name ?? "").normalize("NFKD").replace(/[^a-zA-Z0-9._-]+/g, "_").replace(/^[._]+/, "").slice(-80);
  return base || fallback;
}
