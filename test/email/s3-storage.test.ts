// Raw mail and attachments in an S3-compatible bucket, over real HTTP against s3rver (a local S3
// implementation): the SDK's real requests, signatures and responses.
import { S3Client } from "@aws-sdk/client-s3";
import { mkdtemp, rm } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import S3rver from "s3rver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { emailConfigFromEnv } from "../../app/services/email/config.server";
import { blobStoreFor, LocalBlobStore, S3BlobStore } from "../../app/services/email/storage.server";

const BUCKET = "shopdesk-mail";
let server: S3rver;
let directory: string;
let endpoint: string;

beforeAll(async () => {
  directory = await mkdtemp(path.join(tmpdir(), "shopdesk-s3-"));
  server = new S3rver({ port: 0, address: "127.0.0.1", silent: true, directory, configureBuckets: [{ name: BUCKET, configs: [] }] });
  const address = (await server.run()) as AddressInfo;
  endpoint = `http://127.0.0.1:${address.port}`;
});

afterAll(async () => {
  await server?.close();
  await rm(directory, { recursive: true, force: true });
});

function store(prefix = "") {
  // s3rver's fixed development credentials.
  const client = new S3Client({ region: "us-east-1", endpoint, forcePathStyle: true, credentials: { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" } });
  return new S3BlobStore(client, BUCKET, prefix);
}

describe("S3BlobStore", () => {
  it("stores and reads back raw mail and binary attachments, under the prefix", async () => {
    const blobs = store("shop-a/");
    const raw = "From: customer@example.com\r\nSubject: =?UTF-8?B?5ZCI5L2c?=\r\n\r\n你好 👋";
    await blobs.put("raw/2026-11-23/abc.eml", raw);
    const image = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0xff, 0x00]);
    await blobs.put("attachments/s1/m1/1-box.png", image);
    expect((await blobs.get("raw/2026-11-23/abc.eml")).toString("utf8")).toBe(raw);
    expect(await blobs.get("attachments/s1/m1/1-box.png")).toEqual(image);
    await expect(store("shop-b/").get("raw/2026-11-23/abc.eml")).rejects.toThrow();
  });

  it("refuses keys that could escape their place", async () => {
    for (const key of ["../etc/passwd", "raw//x", "/absolute", "raw/../x"]) await expect(store().put(key, "x")).rejects.toThrow(/invalid storage key/);
  });
});

describe("blobStoreFor", () => {
  const env = {
    SHOPIFY_API_SECRET: "secret-secret-secret",
    EMAIL_FROM: "Shopdesk <support@example.com>",
    EMAIL_INBOUND_DOMAIN: "inbound.example.com",
    EMAIL_STORAGE_DIR: "./.data/email",
    EMAIL_ATTACHMENT_MAX_BYTES: 1024,
    EMAIL_MESSAGE_MAX_BYTES: 2048,
    EMAIL_S3_REGION: "eu-central-1",
    EMAIL_S3_PREFIX: "mail/",
    EMAIL_S3_FORCE_PATH_STYLE: "true" as const,
  };

  it("uses the bucket when one is configured, else the local directory", () => {
    const s3 = blobStoreFor(emailConfigFromEnv({ ...env, EMAIL_S3_BUCKET: BUCKET, EMAIL_S3_ENDPOINT: "http://127.0.0.1:9" }));
    expect(s3).toBeInstanceOf(S3BlobStore);
    expect(s3).toMatchObject({ bucket: BUCKET, prefix: "mail/" });
    const local = blobStoreFor(emailConfigFromEnv(env));
    expect(local).toBeInstanceOf(LocalBlobStore);
    expect((local as LocalBlobStore).rootDir).toBe(path.resolve("./.data/email"));
  });
});
