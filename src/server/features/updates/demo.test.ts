import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/connection';
import { migrate } from '../../db/migrate';
import { demoSteps } from '../../demo-steps';
import { communitiesLedBy } from '../communities/roles';
import { loadDemoCommunities } from '../communities/demo';
import { loadDemoFaq } from '../faq/demo';
import { markdownExcerpt } from '../../markdown/render';
import { loadDemoUpdates } from './demo';

describe('demo updates and FAQ', () => {
  it('run after the demo groups', () => {
    expect(demoSteps.indexOf(loadDemoUpdates)).toBeGreaterThan(demoSteps.indexOf(loadDemoCommunities));
    expect(demoSteps).toContain(loadDemoFaq);
  });

  it('write updates by the groups’ coordinators in several languages, and a real FAQ', async () => {
    // Its own in-memory database: the demo's fixed names would meet on the shared one.
    const handle = await openDatabase({ databaseUrl: null });
    try {
      await migrate(handle);
      const db = handle.db;
      // Without demo groups the updates step writes nothing.
      await loadDemoUpdates(db);
      expect(await db.selectFrom('updates').select('id').execute()).toEqual([]);

      await db.transaction().execute(async (trx) => {
        for (const step of demoSteps) await step(trx);
      });
      const updates = await db
        .selectFrom('updates')
        .select(['community_id', 'author_id', 'language', 'is_demo', 'body', 'published_at'])
        .execute();
      expect(updates.length).toBeGreaterThanOrEqual(4);
      expect(new Set(updates.map((u) => u.language)).size).toBe(updates.length);
      for (const u of updates) {
        expect(u.is_demo).toBe(true);
        expect(await communitiesLedBy(db, u.author_id!)).toContain(u.community_id);
        expect(markdownExcerpt(u.body).length).toBeGreaterThan(50);
        expect(u.published_at.getTime()).toBeLessThan(Date.now());
      }
      const faq = await db
        .selectFrom('faq_entries')
        .select(['language', 'answer', 'position'])
        .orderBy('language')
        .orderBy('position')
        .execute();
      expect(new Set(faq.map((f) => f.language))).toEqual(new Set(['ar', 'en', 'es', 'fr', 'hi', 'ru']));
      expect(faq.filter((f) => f.language === 'en').map((f) => f.position)).toEqual([1, 2, 3, 4, 5, 6]);
      expect(faq.some((f) => f.answer.includes('https://t.me/+RjYP6Cp06zI4MTQy'))).toBe(true);
    } finally {
      await handle.close();
    }
  });
});
