// Runs work in a transaction, or in the one already open: a use case opens its own transaction when called from a
// route, and joins its caller's when called inside one (the demo loads every feature's content in a single
// transaction, through the same use cases people call). Kysely refuses to open a transaction inside another.
// Inside a request's own transaction (db/request-transaction.ts) the work is a savepoint of it, as it would be
// a transaction of its own outside.
import type { Db } from './connection';
import { requestTransactionOf } from './request-transaction';

export function transact<T>(db: Db, work: (trx: Db) => Promise<T>): Promise<T> {
  return db.isTransaction && !requestTransactionOf(db) ? work(db) : db.transaction().execute(work);
}
