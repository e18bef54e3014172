import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../db/connection';
import { migrate } from '../../../db/migrate';
import { demoSteps } from '../../../demo-steps';
import { loadDemoInitiatives } from '../../initiatives';
import { loadDemoReadingLists } from './demo';

describe('demo reading lists', () => {
  it("make a person's and a group's list and link demo initiatives to sources, once, and nothing without sources", async () => {
    expect(demoSteps.indexOf(loadDemoReadingLists)).toBeGreaterThan(demoSteps.indexOf(loadDemoInitiatives));
    // Its own in-memory database: the demo's fixed titles would meet on the shared one.
    const handle = await openDatabase({ databaseUrl: null });
    try {
      await migrate(handle);
      const db = handle.db;
      // No sources yet: nothing added.
      await loadDemoReadingLists(db);
      expect(await db.selectFrom('reading_lists').select('id').execute()).toEqual([]);
      await db.transaction().execute(async (trx) => {
        for (const step of demoSteps) await step(trx);
      });
      await loadDemoReadingLists(db);
      const lists = await db
        .selectFrom('reading_lists')
        .select(['id', 'title', 'owner_id', 'community_id'])
        .orderBy('id')
        .execute();
      expect(lists.map((l) => l.title)).toEqual(['Starting to facilitate', 'Public speaking for ambassadors']);
      expect(lists[0]!.owner_id).not.toBeNull();
      expect(lists[1]!.community_id).not.toBeNull();
      const first = await db
        .selectFrom('reading_list_items as i')
        .innerJoin('sources as s', 's.id', 'i.source_id')
        .select('s.title')
        .where('i.list_id', '=', lists[0]!.id)
        .orderBy('i.position')
        .execute();
      expect(first.map((r) => r.title)).toEqual([
        'The Facilitator’s Companion: Running Meetings Where Everyone Is Heard',
        'Energizers for online meetings (10 short exercises)',
        'Introduction to Facilitation (self-paced)',
        'What I learned facilitating 100 edit-a-thons',
      ]);
      // The archived series with goals met in part used the first three facilitation sources.
      const used = await db.selectFrom('sources').select('title').where('used_count', '>', 0).execute();
      expect(used.map((u) => u.title).sort()).toEqual(
        first
          .slice(0, 3)
          .map((r) => r.title)
          .sort(),
      );
      expect((await db.selectFrom('initiative_sources').select('source_id').execute()).length).toBe(6);
    } finally {
      await handle.close();
    }
  }, 90_000);
});
