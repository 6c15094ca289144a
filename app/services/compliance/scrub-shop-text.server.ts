// The redaction sweep: every String and Json column of every model that belongs to the shop (found
// from Prisma's data model, so a model added later is covered without touching this file), row by
// row, with the customer's identifiers replaced by the redaction marker.
import { Prisma, type PrismaClient } from "@prisma/client";
import { redactJson, redactText, type CustomerIdentifiers } from "./identifiers";

const PAGE = 500;

interface ModelInfo {
  name: string;
  delegate: string;
  scope: "shopId" | "shopDomain" | "shop";
  textFields: string[];
  jsonFields: string[];
  keyFields: string[];
}

const lowerFirst = (name: string) => name[0]!.toLowerCase() + name.slice(1);

export function shopScopedModels(): ModelInfo[] {
  const models: ModelInfo[] = [];
  for (const model of Prisma.dmmf.datamodel.models) {
    const scalar = model.fields.filter((field) => field.kind === "scalar");
    const names = scalar.map((field) => field.name);
    const scope = names.includes("shopId") ? "shopId" : names.includes("shopDomain") ? "shopDomain" : model.name === "Session" ? "shop" : null;
    if (!scope) continue;
    const textFields = scalar.filter((field) => field.type === "String").map((field) => field.name);
    models.push({
      name: model.name,
      delegate: lowerFirst(model.name),
      scope,
      textFields,
      jsonFields: scalar.filter((field) => field.type === "Json").map((field) => field.name),
      // Rows are addressed by id when there is one, else by all their text values (composite keys).
      keyFields: names.includes("id") ? ["id"] : textFields,
    });
  }
  return models;
}

type Delegate = {
  findMany(args: object): Promise<Record<string, unknown>[]>;
  updateMany(args: object): Promise<{ count: number }>;
};

export async function scrubShopText(db: PrismaClient, shop: { shopId: string; shopDomain: string }, identifiers: CustomerIdentifiers): Promise<number> {
  let changed = 0;
  for (const model of shopScopedModels()) {
    if (model.name === "Session") continue; // staff sessions: no customer data
    const delegate = (db as unknown as Record<string, Delegate>)[model.delegate];
    if (!delegate) continue;
    const where = { [model.scope]: model.scope === "shopId" ? shop.shopId : shop.shopDomain };
    const orderBy = model.keyFields.map((field) => ({ [field]: "asc" }));
    for (let skip = 0; ; skip += PAGE) {
      const rows = await delegate.findMany({ where, orderBy, skip, take: PAGE });
      for (const row of rows) {
        const data: Record<string, unknown> = {};
        for (const field of model.textFields) {
          const value = row[field];
          if (typeof value !== "string") continue;
          const redacted = redactText(value, identifiers);
          if (redacted !== value) data[field] = redacted;
        }
        for (const field of model.jsonFields) {
          const value = row[field];
          if (value === null || value === undefined) continue;
          const redacted = redactJson(value, identifiers);
          if (JSON.stringify(redacted) !== JSON.stringify(value)) data[field] = redacted;
        }
        if (Object.keys(data).length === 0) continue;
        const key = Object.fromEntries(model.keyFields.map((field) => [field, row[field]]));
        await delegate.updateMany({ where: key, data });
        changed += 1;
      }
      if (rows.length < PAGE) break;
    }
  }
  return changed;
}
