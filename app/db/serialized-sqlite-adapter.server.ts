// Prisma's better-sqlite3 adapter has one connection per client. It serialises interactive
// transactions with each other, but a plain statement issued while a transaction is open runs on the
// same connection, inside that transaction — and is lost if the transaction rolls back (a job's
// duplicate, a failed handler). Here every statement outside a transaction waits for the open one to
// finish, and a transaction waits for statements in flight: each statement lands in exactly the
// transaction that issued it, or in none. (Code must not use the outer client inside its own
// transaction callback: that statement would wait for the transaction, which waits for it.)
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";

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

export function serializeConnection<T>(connected: T): T {
  const adapter = connected as unknown as Adapter;
  const lock = new ConnectionLock();
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

export class SerializedBetterSQLite3 extends PrismaBetterSQLite3 {
  override async connect() {
    return serializeConnection(await super.connect());
  }
}
