import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../db/connection';
import { migrate } from '../../../db/migrate';
import { demoSteps } from '../../../demo-steps';
import type { Ctx } from '../../../http/context';
import { loadDemoDocuments } from '../demo';
import { getAdaptation } from '../adaptations/service';
import { loadDemoAdaptations } from './demo';
import { listPage } from './service';

describe('demo adaptation and amendments', () => {
  it('run after the demo document: a Spanish adaptation with one upstream change to review, two amendments with positions', async () => {
    expect(demoSteps.indexOf(loadDemoAdaptations)).toBeGreaterThan(demoSteps.indexOf(loadDemoDocuments));
    // Its own in-memory database: the demo's fixed names would meet on the shared one.
    const handle = await openDatabase({ databaseUrl: null });
    try {
      await migrate(handle);
      const db = handle.db;
      await loadDemoAdaptations(db);
      expect(await db.selectFrom('adaptations').select('id').execute()).toEqual([]);
      await db.transaction().execute(async (trx) => {
        for (const step of demoSteps) await step(trx);
      });
      const ctx = { actor: null, db } as unknown as Ctx;
      const [row] = await db.selectFrom('adaptations').select('id').execute();
      const a = await getAdaptation(ctx, String(row!.id));
      expect(a).toMatchObject({
        language: 'es',
        dir: 'ltr',
        base: { basedOn: 'translation' },
        differing: 3,
        pendingReview: 1,
      });
      expect(a.units.filter((u) => u.state !== 'same').map((u) => [u.id, u.state])).toEqual([
        ['5', 'changed'],
        ['7', 'dropped'],
        ['1000000', 'added'],
      ]);
      expect(a.units.find((u) => u.upstream)?.id).toBe('9');
      const list = await listPage(ctx, { limit: 20 });
      expect(list.items.map((i) => [i.target.type, i.status, i.positions, i.stale])).toEqual([
        ['adaptation', 'open', { support: 1, oppose: 1, neutral: 0 }, false],
        ['document', 'open', { support: 2, oppose: 0, neutral: 1 }, false],
      ]);
    } finally {
      await handle.close();
    }
  });
});
