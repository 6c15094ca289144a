import { GraphQLError } from "graphql";
import type { InventoryItemRecord, InventoryLevelRecord, LocationRecord, ProductRecord, VariantRecord } from "../fixtures/index";
import { paginate, type ConnectionArgs } from "./connection";
import type { EmulatorStore } from "./store";
import { decimal, legacyResourceId, type View } from "./views-common";

const QUANTITY_NAMES = ["available", "on_hand", "committed", "incoming", "reserved", "damaged", "safety_stock", "quality_control"] as const;

function quantityOf(level: InventoryLevelRecord, name: string): number {
  switch (name) {
    case "available": return level.available;
    case "on_hand": return level.onHand;
    case "committed": return level.committed;
    case "incoming": return level.incoming;
    default: return 0; // reserved, damaged, safety_stock, quality_control are not modelled
  }
}

export function locationView(store: EmulatorStore, location: LocationRecord): View {
  return {
    __typename: "Location",
    id: location.id,
    legacyResourceId: legacyResourceId(location.id),
    name: location.name,
    isActive: location.isActive,
    fulfillsOnlineOrders: true,
    address: { __typename: "LocationAddress", city: location.city, countryCode: location.countryCode, formatted: [location.city, location.countryCode] },
    inventoryLevels: (args: ConnectionArgs) => {
      const levels = store.allVariants().flatMap((variant) =>
        variant.inventoryItem.levels.filter((level) => level.locationId === location.id).map((level) => ({ item: variant.inventoryItem, level })),
      );
      return paginate(levels, args, ({ item }) => item.id, ({ item, level }) => inventoryLevelView(store, item, level));
    },
  };
}

export function inventoryLevelView(store: EmulatorStore, item: InventoryItemRecord, level: InventoryLevelRecord): View {
  const location = store.data.locations.find((candidate) => candidate.id === level.locationId);
  return {
    __typename: "InventoryLevel",
    id: `gid://shopify/InventoryLevel/${legacyResourceId(level.locationId)}?inventory_item_id=${legacyResourceId(item.id)}`,
    isActive: true,
    canDeactivate: false,
    createdAt: level.updatedAt,
    updatedAt: level.updatedAt,
    location: location ? locationView(store, location) : null,
    item: () => inventoryItemView(store, item),
    quantities: (args: { names: string[] }) =>
      args.names.map((name) => {
        if (!(QUANTITY_NAMES as readonly string[]).includes(name)) {
          throw new GraphQLError(`The quantity name '${name}' is not valid. Valid names: ${QUANTITY_NAMES.join(", ")}.`, { extensions: { code: "BAD_REQUEST" } });
        }
        return {
          __typename: "InventoryQuantity",
          id: `gid://shopify/InventoryQuantity/${legacyResourceId(level.locationId)}?inventory_item_id=${legacyResourceId(item.id)}&name=${name}`,
          name,
          quantity: quantityOf(level, name),
          updatedAt: level.updatedAt,
        };
      }),
  };
}

export function inventoryItemView(store: EmulatorStore, item: InventoryItemRecord): View {
  return {
    __typename: "InventoryItem",
    id: item.id,
    legacyResourceId: legacyResourceId(item.id),
    sku: item.sku,
    tracked: item.tracked,
    requiresShipping: true,
    variant: () => {
      const variant = store.variantOfInventoryItem(item.id);
      return variant ? variantView(store, variant) : null;
    },
    inventoryLevels: (args: ConnectionArgs) => paginate(item.levels, args, (level) => level.locationId, (level) => inventoryLevelView(store, item, level)),
    inventoryLevel: (args: { locationId: string }) => {
      const level = item.levels.find((candidate) => candidate.locationId === args.locationId);
      return level ? inventoryLevelView(store, item, level) : null;
    },
  };
}

export function variantView(store: EmulatorStore, variant: VariantRecord): View {
  const product = store.product(variant.productId);
  const inventoryQuantity = variant.inventoryItem.levels.reduce((sum, level) => sum + level.available, 0);
  return {
    __typename: "ProductVariant",
    id: variant.id,
    legacyResourceId: legacyResourceId(variant.id),
    title: variant.title,
    displayName: `${product?.title ?? ""} - ${variant.title}`,
    sku: variant.sku,
    barcode: null,
    price: decimal(Number(variant.price)),
    position: (product?.variants.indexOf(variant) ?? 0) + 1,
    inventoryQuantity,
    availableForSale: inventoryQuantity > 0,
    inventoryPolicy: "DENY",
    product: () => (product ? productView(store, product) : null),
    inventoryItem: () => inventoryItemView(store, variant.inventoryItem),
  };
}

export function productView(store: EmulatorStore, product: ProductRecord): View {
  return {
    __typename: "Product",
    id: product.id,
    legacyResourceId: legacyResourceId(product.id),
    title: product.title,
    handle: product.handle,
    vendor: product.vendor,
    productType: product.productType,
    status: product.status,
    tags: product.tags,
    createdAt: product.createdAt,
    updatedAt: product.createdAt,
    totalInventory: product.variants.reduce((sum, variant) => sum + variant.inventoryItem.levels.reduce((acc, level) => acc + level.available, 0), 0),
    variants: (args: ConnectionArgs) => paginate(product.variants, args, (variant) => variant.id, (variant) => variantView(store, variant)),
  };
}
