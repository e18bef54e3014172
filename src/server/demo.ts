// Demo content for a fresh embedded database: fictional people and groups, clearly marked as demo.
// Each feature adds its demo rows through its own service's demo function.
import { sql } from 'kysely';
import type { Db } from './db/connection';
import { demoSteps } from './demo-steps';

// Empty means no one but network admins: `npm run ldn -- create-admin` may run before the first start.
export async function loadDemoIfEmpty(db: Db): Promise<boolean> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where(sql<boolean>`not ('admin' = any(roles))`)
    .executeTakeFirstOrThrow();
  if (Number(row.n) > 0) return false;
  await loadDemo(db);
  return true;
}

export async function loadDemo(db: Db): Promise<void> {
  await db.transaction().execute(async (trx) => {
    for (const step of demoSteps) await step(trx);
  });
}
