import { createHash } from "node:crypto";
import type {
  CustomerRecord,
  FixtureShop,
  InventoryItemRecord,
  OrderRecord,
  ProductRecord,
  VariantRecord,
} from "../fixtures/index";

export interface MetafieldRecord {
  id: string;
  ownerId: string;
  namespace: string;
  key: string;
  type: string;
  value: string;
  createdAt: string;
  updatedAt: string;
}

/**
 * Mutable in-memory copy of a fixture shop with the indexes resolvers need. Each emulator
 * instance owns one, so tests can mutate freely without affecting each other.
 */
export class EmulatorStore {
  readonly data: FixtureShop;
  readonly now: () => Date;
  private readonly ordersById = new Map<string, OrderRecord>();
  private readonly ordersByCustomer = new Map<string, OrderRecord[]>();
  private readonly customersById = new Map<string, CustomerRecord>();
  private readonly productsById = new Map<string, ProductRecord>();
  private readonly variantsById = new Map<string, VariantRecord>();
  private readonly variantsByInventoryItem = new Map<string, VariantRecord>();
  private readonly metafields = new Map<string, MetafieldRecord>();
  private metafieldSequence = 0;

  constructor(fixture: FixtureShop, now: () => Date = () => new Date()) {
    this.data = structuredClone(fixture);
    this.now = now;
    for (const customer of this.data.customers) this.customersById.set(customer.id, customer);
    for (const order of this.data.orders) {
      this.ordersById.set(order.id, order);
      const list = this.ordersByCustomer.get(order.customerId) ?? [];
      list.push(order);
      this.ordersByCustomer.set(order.customerId, list);
    }
    for (const product of this.data.products) {
      this.productsById.set(product.id, product);
      for (const variant of product.variants) {
        this.variantsById.set(variant.id, variant);
        this.variantsByInventoryItem.set(variant.inventoryItem.id, variant);
      }
    }
  }

  nowIso(): string {
    return this.now().toISOString().replace(/\.\d{3}Z$/, "Z");
  }

  order(id: string): OrderRecord | undefined {
    return this.ordersById.get(id);
  }

  customer(id: string): CustomerRecord | undefined {
    return this.customersById.get(id);
  }

  customerByEmail(email: string): CustomerRecord | undefined {
    const wanted = email.trim().toLowerCase();
    return this.data.customers.find((customer) => customer.email.toLowerCase() === wanted);
  }

  customerByPhone(phone: string): CustomerRecord | undefined {
    const digits = phone.replace(/[^\d]/g, "");
    return this.data.customers.find((customer) => customer.phone.replace(/[^\d]/g, "") === digits);
  }

  ordersOfCustomer(customerId: string): readonly OrderRecord[] {
    return this.ordersByCustomer.get(customerId) ?? [];
  }

  product(id: string): ProductRecord | undefined {
    return this.productsById.get(id);
  }

  variant(id: string): VariantRecord | undefined {
    return this.variantsById.get(id);
  }

  variantOfInventoryItem(inventoryItemId: string): VariantRecord | undefined {
    return this.variantsByInventoryItem.get(inventoryItemId);
  }

  inventoryItem(id: string): InventoryItemRecord | undefined {
    return this.variantsByInventoryItem.get(id)?.inventoryItem;
  }

  allVariants(): VariantRecord[] {
    return this.data.products.flatMap((product) => product.variants);
  }

  metafieldsOf(ownerId: string): MetafieldRecord[] {
    return [...this.metafields.values()].filter((metafield) => metafield.ownerId === ownerId);
  }

  metafield(ownerId: string, namespace: string, key: string): MetafieldRecord | undefined {
    return this.metafields.get(`${ownerId}|${namespace}|${key}`);
  }

  upsertMetafield(input: Omit<MetafieldRecord, "id" | "createdAt" | "updatedAt">): MetafieldRecord {
    const mapKey = `${input.ownerId}|${input.namespace}|${input.key}`;
    const existing = this.metafields.get(mapKey);
    const now = this.nowIso();
    const record: MetafieldRecord = existing
      ? { ...existing, type: input.type, value: input.value, updatedAt: now }
      : { ...input, id: `gid://shopify/Metafield/${27_000_000_000_000 + ++this.metafieldSequence}`, createdAt: now, updatedAt: now };
    this.metafields.set(mapKey, record);
    return record;
  }
}

/** Opaque digest for optimistic locking (`compareDigest`), stable for a given value. */
export function metafieldDigest(metafield: Pick<MetafieldRecord, "type" | "value">): string {
  return createHash("sha256").update(`${metafield.type}\n${metafield.value}`).digest("hex");
}
