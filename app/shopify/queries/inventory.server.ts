import { adminDocument } from "../typed-document";

export const INVENTORY_QUANTITY_NAMES = ["available", "on_hand", "committed", "incoming"] as const;
export type InventoryQuantityName = (typeof INVENTORY_QUANTITY_NAMES)[number];

export interface InventoryItemLevels {
  __typename: "InventoryItem";
  id: string;
  sku: string | null;
  tracked: boolean;
  variant: { id: string; displayName: string; inventoryQuantity: number | null };
  inventoryLevels: {
    nodes: {
      location: { id: string; name: string; isActive: boolean };
      quantities: { name: InventoryQuantityName; quantity: number; updatedAt: string | null }[];
    }[];
  };
}

export interface InventoryLevelsResult {
  nodes: (InventoryItemLevels | { __typename: string } | null)[];
}

/** Stock per location for the inventory items of an order's line items (≤ 250 ids per call). */
export const InventoryLevelsQuery = adminDocument<InventoryLevelsResult, { ids: string[] }>(/* GraphQL */ `
  query InventoryLevels($ids: [ID!]!) {
    nodes(ids: $ids) {
      __typename
      ... on InventoryItem {
        id
        sku
        tracked
        variant { id displayName inventoryQuantity }
        inventoryLevels(first: 10) {
          nodes {
            location { id name isActive }
            quantities(names: ["available", "on_hand", "committed", "incoming"]) { name quantity updatedAt }
          }
        }
      }
    }
  }
`);

export function isInventoryItemLevels(node: InventoryLevelsResult["nodes"][number]): node is InventoryItemLevels {
  return node !== null && node.__typename === "InventoryItem";
}
