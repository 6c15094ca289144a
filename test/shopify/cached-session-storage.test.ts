import { Session } from "@shopify/shopify-api";
import { describe, expect, it } from "vitest";
import { CachedSessionStorage, forgetShopSessions } from "../../app/shopify/cached-session-storage.server";

function countingStorage() {
  const rows = new Map<string, Session>();
  const calls = { load: 0 };
  return {
    rows,
    calls,
    storage: {
      async storeSession(session: Session) { rows.set(session.id, session); return true; },
      async loadSession(id: string) { calls.load++; return rows.get(id); },
      async deleteSession(id: string) { return rows.delete(id); },
      async deleteSessions(ids: string[]) { ids.forEach((id) => rows.delete(id)); return true; },
      async findSessionsByShop(shop: string) { return [...rows.values()].filter((s) => s.shop === shop); },
      async isReady() { return true; },
    },
  };
}

const offline = (shop: string, token = "t1") => new Session({ id: `offline_${shop}`, shop, state: "s", isOnline: false, accessToken: token });

describe("CachedSessionStorage", () => {
  it("serves a found session from memory until its TTL passes", async () => {
    let now = 1_000;
    const { storage, calls } = countingStorage();
    const cached = new CachedSessionStorage(storage, 5_000, () => now);
    await cached.storeSession(offline("a.myshopify.com"));
    expect((await cached.loadSession("offline_a.myshopify.com"))?.accessToken).toBe("t1");
    await cached.loadSession("offline_a.myshopify.com");
    expect(calls.load).toBe(1);
    now += 5_001;
    await cached.loadSession("offline_a.myshopify.com");
    expect(calls.load).toBe(2);
  });

  it("never caches a missing session, so one stored elsewhere is seen at once", async () => {
    const { storage, rows, calls } = countingStorage();
    const cached = new CachedSessionStorage(storage);
    expect(await cached.loadSession("offline_b.myshopify.com")).toBeUndefined();
    rows.set("offline_b.myshopify.com", offline("b.myshopify.com"));
    expect(await cached.loadSession("offline_b.myshopify.com")).toBeDefined();
    expect(calls.load).toBe(2);
  });

  it("drops the entry on store, delete and forgetShopSessions", async () => {
    const { storage, rows } = countingStorage();
    const cached = new CachedSessionStorage(storage);
    await cached.storeSession(offline("c.myshopify.com"));
    await cached.loadSession("offline_c.myshopify.com");
    await cached.storeSession(offline("c.myshopify.com", "t2"));
    expect((await cached.loadSession("offline_c.myshopify.com"))?.accessToken).toBe("t2");
    await cached.deleteSession("offline_c.myshopify.com");
    expect(await cached.loadSession("offline_c.myshopify.com")).toBeUndefined();

    await cached.storeSession(offline("d.myshopify.com"));
    await cached.loadSession("offline_d.myshopify.com");
    rows.clear(); // deleted behind the storage's back (uninstall runs in a transaction)
    forgetShopSessions("d.myshopify.com");
    expect(await cached.loadSession("offline_d.myshopify.com")).toBeUndefined();
  });
});
