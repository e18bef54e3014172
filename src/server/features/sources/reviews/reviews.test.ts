// Reviews through the API: one per person per source, edits keep the earlier version, deleting, paging, bad
// input, conflicts, suspended people, and the counts the database keeps on the source.
import { beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { TestClient } from '../../../testing/client';
import { testApp } from '../../../testing/harness';
import { counts, moderator, REVIEW, review, someone, source } from './testing';

let app: FastifyInstance;
beforeAll(async () => {
  app = await testApp();
  // The first test of the file may start the app (migrations), slow on a busy machine.
}, 90_000);

const rowsOf = (sourceId: number) =>
  app.db.selectFrom('source_reviews').selectAll().where('source_id', '=', sourceId).execute();
const historyOf = (reviewId: number) =>
  app.db
    .selectFrom('source_review_history')
    .select(['revision', 'record'])
    .where('review_id', '=', reviewId)
    .orderBy('id')
    .execute();
const audited = (action: string, id: string) =>
  app.db
    .selectFrom('audit_log')
    .select(['actor_id', 'details'])
    .where('action', '=', action)
    .where('object_id', '=', id)
    .execute();

describe('a review', () => {
  it('is saved, replaced with its earlier version kept, listed, counted and deleted', async () => {
    const reader = await someone(app);
    const anon = await new TestClient(app).start();
    const id = await source(app);
    const saved = await reader.put(`/api/v1/sources/${id}/review`, { ...REVIEW, baseRevision: 0 });
    expect(saved.status, saved.text).toBe(200);
    expect(saved.body).toMatchObject({
      judgement: 'reliable',
      reasons: REVIEW.reasons,
      reasonsHtml: expect.stringContaining('<strong>sources</strong>'),
      intendedUse: REVIEW.intendedUse,
      audience: 'New volunteers',
      language: 'en',
      usefulness: 4,
      revision: 1,
      replies: 0,
      hidden: null,
      author: { username: reader.username },
    });
    expect(await counts(app, id)).toMatchObject({ review_count: 1, judgement: 'reliable' });
    expect(await audited('source.review.add', saved.body.id)).toEqual([
      expect.objectContaining({ actor_id: reader.userId }),
    ]);

    // Saving again replaces it: one row, revision 2, the first version in the history.
    const again = await reader.put(`/api/v1/sources/${id}/review`, {
      ...REVIEW,
      judgement: 'mixed',
      usefulness: 2,
      audience: null,
      language: null,
      baseRevision: 1,
    });
    expect(again.status, again.text).toBe(200);
    expect(again.body).toMatchObject({ id: saved.body.id, judgement: 'mixed', revision: 2, audience: null });
    expect(await rowsOf(id)).toHaveLength(1);
    expect(await historyOf(Number(saved.body.id))).toEqual([
      {
        revision: 1,
        record: {
          judgement: 'reliable',
          reasons: REVIEW.reasons,
          intendedUse: REVIEW.intendedUse,
          audience: 'New volunteers',
          language: 'en',
          usefulness: 4,
          sourceId: id,
        },
      },
    ]);
    expect(await counts(app, id)).toMatchObject({
      review_count: 1,
      judgement_counts: { mixed: 1 },
      usefulness_counts: { '2': 1 },
      judgement: 'mixed',
    });
    // A save from an older start is a conflict, and writes nothing.
    const stale = await reader.put(`/api/v1/sources/${id}/review`, { ...REVIEW, baseRevision: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.errors[0].field).toBe('baseRevision');
    expect((await rowsOf(id))[0]).toMatchObject({ revision: 2, judgement: 'mixed' });
    // Without baseRevision the last save wins.
    expect((await reader.put(`/api/v1/sources/${id}/review`, REVIEW)).body.revision).toBe(3);
    expect(await audited('source.review.edit', saved.body.id)).toHaveLength(2);

    const listed = await anon.get(`/api/v1/sources/${id}/reviews`);
    expect(listed.status).toBe(200);
    expect(listed.body).toMatchObject({ items: [{ id: saved.body.id, revision: 3 }], next: null });

    // Deleting: only one's own (someone without a review gets a 404), then the counts follow.
    expect((await anon.delete(`/api/v1/sources/${id}/review`)).status).toBe(401);
    expect((await (await someone(app)).delete(`/api/v1/sources/${id}/review`)).status).toBe(404);
    expect((await reader.delete(`/api/v1/sources/${id}/review`)).status).toBe(204);
    expect(await rowsOf(id)).toEqual([]);
    expect(await counts(app, id)).toMatchObject({ review_count: 0, judgement: null });
    expect(await audited('source.review.delete', saved.body.id)).toHaveLength(1);
    expect((await reader.delete(`/api/v1/sources/${id}/review`)).status).toBe(404);
  });

  it('answers 404 for an unknown source and 401 for anonymous people', async () => {
    const p = await someone(app);
    const anon = await new TestClient(app).start();
    const id = await source(app);
    for (const bad of ['999999999', 'x', '0']) {
      expect((await p.put(`/api/v1/sources/${bad}/review`, REVIEW)).status).toBe(404);
      expect((await anon.get(`/api/v1/sources/${bad}/reviews`)).status).toBe(404);
      expect((await p.delete(`/api/v1/sources/${bad}/review`)).status).toBe(404);
    }
    expect((await anon.put(`/api/v1/sources/${id}/review`, REVIEW)).status).toBe(401);
    expect(await rowsOf(id)).toEqual([]);
  });

  it('refuses bad input naming the field, and writes nothing', async () => {
    const p = await someone(app);
    const id = await source(app);
    const bad: [Record<string, unknown>, string][] = [
      [{ ...REVIEW, judgement: 'great' }, 'judgement'],
      [{ ...REVIEW, judgement: undefined }, 'judgement'],
      [{ ...REVIEW, usefulness: 0 }, 'usefulness'],
      [{ ...REVIEW, usefulness: 6 }, 'usefulness'],
      [{ ...REVIEW, usefulness: 2.5 }, 'usefulness'],
      [{ ...REVIEW, usefulness: '3' }, 'usefulness'],
      [{ ...REVIEW, reasons: 'x'.repeat(5001) }, 'reasons'],
      [{ ...REVIEW, intendedUse: 'x'.repeat(5001) }, 'intendedUse'],
      [{ ...REVIEW, audience: 'x'.repeat(201) }, 'audience'],
      [{ ...REVIEW, language: 'english' }, 'language'],
      [{ ...REVIEW, baseRevision: -1 }, 'baseRevision'],
      [{ ...REVIEW, stars: 5 }, 'stars'],
    ];
    for (const [body, field] of bad) {
      const res = await p.put(`/api/v1/sources/${id}/review`, body);
      expect(res.status, `${field}: ${res.text}`).toBe(400);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    expect(await rowsOf(id)).toEqual([]);
    expect((await p.get(`/api/v1/sources/${id}/reviews?cursor=nonsense`)).status).toBe(400);
  });

  it('stays one row when two saves of one person arrive at once', async () => {
    const p = await someone(app);
    const id = await source(app);
    const [a, b] = await Promise.all([
      p.put(`/api/v1/sources/${id}/review`, { ...REVIEW, judgement: 'reliable' }),
      p.put(`/api/v1/sources/${id}/review`, { ...REVIEW, judgement: 'unreliable' }),
    ]);
    expect([a.status, b.status]).toEqual([200, 200]);
    const rows = await rowsOf(id);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.revision).toBe(2);
    expect(await historyOf(rows[0]!.id)).toHaveLength(1);
    expect((await counts(app, id)).review_count).toBe(1);
  });

  it('lists newest changed first, page by page', async () => {
    const id = await source(app);
    const people = [await someone(app), await someone(app), await someone(app)];
    const ids: string[] = [];
    for (const p of people) ids.push((await review(p, id)).id);
    // The first reviewer changes theirs: it moves to the top.
    await review(people[0]!, id, { judgement: 'not_sure' });
    const anon = await new TestClient(app).start();
    const first = await anon.get(`/api/v1/sources/${id}/reviews?limit=2`);
    expect(first.body.items.map((r: { id: string }) => r.id)).toEqual([ids[0], ids[2]]);
    expect(first.body.next).toBeTruthy();
    const second = await anon.get(`/api/v1/sources/${id}/reviews?limit=2&cursor=${first.body.next}`);
    expect(second.body).toMatchObject({ items: [{ id: ids[1] }], next: null });
  });

  it('is refused to a suspended person, who may still delete their own', async () => {
    const p = await someone(app);
    const mod = await moderator(app);
    const id = await source(app);
    const other = await source(app);
    await review(p, id);
    const suspended = await mod.post(`/api/v1/moderation/people/${p.userId}/suspend`, { reason: 'Spam', hours: 24 });
    expect(suspended.status, suspended.text).toBe(201);
    expect((await p.put(`/api/v1/sources/${other}/review`, REVIEW)).status).toBe(403);
    expect((await p.put(`/api/v1/sources/${id}/review`, { ...REVIEW, judgement: 'mixed' })).status).toBe(403);
    expect((await rowsOf(id))[0]).toMatchObject({ judgement: 'reliable', revision: 1 });
    expect(await rowsOf(other)).toEqual([]);
    expect((await p.delete(`/api/v1/sources/${id}/review`)).status).toBe(204);
    expect(await rowsOf(id)).toEqual([]);
  });
});
