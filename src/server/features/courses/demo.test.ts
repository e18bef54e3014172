import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/connection';
import { migrate } from '../../db/migrate';
import { demoSteps } from '../../demo-steps';
import { loadDemoDocuments } from '../documents';
import { loadDemoCourses } from './demo';

describe('demo courses', () => {
  it('runs after the demo document: two courses, one with runs in English and Spanish and completions', async () => {
    expect(demoSteps.indexOf(loadDemoCourses)).toBeGreaterThan(demoSteps.indexOf(loadDemoDocuments));
    // Its own in-memory database: the demo's fixed course keys would meet on the shared one.
    const handle = await openDatabase({ databaseUrl: null });
    try {
      await migrate(handle);
      const db = handle.db;
      await loadDemoCourses(db);
      expect(await db.selectFrom('courses').select('id').execute()).toEqual([]);
      await db.transaction().execute(async (trx) => {
        for (const step of demoSteps) await step(trx);
      });
      const courses = await db.selectFrom('courses').selectAll().orderBy('id').execute();
      expect(courses).toHaveLength(2);
      expect(courses[0]).toMatchObject({ based_on_revision: 1 });
      expect(courses[0]!.provider_community_id).not.toBeNull();
      const runs = await db.selectFrom('course_runs').select(['course_id', 'language']).orderBy('id').execute();
      expect(runs.filter((r) => r.course_id === courses[0]!.id).map((r) => r.language)).toEqual(['en', 'es']);
      const completed = await db
        .selectFrom('course_progress')
        .select('user_id')
        .where('status', '=', 'completed')
        .execute();
      expect(completed).toHaveLength(5);
    } finally {
      await handle.close();
    }
    // A fresh database: every migration and the whole demo, slow on a busy machine.
  }, 90_000);
});
