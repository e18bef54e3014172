// A request's own transaction (db/request-transaction.ts): use cases' transactions inside it are savepoints, so a
// failed one is undone alone and the request goes on; nothing stands until it commits; a write that must stand
// whatever happens (ownWrite) is made once it ends.
import { describe, expect, it } from 'vitest';
import { testDatabase, unique } from '../testing/harness';
import { beginRequestTransaction, ownWrite } from './request-transaction';
import { transact } from './transact';
import { isUniqueViolation } from './errors';

const named = (name: string) => ({ name, secret: 'test' });

describe('a request transaction', () => {
  it('undoes a failed inner transaction alone, and commits the rest together', async () => {
    const { db } = await testDatabase();
    const [kept, alsoKept, undone] = [unique('kept-'), unique('also-'), unique('undone-')];
    const tx = await beginRequestTransaction(db);
    await tx.db.transaction().execute((trx) => trx.insertInto('signing_keys').values(named(kept)).execute());
    // A use case that turns a unique violation into its own answer and goes on, as before.
    const failed = await tx.db
      .transaction()
      .execute(async (trx) => {
        await trx.insertInto('signing_keys').values(named(undone)).execute();
        await trx.insertInto('signing_keys').values(named(kept)).execute();
      })
      .catch((err: unknown) => err);
    expect(isUniqueViolation(failed)).toBe(true);
    await transact(tx.db, (trx) => trx.insertInto('signing_keys').values(named(alsoKept)).execute());
    const names = () =>
      db.selectFrom('signing_keys').select('name').where('name', 'in', [kept, alsoKept, undone]).execute();
    await tx.commit();
    expect((await names()).map((r) => r.name).sort()).toEqual([alsoKept, kept].sort());
    await db.deleteFrom('signing_keys').where('name', 'in', [kept, alsoKept]).execute();
  });

  it('leaves nothing when rolled back, but for the writes made in their own right', async () => {
    const { db } = await testDatabase();
    const [gone, stands] = [unique('gone-'), unique('stands-')];
    const tx = await beginRequestTransaction(db);
    await tx.db.insertInto('signing_keys').values(named(gone)).execute();
    await ownWrite(tx.db, (base) => base.insertInto('signing_keys').values(named(stands)).execute());
    await tx.rollback();
    const rows = await db.selectFrom('signing_keys').select('name').where('name', 'in', [gone, stands]).execute();
    expect(rows.map((r) => r.name)).toEqual([stands]);
    await db.deleteFrom('signing_keys').where('name', '=', stands).execute();
  });
});
