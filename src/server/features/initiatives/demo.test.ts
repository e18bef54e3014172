import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/connection';
import { migrate } from '../../db/migrate';
import { demoSteps } from '../../demo-steps';
import { loadDemoPeople } from '../people/demo';
import { loadDemoInitiatives } from './demo';

describe('demo initiatives', () => {
  it('run after the demo people and show every stage of the board with a call, an update, a grant and an evaluation', async () => {
    expect(demoSteps.indexOf(loadDemoInitiatives)).toBeGreaterThan(demoSteps.indexOf(loadDemoPeople));
    // Its own in-memory database: the demo's fixed names would meet on the shared one.
    const handle = await openDatabase({ databaseUrl: null });
    try {
      await migrate(handle);
      const db = handle.db;
      await loadDemoInitiatives(db);
      expect(await db.selectFrom('initiatives').select('id').execute()).toEqual([]);
      await db.transaction().execute(async (trx) => {
        for (const step of demoSteps) await step(trx);
      });
      const rows = await db.selectFrom('initiatives').select(['stage', 'phase']).orderBy('id').execute();
      expect(rows.map((r) => r.stage)).toEqual(['idea', 'recruiting', 'active', 'archived']);
      expect(await db.selectFrom('initiative_jobs').select('id').execute()).toHaveLength(2);
      expect(await db.selectFrom('initiative_evaluations').select('initiative_id').execute()).toHaveLength(1);
      expect(await db.selectFrom('initiative_leads').select('user_id').execute()).toHaveLength(4);
    } finally {
      await handle.close();
    }
  });
});
