import type * as Admin from "../../types/admin.generated";
import { adminDocument } from "../typed-document";

export const INVENTORY_QUANTITY_NAMES = ["available", "on_hand", "committed", "incoming"] as const;
export type InventoryQuantityName = (typeof INVENTORY_QUANTITY_NAMES)[number];

export type InventoryLevelsResult = Admin.InventoryLevelsQuery;
/** One entry of `nodes`: null for unknown ids, `{ __typename }` only for ids of other types. */
export type InventoryLevelsNode = InventoryLevelsResult["nodes"][number];
export type InventoryItemLevels = Extract<NonNullable<InventoryLevelsNode>, { __typename: "InventoryItem" }>;

/** Stock per location for the inventory items of an order's line items (≤ 250 ids per call). */
export const InventoryLevelsQuery = adminDocument<Admin.InventoryLevelsQuery, Admin.InventoryLevelsQueryVariables>(/* GraphQL */ `
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

export function isInventoryItemLevels(node: InventoryLevelsNode): node is InventoryItemLevels {
  return node !== null && node.__typename === "InventoryItem";
}
