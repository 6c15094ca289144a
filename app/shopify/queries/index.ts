import { CustomerByIdentifierQuery, CustomerSearchQuery } from "./customers.server";
import { InventoryLevelsQuery } from "./inventory.server";
import { AppMetafieldsQuery, CurrentAppInstallationQuery, MetafieldsSetMutation } from "./metafields.server";
import { OrderNoteQuery, OrderUpdateNoteMutation, TagsAddMutation } from "./order-mutations.server";
import { CustomerRecentOrdersQuery, OrderByNameQuery, OrdersByIdsQuery, OrdersUpdatedSinceQuery } from "./orders.server";
import { ShopInfoQuery } from "./shop.server";
import { CustomerPanelQuery, OrderLinkCandidatesQuery, PanelOrderSearchQuery } from "./customer-panel.server";

export * from "./customers.server";
export * from "./inventory.server";
export * from "./metafields.server";
export * from "./order-mutations.server";
export * from "./orders.server";
export * from "./shop.server";
export * from "./customer-panel.server";

/** Every Admin document the app sends, by operation name; the validation test checks each against the pinned schema. */
export const allAdminDocuments: Record<string, string> = {
  ShopInfo: ShopInfoQuery,
  CustomerByIdentifier: CustomerByIdentifierQuery,
  CustomerSearch: CustomerSearchQuery,
  OrderByName: OrderByNameQuery,
  OrdersByIds: OrdersByIdsQuery,
  CustomerRecentOrders: CustomerRecentOrdersQuery,
  OrdersUpdatedSince: OrdersUpdatedSinceQuery,
  InventoryLevels: InventoryLevelsQuery,
  CurrentAppInstallation: CurrentAppInstallationQuery,
  AppMetafields: AppMetafieldsQuery,
  MetafieldsSet: MetafieldsSetMutation,
  TagsAdd: TagsAddMutation,
  OrderNote: OrderNoteQuery,
  OrderUpdateNote: OrderUpdateNoteMutation,
  CustomerPanel: CustomerPanelQuery,
  OrderLinkCandidates: OrderLinkCandidatesQuery,
  PanelOrderSearch: PanelOrderSearchQuery,
};
