import type { ConnectionArgs } from "./connection";
import { paginate } from "./connection";
import { filterCustomers, filterProducts, filterVariants } from "./filters";
import { mutationRoot } from "./mutations";
import type { EmulatorStore } from "./store";
import { inventoryItemView, locationView, productView, variantView } from "./views-catalog";
import { customerView, orderConnection, orderView } from "./views-orders";
import { appInstallationView, metafieldView, shopView } from "./views-shop";
import type { View } from "./views-common";

type SearchArgs = ConnectionArgs & { query?: string | null; sortKey?: string | null };

/** Resolves any GID the emulator knows; null for unknown ones, like Shopify's `node`. */
export function nodeById(store: EmulatorStore, id: string): View | null {
  const type = /^gid:\/\/shopify\/([A-Za-z]+)\//.exec(id)?.[1];
  switch (type) {
    case "Order": {
      const order = store.order(id);
      return order ? orderView(store, order) : null;
    }
    case "Customer": {
      const customer = store.customer(id);
      return customer ? customerView(store, customer) : null;
    }
    case "Product": {
      const product = store.product(id);
      return product ? productView(store, product) : null;
    }
    case "ProductVariant": {
      const variant = store.variant(id);
      return variant ? variantView(store, variant) : null;
    }
    case "InventoryItem": {
      const item = store.inventoryItem(id);
      return item ? inventoryItemView(store, item) : null;
    }
    case "Location": {
      const location = store.data.locations.find((candidate) => candidate.id === id);
      return location ? locationView(store, location) : null;
    }
    case "AppInstallation":
      return id === store.data.shop.appInstallationId ? appInstallationView(store) : null;
    case "Shop":
      return id === store.data.shop.id ? shopView(store) : null;
    case "Metafield": {
      const metafield = store.metafieldsOf(store.data.shop.appInstallationId).find((candidate) => candidate.id === id);
      return metafield ? metafieldView(metafield) : null;
    }
    default:
      return null;
  }
}

export function queryRoot(store: EmulatorStore): View {
  return {
    __typename: "QueryRoot",
    shop: () => shopView(store),
    currentAppInstallation: () => appInstallationView(store),
    node: (args: { id: string }) => nodeById(store, args.id),
    nodes: (args: { ids: string[] }) => args.ids.map((id) => nodeById(store, id)),
    order: (args: { id: string }) => nodeById(store, args.id.startsWith("gid://shopify/Order/") ? args.id : ""),
    orders: (args: SearchArgs) => orderConnection(store, store.data.orders, { ...args, sortKey: args.sortKey ?? "PROCESSED_AT" }),
    customer: (args: { id: string }) => nodeById(store, args.id.startsWith("gid://shopify/Customer/") ? args.id : ""),
    customerByIdentifier: (args: { identifier: { emailAddress?: string | null; phoneNumber?: string | null; id?: string | null } }) => {
      const { emailAddress, phoneNumber, id } = args.identifier;
      const customer = emailAddress
        ? store.customerByEmail(emailAddress)
        : phoneNumber
          ? store.customerByPhone(phoneNumber)
          : id
            ? store.customer(id)
            : undefined;
      return customer ? customerView(store, customer) : null;
    },
    customers: (args: SearchArgs) =>
      paginate(filterCustomers(store.data.customers, args.query), args, (customer) => customer.id, (customer) => customerView(store, customer)),
    product: (args: { id: string }) => nodeById(store, args.id.startsWith("gid://shopify/Product/") ? args.id : ""),
    products: (args: SearchArgs) =>
      paginate(filterProducts(store.data.products, args.query), args, (product) => product.id, (product) => productView(store, product)),
    productVariant: (args: { id: string }) => nodeById(store, args.id.startsWith("gid://shopify/ProductVariant/") ? args.id : ""),
    productVariants: (args: SearchArgs) =>
      paginate(filterVariants(store.allVariants(), args.query), args, (variant) => variant.id, (variant) => variantView(store, variant)),
    inventoryItem: (args: { id: string }) => nodeById(store, args.id.startsWith("gid://shopify/InventoryItem/") ? args.id : ""),
    inventoryItems: (args: SearchArgs) =>
      paginate(store.allVariants().map((variant) => variant.inventoryItem), args, (item) => item.id, (item) => inventoryItemView(store, item)),
    location: (args: { id?: string | null }) =>
      args.id ? nodeById(store, args.id) : store.data.locations[0] ? locationView(store, store.data.locations[0]) : null,
    locations: (args: ConnectionArgs & { includeInactive?: boolean | null }) =>
      paginate(
        store.data.locations.filter((location) => location.isActive || args.includeInactive),
        args,
        (location) => location.id,
        (location) => locationView(store, location),
      ),
  };
}

export { mutationRoot };
