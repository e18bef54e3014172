import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/connection';
import { migrate } from '../../db/migrate';
import { demoSteps } from '../../demo-steps';
import { loadDemoPeople } from '../people/demo';
import { loadDemoDebates } from './demo';

describe('demo debate', () => {
  it('runs after the demo people and writes a debate with arguments on each side, a support and a reply', async () => {
    expect(demoSteps.indexOf(loadDemoDebates)).toBeGreaterThan(demoSteps.indexOf(loadDemoPeople));
    // Its own in-memory database: the demo's fixed names would meet on the shared one.
    const handle = await openDatabase({ databaseUrl: null });
    try {
      await migrate(handle);
      const db = handle.db;
      await loadDemoDebates(db);
      expect(await db.selectFrom('debates').select('id').execute()).toEqual([]);
      await db.transaction().execute(async (trx) => {
        for (const step of demoSteps) await step(trx);
      });
      const args = await db.selectFrom('debate_arguments').select('stance').orderBy('id').execute();
      expect(args.map((a) => a.stance)).toEqual(['for', 'against', 'neutral']);
      expect(await db.selectFrom('argument_supports').select('user_id').execute()).toHaveLength(2);
      const replies = await db
        .selectFrom('comments')
        .select(['path', 'id'])
        .where('subject_type', '=', 'argument')
        .execute();
      expect(replies).toHaveLength(1);
      expect(replies[0]?.path).toBe(String(replies[0]?.id).padStart(12, '0'));
    } finally {
      await handle.close();
    }
  });
});
