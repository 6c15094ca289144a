// shopify.app.toml must agree with the code: the pinned API version, the scopes, and a handler per webhook.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ADMIN_API_VERSION } from "../../app/shopify/api-version";
import { envSchema } from "../../app/env.server";
import { postgresSchemaFrom } from "../../prisma/postgresql-schema";
import { APP_PROXY_PATH } from "../../app/domain/storefront/storefront-data";

const root = path.resolve(import.meta.dirname, "..", "..");
const toml = readFileSync(path.join(root, "shopify.app.toml"), "utf8");

describe("shopify.app.toml", () => {
  it("pins the same Admin API version as the code", () => {
    expect(toml).toContain(`api_version = "${ADMIN_API_VERSION}"`);
  });

  it("requests exactly the scopes the app is configured with", () => {
    const scopes = /scopes = "([^"]+)"/.exec(toml)?.[1];
    const defaults = envSchema.parse({ SHOPIFY_API_KEY: "k", SHOPIFY_API_SECRET: "s", SHOPIFY_APP_URL: "https://a.example" }).SCOPES;
    expect(scopes).toBe(defaults);
  });

  it("declares every webhook with a '# Handled by:' route that exists", () => {
    const blocks = [...toml.matchAll(/# Handled by: (\S+)\n\s+\[\[webhooks\.subscriptions\]\]\n(?:\s+\w+ = .+\n)+/g)];
    const subscriptions = toml.match(/\[\[webhooks\.subscriptions\]\]/g) ?? [];
    expect(blocks.length).toBe(subscriptions.length);
    for (const block of blocks) {
      const handler = block[1]!;
      expect(existsSync(path.join(root, handler)), handler).toBe(true);
      const uri = /uri = "([^"]+)"/.exec(block[0])?.[1];
      // Flat route file name ↔ URI: /webhooks/app/uninstalled ↔ webhooks.app.uninstalled.tsx
      expect(path.basename(handler, ".tsx")).toBe(uri!.slice(1).replaceAll("/", "."));
    }
  });

  it("proxies the storefront's /apps/shopdesk/* to the app's /proxy/* routes the widget posts to", () => {
    const proxy = /\[app_proxy\]\n(?:#.*\n)?url = "([^"]+)"\nprefix = "([^"]+)"\nsubpath = "([^"]+)"/.exec(toml);
    expect(proxy).not.toBeNull();
    expect(new URL(proxy![1]!).pathname).toBe("/proxy");
    expect(`/${proxy![2]}/${proxy![3]}`).toBe(APP_PROXY_PATH);
    expect(existsSync(path.join(root, "app", "routes", "proxy.contact.tsx"))).toBe(true);
    expect(toml).toContain("write_app_proxy");
  });
});

describe("prisma schemas", () => {
  it("the PostgreSQL schema is the generated twin of the SQLite schema", () => {
    const sqlite = readFileSync(path.join(root, "prisma", "schema.prisma"), "utf8");
    const postgres = readFileSync(path.join(root, "prisma", "postgresql", "schema.prisma"), "utf8");
    expect(postgres).toBe(postgresSchemaFrom(sqlite));
  });

  it("both migration folders hold the same migrations", () => {
    const names = (dir: string) => readdirSync(dir).filter((name) => /^\d{14}_/.test(name)).sort();
    expect(names(path.join(root, "prisma", "migrations"))).toEqual(names(path.join(root, "prisma", "postgresql", "migrations")));
  });
});

describe("production server compatibility", () => {
  it("uses json() from @remix-run/node, never Response.json (remix-serve's Response has no static json)", () => {
    const sources = (readdirSync(path.join(root, "app"), { recursive: true }) as string[]).filter((file) => /\.tsx?$/.test(file));
    const hits = sources.filter((file) => readFileSync(path.join(root, "app", file), "utf8").includes(["Response", "json("].join(".")));
    expect(hits).toEqual([]);
  });
});
