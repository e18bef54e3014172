import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/connection';
import { migrate } from '../../db/migrate';
import { demoSteps } from '../../demo-steps';
import { loadDemoPeople } from '../people/demo';
import { loadDemoDocuments } from './demo';
import { progressOf, languageBars } from './translations/progress';

describe('demo document', () => {
  it('runs after the demo people: a charter in three revisions, translated into ar, es and fr (French outdated)', async () => {
    expect(demoSteps.indexOf(loadDemoDocuments)).toBeGreaterThan(demoSteps.indexOf(loadDemoPeople));
    // Its own in-memory database: the demo's fixed names would meet on the shared one.
    const handle = await openDatabase({ databaseUrl: null });
    try {
      await migrate(handle);
      const db = handle.db;
      await loadDemoDocuments(db);
      expect(await db.selectFrom('documents').select('id').execute()).toEqual([]);
      await db.transaction().execute(async (trx) => {
        for (const step of demoSteps) await step(trx);
      });
      const doc = await db.selectFrom('documents').selectAll().executeTakeFirstOrThrow();
      expect(doc).toMatchObject({ slug: 'riverbank-charter', revision: 3 });
      const units = await db.selectFrom('document_units').select(['kind']).where('document_id', '=', doc.id).execute();
      expect(units).toHaveLength(12);
      expect(new Set(units.map((u) => u.kind))).toEqual(new Set(['title', 'heading', 'paragraph', 'list', 'table']));
      const bars = languageBars((await progressOf(db, [doc.id])).get(doc.id), doc.priority_languages);
      expect(bars.map((b) => [b.language, b.translated + b.proofread, b.outdated, b.untranslated])).toEqual([
        ['ar', 12, 0, 0],
        ['es', 12, 0, 0],
        ['fr', 10, 2, 0],
      ]);
      expect(bars.find((b) => b.language === 'es')?.proofread).toBe(4);
    } finally {
      await handle.close();
    }
  });
});
