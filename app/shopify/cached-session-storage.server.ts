// Session storage with a few seconds of read cache in front of the database. Every embedded request,
// webhook and app-proxy call loads its session; at webhook rates that read was a large share of the
// work. Only found sessions are cached (a session stored by another process is seen at once), writes
// and deletes through this storage drop the entry, and code that changes Session rows directly calls
// forgetShopSessions. Another process's delete is seen within SESSION_CACHE_TTL_MS.
import type { Session } from "@shopify/shopify-api";
import type { SessionStorage } from "@shopify/shopify-app-session-storage";

export const SESSION_CACHE_TTL_MS = 5_000;
const MAX_ENTRIES = 10_000;

interface ReadySessionStorage extends SessionStorage {
  isReady(): Promise<boolean>;
}

interface Entry {
  session: Session;
  expiresAt: number;
}

const cachesInProcess = new Set<CachedSessionStorage>();

export class CachedSessionStorage implements ReadySessionStorage {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly inner: ReadySessionStorage,
    private readonly ttlMs = SESSION_CACHE_TTL_MS,
    private readonly clock: () => number = Date.now,
  ) {
    cachesInProcess.add(this);
  }

  async loadSession(id: string): Promise<Session | undefined> {
    const cached = this.entries.get(id);
    if (cached && cached.expiresAt > this.clock()) return cached.session;
    const session = await this.inner.loadSession(id);
    if (session) this.remember(id, session);
    else this.entries.delete(id);
    return session;
  }

  async storeSession(session: Session): Promise<boolean> {
    this.entries.delete(session.id);
    return this.inner.storeSession(session);
  }

  async deleteSession(id: string): Promise<boolean> {
    this.entries.delete(id);
    return this.inner.deleteSession(id);
  }

  async deleteSessions(ids: string[]): Promise<boolean> {
    for (const id of ids) this.entries.delete(id);
    return this.inner.deleteSessions(ids);
  }

  findSessionsByShop(shop: string): Promise<Session[]> {
    return this.inner.findSessionsByShop(shop);
  }

  isReady(): Promise<boolean> {
    return this.inner.isReady();
  }

  forgetShop(shop: string): void {
    for (const [id, entry] of this.entries) if (entry.session.shop === shop) this.entries.delete(id);
  }

  private remember(id: string, session: Session): void {
    if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
    this.entries.set(id, { session, expiresAt: this.clock() + this.ttlMs });
  }
}

/** For code that writes Session rows without the storage (uninstall, scopes update). */
export function forgetShopSessions(shop: string): void {
  for (const cache of cachesInProcess) cache.forgetShop(shop);
}
