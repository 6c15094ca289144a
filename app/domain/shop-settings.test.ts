import { describe, expect, it } from "vitest";
import { parseShopSettings } from "./shop-settings";

describe("shop settings", () => {
  it("fills defaults", () => {
    expect(parseShopSettings(null)).toMatchObject({ lowStockThreshold: 5, firstOrderNumber: 1001 });
  });
  it("keeps valid values and replaces invalid ones field by field", () => {
    expect(parseShopSettings({ lowStockThreshold: 12, firstOrderNumber: "x" })).toMatchObject({ lowStockThreshold: 12, firstOrderNumber: 1001 });
    expect(parseShopSettings({ lowStockThreshold: -3, firstOrderNumber: 5000 })).toMatchObject({ lowStockThreshold: 5, firstOrderNumber: 5000 });
  });
});
