import type { EmulatorStore } from "./store";
import { metafieldDigest } from "./store";
import { nodeById } from "./root";
import { appNamespace, metafieldView } from "./views-shop";
import type { View } from "./views-common";

interface MetafieldsSetInput {
  ownerId: string;
  namespace?: string | null;
  key: string;
  type?: string | null;
  value: string;
  compareDigest?: string | null;
}

interface MetafieldsSetUserError {
  field: string[];
  message: string;
  code: string;
  elementIndex: number | null;
}

const MAX_METAFIELDS_PER_CALL = 25;
const MAX_JSON_BYTES = 128 * 1024; // 2026-04+ cap for json metafields

function valueError(type: string, value: string): string | null {
  switch (type) {
    case "json":
      if (Buffer.byteLength(value, "utf8") > MAX_JSON_BYTES) return `Value is too long (maximum is ${MAX_JSON_BYTES} bytes).`;
      try {
        JSON.parse(value);
        return null;
      } catch {
        return "Value is invalid JSON.";
      }
    case "boolean":
      return value === "true" || value === "false" ? null : "Value must be true or false.";
    case "number_integer":
      return /^-?\d+$/.test(value) ? null : "Value must be an integer.";
    case "number_decimal":
      return /^-?\d+(\.\d+)?$/.test(value) ? null : "Value must be a decimal.";
    default:
      return null;
  }
}

function metafieldsSet(store: EmulatorStore, inputs: MetafieldsSetInput[]): View {
  const shop = store.data.shop;
  const userErrors: MetafieldsSetUserError[] = [];
  if (inputs.length > MAX_METAFIELDS_PER_CALL) {
    userErrors.push({ field: ["metafields"], message: `Exceeded the maximum metafields input limit of ${MAX_METAFIELDS_PER_CALL}.`, code: "LESS_THAN_OR_EQUAL_TO", elementIndex: null });
  }
  inputs.forEach((input, index) => {
    const fieldPath = (name: string) => ["metafields", String(index), name];
    const namespace = appNamespace(shop, input.namespace);
    const existing = store.metafield(input.ownerId, namespace, input.key);
    // The emulator stores app-data metafields only; that is all the app writes.
    if (input.ownerId !== shop.appInstallationId) {
      userErrors.push({ field: fieldPath("ownerId"), message: "Owner does not exist or is not supported by the Admin emulator (use currentAppInstallation.id).", code: "INVALID", elementIndex: index });
      return;
    }
    const type = input.type ?? existing?.type;
    if (!type) {
      userErrors.push({ field: fieldPath("type"), message: "Type can't be blank.", code: "BLANK", elementIndex: index });
      return;
    }
    if (input.key.length < 2 || input.key.length > 64) {
      userErrors.push({ field: fieldPath("key"), message: "Key must be between 2 and 64 characters.", code: "INVALID", elementIndex: index });
    }
    const problem = valueError(type, input.value);
    if (problem) userErrors.push({ field: fieldPath("value"), message: problem, code: problem.includes("too long") ? "TOO_LONG" : "INVALID_VALUE", elementIndex: index });
    if (input.compareDigest != null && (!existing || metafieldDigest(existing) !== input.compareDigest)) {
      userErrors.push({ field: fieldPath("compareDigest"), message: "The resource has been updated since it was loaded. Try again with an updated `compareDigest` value.", code: "STALE_OBJECT", elementIndex: index });
    }
  });
  // metafieldsSet is atomic: any error means nothing is written.
  if (userErrors.length > 0) return { __typename: "MetafieldsSetPayload", metafields: [], userErrors };
  const saved = inputs.map((input) =>
    store.upsertMetafield({
      ownerId: input.ownerId,
      namespace: appNamespace(shop, input.namespace),
      key: input.key,
      type: (input.type ?? store.metafield(input.ownerId, appNamespace(shop, input.namespace), input.key)?.type) as string,
      value: input.value,
    }),
  );
  return { __typename: "MetafieldsSetPayload", metafields: saved.map(metafieldView), userErrors: [] };
}

function taggable(store: EmulatorStore, id: string): { tags: string[]; updatedAt?: string } | undefined {
  if (id.startsWith("gid://shopify/Order/")) return store.order(id);
  if (id.startsWith("gid://shopify/Customer/")) return store.customer(id);
  if (id.startsWith("gid://shopify/Product/")) return store.product(id);
  return undefined;
}

function changeTags(store: EmulatorStore, args: { id: string; tags: string[] }, typename: string, apply: (current: string[], tags: string[]) => string[]): View {
  const target = taggable(store, args.id);
  if (!target) return { __typename: typename, node: null, userErrors: [{ __typename: "UserError", field: ["id"], message: "Resource not found" }] };
  // Shopify splits comma-separated entries and trims whitespace.
  const tags = args.tags.flatMap((entry) => entry.split(",")).map((tag) => tag.trim()).filter(Boolean);
  target.tags = apply(target.tags, tags);
  if ("updatedAt" in target) target.updatedAt = store.nowIso();
  return { __typename: typename, node: nodeById(store, args.id), userErrors: [] };
}

function orderUpdate(store: EmulatorStore, input: { id: string; note?: string | null; tags?: string[] | null; email?: string | null }): View {
  const order = store.order(input.id);
  if (!order) return { __typename: "OrderUpdatePayload", order: null, userErrors: [{ __typename: "UserError", field: ["id"], message: "Order does not exist" }] };
  if (input.note !== undefined) order.note = input.note;
  if (input.tags != null) order.tags = [...new Set(input.tags.map((tag) => tag.trim()).filter(Boolean))];
  if (input.email != null) order.email = input.email;
  order.updatedAt = store.nowIso();
  return { __typename: "OrderUpdatePayload", order: nodeById(store, order.id), userErrors: [] };
}

export function mutationRoot(store: EmulatorStore): View {
  return {
    __typename: "Mutation",
    metafieldsSet: (args: { metafields: MetafieldsSetInput[] }) => metafieldsSet(store, args.metafields),
    tagsAdd: (args: { id: string; tags: string[] }) =>
      changeTags(store, args, "TagsAddPayload", (current, tags) => [...new Set([...current, ...tags])]),
    tagsRemove: (args: { id: string; tags: string[] }) =>
      changeTags(store, args, "TagsRemovePayload", (current, tags) => current.filter((tag) => !tags.includes(tag))),
    orderUpdate: (args: { input: { id: string; note?: string | null; tags?: string[] | null; email?: string | null } }) => orderUpdate(store, args.input),
  };
}
