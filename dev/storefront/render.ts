// Renders the theme app extension's blocks (extensions/support-widget) with liquidjs the way a
// Shopify storefront would: app.metafields.<namespace>.<key>.value, request.locale, block.settings,
// the `t` filter over the extension's locale files, asset_url/stylesheet_tag, and `date` in the shop's
// zone with an injectable clock. Development and tests only: Shopify renders the real thing.
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { Liquid, Tag, type Emitter, type TagToken, type TopLevelToken, type Context } from "liquidjs";

export const EXTENSION_DIR = path.resolve(import.meta.dirname, "..", "..", "extensions", "support-widget");

type Strings = Record<string, unknown>;

export interface BlockSchemaSetting {
  id: string;
  type: string;
  default?: unknown;
}
export interface BlockSchema {
  name: string;
  target: "section" | "head" | "body";
  settings: BlockSchemaSetting[];
}

export interface ExtensionRenderOptions {
  /** Visitor's storefront locale (request.locale.iso_code). */
  locale: string;
  /** Parsed values of the app-data metafields, by key (namespace `shopdesk`). */
  metafields: Record<string, unknown>;
  /** The shop's IANA zone: Shopify's `date` filter works in it. */
  timezone: string;
  now?: () => Date;
  /** URL prefix the extension's assets are served from. */
  assetBase?: string;
  namespace?: string;
}

function readLocales(dir: string): { storefront: Map<string, Strings>; defaultLocale: string } {
  const storefront = new Map<string, Strings>();
  let defaultLocale = "en";
  for (const file of readdirSync(path.join(dir, "locales"))) {
    if (file.endsWith(".schema.json")) continue;
    const isDefault = file.endsWith(".default.json");
    const locale = file.replace(/\.default\.json$|\.json$/, "");
    if (isDefault) defaultLocale = locale;
    storefront.set(locale, JSON.parse(readFileSync(path.join(dir, "locales", file), "utf8")) as Strings);
  }
  return { storefront, defaultLocale };
}

function lookup(strings: Strings | undefined, key: string): string | undefined {
  let node: unknown = strings;
  for (const part of key.split(".")) {
    if (!node || typeof node !== "object") return undefined;
    node = (node as Strings)[part];
  }
  return typeof node === "string" ? node : undefined;
}

/** The block's `{% schema %}` JSON. */
export function readBlockSchema(blockName: string, dir = EXTENSION_DIR): BlockSchema {
  const source = readFileSync(path.join(dir, "blocks", `${blockName}.liquid`), "utf8");
  const match = /\{%-?\s*schema\s*-?%\}([\s\S]*?)\{%-?\s*endschema\s*-?%\}/.exec(source);
  if (!match) throw new Error(`blocks/${blockName}.liquid has no schema`);
  return JSON.parse(match[1]!) as BlockSchema;
}

export function defaultSettings(schema: BlockSchema): Record<string, unknown> {
  return Object.fromEntries(schema.settings.map((setting) => [setting.id, setting.default ?? (setting.type === "checkbox" ? false : "")]));
}

export class ExtensionRenderer {
  private readonly liquid: Liquid;
  private readonly locales: ReturnType<typeof readLocales>;

  constructor(
    private readonly options: ExtensionRenderOptions,
    private readonly dir = EXTENSION_DIR,
  ) {
    this.locales = readLocales(dir);
    this.liquid = new Liquid({
      root: [path.join(dir, "blocks")],
      partials: [path.join(dir, "snippets")],
      extname: ".liquid",
      strictFilters: true,
      ownPropertyOnly: true,
      timezoneOffset: options.timezone,
      relativeReference: false,
    });
    this.registerShopifyLiquid();
  }

  private registerShopifyLiquid(): void {
    const { options, locales } = this;
    const now = options.now ?? (() => new Date());
    const builtinDate = this.liquid.filters.date as unknown as (this: unknown, input: unknown, ...args: unknown[]) => unknown;
    // {% schema %} is read by Shopify, not rendered.
    this.liquid.registerTag(
      "schema",
      class extends Tag {
        constructor(token: TagToken, remainTokens: TopLevelToken[], liquid: Liquid) {
          super(token, remainTokens, liquid);
          while (remainTokens.length) {
            const next = remainTokens.shift()!;
            if ((next as TagToken).name === "endschema") return;
          }
          throw new Error("{% schema %} without {% endschema %}");
        }
        *render(_ctx: Context, _emitter: Emitter): Generator<unknown, void, unknown> {}
      },
    );
    this.liquid.registerFilter("t", (key: string, ...args: unknown[]) => {
      const strings = locales.storefront.get(options.locale) ?? locales.storefront.get(locales.defaultLocale);
      const template = lookup(strings, key) ?? lookup(locales.storefront.get(locales.defaultLocale), key);
      if (template === undefined) return `translation missing: ${options.locale}.${key}`;
      const values = Object.fromEntries(args.filter(Array.isArray).map((pair) => [String((pair as unknown[])[0]), (pair as unknown[])[1]]));
      return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_whole, name: string) => String(values[name] ?? ""));
    });
    const assetBase = options.assetBase ?? "/extensions/support-widget/assets";
    this.liquid.registerFilter("asset_url", (file: string) => `${assetBase}/${encodeURIComponent(file)}`);
    this.liquid.registerFilter("stylesheet_tag", (url: string) => `<link href="${url}" rel="stylesheet" type="text/css" media="all" />`);
    this.liquid.registerFilter("date", function (this: unknown, input: unknown, ...rest: unknown[]) {
      return builtinDate.call(this, input === "now" ? now() : input, ...rest);
    });
  }

  /** Globals every storefront template sees. */
  private globals(): Record<string, unknown> {
    const namespace = this.options.namespace ?? "shopdesk";
    const fields = Object.fromEntries(Object.entries(this.options.metafields).map(([key, value]) => [key, { value }]));
    return {
      app: { metafields: { [namespace]: fields } },
      request: { locale: { iso_code: this.options.locale } },
    };
  }

  async renderBlock(blockName: string, settings: Record<string, unknown> = {}, blockId = `${blockName}-1`): Promise<string> {
    const schema = readBlockSchema(blockName, this.dir);
    const block = { id: blockId, settings: { ...defaultSettings(schema), ...settings }, shopify_attributes: "" };
    return this.liquid.renderFile(blockName, { block }, { globals: this.globals() });
  }

  /** Renders any Liquid source (an app proxy's `application/liquid` answer) with the same globals. */
  async renderSource(source: string): Promise<string> {
    return this.liquid.parseAndRender(source, {}, { globals: this.globals() });
  }
}
