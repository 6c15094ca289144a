// Prisma's better-sqlite3 adapter has one connection per client. It serialises interactive
// transactions with each other, but a plain statement issued while a transaction is open runs on the
// same connection, inside that transaction — and is lost if the transaction rolls back (a job's
// duplicate, a failed handler). Here every statement outside a transaction waits for the open one to
// finish, and a transaction waits for statements in flight: each statement lands in exactly the
// transaction that issued it, or in none. (Code must not use the outer client inside its own
// transaction callback: that statement would wait for the transaction, which waits for it.)
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import type { SqliteConnection } from "./sql-reader.server";

/** A FIFO lock on promises. */
class ConnectionLock {
  private tail: Promise<void> = Promise.resolve();

  acquire(): Promise<() => void> {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const previous = this.tail;
    this.tail = previous.then(() => held);
    return previous.then(() => release);
  }
}

interface Transaction {
  commit(): Promise<void>;
  rollback(): Promise<void>;
}

interface Adapter {
  queryRaw(query: unknown): Promise<unknown>;
  executeRaw(query: unknown): Promise<number>;
  startTransaction(isolationLevel?: unknown): Promise<Transaction>;
}

export function serializeConnection<T>(connected: T, lock = new ConnectionLock()): T {
  const adapter = connected as unknown as Adapter;
  const queryRaw = adapter.queryRaw.bind(adapter);
  const executeRaw = adapter.executeRaw.bind(adapter);
  const startTransaction = adapter.startTransaction.bind(adapter);
  adapter.queryRaw = async (query) => {
    const release = await lock.acquire();
    try {
      return await queryRaw(query);
    } finally {
      release();
    }
  };
  adapter.executeRaw = async (query) => {
    const release = await lock.acquire();
    try {
      return await executeRaw(query);
    } finally {
      release();
    }
  };
  adapter.startTransaction = async (isolationLevel) => {
    const release = await lock.acquire();
    let transaction: Transaction;
    try {
      transaction = await startTransaction(isolationLevel);
    } catch (error) {
      release();
      throw error;
    }
    let open = true;
    const finish = () => {
      if (open) {
        open = false;
        release();
      }
    };
    const commit = transaction.commit.bind(transaction);
    const rollback = transaction.rollback.bind(transaction);
    transaction.commit = async () => {
      try {
        await commit();
      } finally {
        finish();
      }
    };
    transaction.rollback = async () => {
      try {
        await rollback();
      } finally {
        finish();
      }
    };
    return transaction;
  };
  return connected;
}

/** What the Prisma adapter does with a statement: `prepare(sql).bind(args)`, then run / columns / raw().all(). */
interface PreparedStatement {
  reader: boolean;
  run(...params: unknown[]): unknown;
  all(...params: unknown[]): unknown[];
  columns(): unknown[];
  raw(toggle?: boolean): PreparedStatement;
}

interface StatementSource {
  prepare(sql: string): PreparedStatement;
}

const STATEMENT_CACHE_SIZE = 500;

/**
 * The adapter prepares every statement anew (a tenth of a quick request's time). Prisma sends the
 * same SQL text for the same query shape, so statements are kept by text (least recently used go
 * first) and handed out with their parameters applied at run time instead of bound for good.
 */
export function cachePreparedStatements(client: StatementSource, size = STATEMENT_CACHE_SIZE): void {
  const prepare = client.prepare.bind(client);
  const cache = new Map<string, PreparedStatement>();
  client.prepare = (sql: string) => {
    let statement = cache.get(sql);
    if (statement) {
      cache.delete(sql); // re-inserted below: the Map's order is the recency order
    } else {
      statement = prepare(sql);
      if (cache.size >= size) cache.delete(cache.keys().next().value!);
    }
    cache.set(sql, statement);
    const cached = statement;
    return {
      reader: cached.reader,
      run: (...params: unknown[]) => cached.run(...params),
      bind: (params: unknown[]) => ({
        reader: cached.reader,
        columns: () => cached.columns(),
        run: () => cached.run(params),
        raw: () => ({ all: () => cached.raw(true).all(params) }),
      }),
    } as unknown as PreparedStatement;
  };
}

/**
 * Interactive transactions begin IMMEDIATE (the adapter sends a plain, deferred BEGIN). A deferred
 * transaction reads first and asks for the write lock later; when another process (a worker beside
 * the app) committed in between, SQLite refuses the upgrade at once with "database is locked" —
 * the busy timeout does not apply. IMMEDIATE takes the write lock at BEGIN, waiting its turn.
 */
export function beginImmediate(client: StatementSource): void {
  const prepare = client.prepare.bind(client);
  client.prepare = (sql: string) => prepare(sql === "BEGIN" ? "BEGIN IMMEDIATE" : sql);
}

export class SerializedBetterSQLite3 extends PrismaBetterSQLite3 {
  private current: { connection: SqliteConnection; lock: ConnectionLock } | null = null;

  override async connect() {
    const connected = await super.connect();
    const client = (connected as unknown as { client: StatementSource }).client;
    const connection = { prepare: client.prepare.bind(client) as unknown as SqliteConnection["prepare"] };
    cachePreparedStatements(client);
    beginImmediate(client);
    const lock = new ConnectionLock();
    const current = { connection, lock };
    this.current = current;
    const dispose = (connected as unknown as { dispose(): Promise<void> }).dispose.bind(connected);
    (connected as unknown as { dispose(): Promise<void> }).dispose = async () => {
      if (this.current === current) this.current = null;
      await dispose();
    };
    return serializeConnection(connected, lock);
  }

  get connected(): boolean {
    return this.current !== null;
  }

  /** Runs `read` on the connection once no statement or transaction holds it (the same lock as Prisma's statements). */
  async withConnection<T>(read: (connection: SqliteConnection) => T): Promise<T> {
    const current = this.current;
    if (!current) throw new Error("The SQLite connection is not open");
    const release = await current.lock.acquire();
    try {
      return read(current.connection);
    } finally {
      release();
    }
  }
}
