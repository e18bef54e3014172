import { describe, expect, it } from 'vitest';
import { JUDGEMENTS } from '../../../contracts/sources';
import { openDatabase } from '../../db/connection';
import { migrate } from '../../db/migrate';
import { demoSteps } from '../../demo-steps';
import { loadDemoPeople } from '../people';
import { DEMO_SOURCES, demoSourceIdsByTitle, loadDemoSources } from './demo';
import { normalizeDoi, normalizeIsbn, normalizeUrl } from './identifiers';

describe('demo sources', () => {
  it('are thirty, well identified, reviewed across the judgements, with replies; a second run adds nothing', async () => {
    expect(demoSteps.indexOf(loadDemoSources)).toBeGreaterThan(demoSteps.indexOf(loadDemoPeople));
    expect(DEMO_SOURCES).toHaveLength(30);
    // Its own in-memory database: the demo's fixed identifiers would meet on the shared one.
    const handle = await openDatabase({ databaseUrl: null });
    try {
      await migrate(handle);
      const db = handle.db;
      await loadDemoSources(db);
      expect(await db.selectFrom('sources').select('id').execute()).toEqual([]);
      await db.transaction().execute(async (trx) => {
        for (const step of demoSteps) await step(trx);
      });
      const sources = await db.selectFrom('sources').selectAll().orderBy('id').execute();
      expect(sources).toHaveLength(30);
      expect(new Set(sources.map((s) => s.kind)).size).toBeGreaterThanOrEqual(8);
      expect(new Set(sources.flatMap((s) => s.languages)).size).toBeGreaterThanOrEqual(6);
      for (const s of sources) {
        if (s.isbn) expect(normalizeIsbn(s.isbn)).toBe(s.isbn);
        if (s.doi) {
          expect(s.doi).toMatch(/^10\.5555\/ldn\.\d+$/);
          expect(normalizeDoi(s.doi)).toBe(s.doi);
        }
        if (s.url) {
          expect(new URL(s.url).hostname).toMatch(/^(example\.org|meta\.wikimedia\.org)$/);
          expect(s.url_key).toBe(normalizeUrl(s.url)?.key);
        }
        expect(s.created_by).not.toBeNull();
        expect(s.review_count).toBeGreaterThan(0);
      }
      expect(sources.filter((s) => s.isbn).length).toBeGreaterThanOrEqual(8);
      expect(sources.some((s) => s.authors.some((a) => a.literal))).toBe(true);
      expect(sources.some((s) => s.url?.startsWith('https://meta.wikimedia.org/wiki/'))).toBe(true);
      const revisions = await db.selectFrom('source_revisions').select(['source_id', 'revision']).execute();
      expect(revisions).toHaveLength(30);
      expect(new Set(revisions.map((r) => r.revision))).toEqual(new Set([1]));
      const reviews = await db.selectFrom('source_reviews').select(['id', 'judgement']).execute();
      expect(reviews.length).toBeGreaterThanOrEqual(50);
      expect(new Set(reviews.map((r) => r.judgement))).toEqual(new Set(JUDGEMENTS));
      const replies = await db
        .selectFrom('comments')
        .select(['subject_id', 'path'])
        .where('subject_type', '=', 'source_review')
        .execute();
      expect(replies.length).toBeGreaterThanOrEqual(5);
      expect(replies.every((c) => c.path.length > 0)).toBe(true);

      const byTitle = await demoSourceIdsByTitle(db);
      expect(byTitle.size).toBe(30);
      expect(byTitle.get('Volunteer Onboarding Toolkit')).toBeTypeOf('number');

      await loadDemoSources(db);
      expect(await db.selectFrom('sources').select('id').execute()).toHaveLength(30);
      expect(await db.selectFrom('source_reviews').select('id').execute()).toHaveLength(reviews.length);
    } finally {
      await handle.close();
    }
    // A fresh database: every migration and the whole demo, slow on a busy machine.
  }, 120_000);
});
