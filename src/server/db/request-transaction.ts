// One transaction around a whole request, for writes that must commit together with a record of their answer
// (http/idempotency.ts). Use cases keep opening their own transactions as they always do
// (`ctx.db.transaction().execute(…)` or `transact(ctx.db, …)`): inside a request transaction each becomes a
// savepoint of it, so a use case that catches a failed write (a unique violation turned into a 409, a retried
// slug) sees exactly what it saw before: its part undone, the rest of the request going on.
import { sql } from 'kysely';
import type { Db } from './connection';

const REQUEST_TX = Symbol.for('ldn.request-transaction');

type Work<T> = (db: Db) => Promise<T>;

export interface RequestTransaction {
  /** The database as the request's use cases see it: every query in this transaction. */
  readonly db: Db;
  readonly open: boolean;
  commit(): Promise<void>;
  rollback(): Promise<void>;
  /**
   * Runs a write that must stand whatever becomes of the request (the record of a refused permission) once the
   * transaction ends, outside it. Until then it cannot run: PGlite is one connection, held by this transaction.
   */
  later(work: Work<unknown>): void;
}

/** The request transaction a database handle belongs to, if it is one. */
export const requestTransactionOf = (db: Db): RequestTransaction | undefined =>
  (db as unknown as Record<symbol, RequestTransaction | undefined>)[REQUEST_TX];

export async function beginRequestTransaction(base: Db): Promise<RequestTransaction> {
  const trx = await base.startTransaction().execute();
  let open = true;
  let savepoints = 0;
  const afterwards: Work<unknown>[] = [];

  const joined = {
    setIsolationLevel: () => joined,
    setAccessMode: () => joined,
    async execute<T>(work: Work<T>): Promise<T> {
      const name = `ldn_request_${++savepoints}`;
      await sql`savepoint ${sql.id(name)}`.execute(trx);
      try {
        const result = await work(view);
        await sql`release savepoint ${sql.id(name)}`.execute(trx);
        return result;
      } catch (err) {
        await sql`rollback to savepoint ${sql.id(name)}`.execute(trx);
        throw err;
      }
    },
  };

  // Kysely's transactions refuse to open another inside them; this view answers `transaction()` with a savepoint
  // and passes everything else to the transaction (bound to it: Kysely keeps its state in private fields).
  const view = new Proxy(trx, {
    get(target, prop) {
      if (prop === REQUEST_TX) return handle;
      if (prop === 'transaction') return () => joined;
      const value: unknown = Reflect.get(target, prop, target);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  }) as unknown as Db;

  const finish = async (end: () => Promise<void>) => {
    if (!open) return;
    open = false;
    try {
      await end();
    } finally {
      for (const work of afterwards.splice(0)) await work(base);
    }
  };

  const handle: RequestTransaction = {
    db: view,
    get open() {
      return open;
    },
    commit: () => finish(() => trx.commit().execute()),
    rollback: () => finish(() => trx.rollback().execute()),
    later(work) {
      afterwards.push(work);
    },
  };
  return handle;
}

/**
 * Runs a write in its own transaction, whatever transaction `db` is in: now, or (inside a request transaction)
 * once that one ends. For what must be recorded even when the change it concerns is refused and undone.
 */
export async function ownWrite(db: Db, work: Work<unknown>): Promise<void> {
  const request = requestTransactionOf(db);
  if (request?.open) request.later(work);
  else await work(db);
}
