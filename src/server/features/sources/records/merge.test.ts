// Merging and deleting sources (moderators and admins): reviews, links, list entries, comments and follows move
// (of one person's two reviews the newer stays, the older goes to its history); the old address answers 301.
import { beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { TestClient } from '../../../testing/client';
import { testApp } from '../../../testing/harness';
import { addSource, moderator, someone, type Person } from './testing';

let app: FastifyInstance;
let author: Person;
let mod: Person;
beforeAll(async () => {
  app = await testApp();
  author = await someone(app);
  mod = await moderator(app);
}, 90_000);

const review = async (sourceId: string, p: Person, judgement: 'reliable' | 'unreliable', at: string) =>
  (
    await app.db
      .insertInto('source_reviews')
      .values({
        source_id: Number(sourceId),
        user_id: p.userId,
        judgement,
        usefulness: judgement === 'reliable' ? 5 : 1,
        reasons: `${judgement} at ${at}`,
        created_at: new Date(at),
        updated_at: new Date(at),
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;

async function initiative(title: string): Promise<number> {
  const row = await app.db
    .insertInto('initiatives')
    .values({
      author_id: author.userId,
      title,
      summary: 'x',
      stage: 'archived',
      outcome: 'met',
      last_activity_at: new Date(),
      created_at: new Date(),
      updated_at: new Date(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

describe('merging sources', () => {
  it('moves everything to the target in one go, and the old address answers 301', async () => {
    const from = await addSource(author);
    const into = await addSource(author);
    const both = await someone(app);
    const onlyFrom = await someone(app);
    // One person reviewed both: the newer (on the merged source) stays.
    const olderKept = await review(into.id, both, 'unreliable', '2026-01-01T00:00:00Z');
    const newer = await review(from.id, both, 'reliable', '2026-06-01T00:00:00Z');
    const moved = await review(from.id, onlyFrom, 'reliable', '2026-03-01T00:00:00Z');
    const shared = await initiative('Uses both');
    const own = await initiative('Uses the merged one');
    await app.db
      .insertInto('initiative_sources')
      .values([
        { initiative_id: shared, source_id: Number(from.id), note: 'from' },
        { initiative_id: shared, source_id: Number(into.id), note: 'into' },
        { initiative_id: own, source_id: Number(from.id), note: 'own' },
      ])
      .execute();
    const list = await app.db
      .insertInto('reading_lists')
      .values({ title: 'Merged list', owner_id: author.userId })
      .returning('id')
      .executeTakeFirstOrThrow();
    await app.db
      .insertInto('reading_list_items')
      .values({ list_id: list.id, source_id: Number(from.id), position: 1 })
      .execute();
    const comment = await app.db
      .insertInto('comments')
      .values({
        subject_type: 'source',
        subject_id: Number(from.id),
        author_id: author.userId,
        depth: 0,
        body: 'Same book',
        created_at: new Date(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await app.db
      .insertInto('follows')
      .values([
        { user_id: author.userId, subject_type: 'source', subject_id: Number(from.id), created_at: new Date() },
        { user_id: author.userId, subject_type: 'source', subject_id: Number(into.id), created_at: new Date() },
        { user_id: both.userId, subject_type: 'source', subject_id: Number(from.id), created_at: new Date() },
      ])
      .execute();
    // An older merge into the source being merged now.
    const earlier = await addSource(author);
    expect((await mod.post(`/api/v1/sources/${earlier.id}/merge`, { into: from.id })).status).toBe(200);

    const res = await mod.post(`/api/v1/sources/${from.id}/merge`, { into: into.id });
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({
      id: into.id,
      reviews: 2,
      judgements: { reliable: 2, unreliable: 0 },
      usedBy: 2,
      readingLists: [{ id: String(list.id), title: 'Merged list' }],
    });
    expect(res.body.initiatives.map((i: { id: string; note: string }) => [i.id, i.note])).toEqual([
      [String(shared), 'into'],
      [String(own), 'own'],
    ]);

    const reviews = await app.db
      .selectFrom('source_reviews')
      .select(['id', 'source_id'])
      .where('id', 'in', [olderKept, newer, moved])
      .orderBy('id')
      .execute();
    expect(reviews).toEqual([
      { id: newer, source_id: Number(into.id) },
      { id: moved, source_id: Number(into.id) },
    ]);
    const history = await app.db
      .selectFrom('source_review_history')
      .selectAll()
      .where('review_id', '=', newer)
      .execute();
    expect(history).toHaveLength(1);
    expect(history[0]!.record).toMatchObject({
      judgement: 'unreliable',
      reasons: 'unreliable at 2026-01-01T00:00:00Z',
      sourceId: Number(into.id),
    });
    const c = await app.db.selectFrom('comments').selectAll().where('id', '=', comment.id).executeTakeFirstOrThrow();
    expect([c.subject_type, c.subject_id]).toEqual(['source', Number(into.id)]);
    const follows = await app.db
      .selectFrom('follows')
      .select(['user_id', 'subject_id'])
      .where('subject_type', '=', 'source')
      .where('subject_id', 'in', [Number(from.id), Number(into.id)])
      .orderBy('user_id')
      .execute();
    expect(follows).toEqual(
      [
        { user_id: author.userId, subject_id: Number(into.id) },
        { user_id: both.userId, subject_id: Number(into.id) },
      ].sort((a, b) => a.user_id - b.user_id),
    );

    const anon = await new TestClient(app).start();
    for (const old of [from.id, earlier.id]) {
      const gone = await anon.get(`/api/v1/sources/${old}`);
      expect(gone.status).toBe(301);
      expect(gone.headers.location).toBe(`/api/v1/sources/${into.id}`);
      expect(gone.body).toEqual({ id: into.id, location: `/api/v1/sources/${into.id}` });
    }
    expect((await app.db.selectFrom('sources').select('id').where('id', '=', Number(from.id)).execute()).length).toBe(
      0,
    );
    const logged = await app.db
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'source.merge')
      .where('object_id', '=', from.id)
      .executeTakeFirstOrThrow();
    expect(logged.details).toMatchObject({ into: Number(into.id) });
  });

  it('refuses members, itself as target and unknown sources, writing nothing', async () => {
    const from = await addSource(author);
    const into = await addSource(author);
    const anon = await new TestClient(app).start();
    expect((await anon.post(`/api/v1/sources/${from.id}/merge`, { into: into.id })).status).toBe(401);
    expect((await author.post(`/api/v1/sources/${from.id}/merge`, { into: into.id })).status).toBe(403);
    const self = await mod.post(`/api/v1/sources/${from.id}/merge`, { into: from.id });
    expect(self.status).toBe(400);
    expect(self.body.errors[0].field).toBe('into');
    expect((await mod.post(`/api/v1/sources/${from.id}/merge`, { into: '999999999' })).status).toBe(404);
    expect((await mod.post('/api/v1/sources/999999999/merge', { into: into.id })).status).toBe(404);
    expect((await mod.post(`/api/v1/sources/${from.id}/merge`, {})).status).toBe(400);
    expect((await mod.post(`/api/v1/sources/${from.id}/merge`, { into: into.id, extra: 1 })).status).toBe(400);
    const left = await app.db
      .selectFrom('sources')
      .select('id')
      .where('id', 'in', [Number(from.id), Number(into.id)])
      .execute();
    expect(left).toHaveLength(2);
    expect(
      await app.db.selectFrom('source_merges').selectAll().where('from_id', '=', Number(from.id)).execute(),
    ).toEqual([]);
  });
});

describe('deleting a source', () => {
  it('lets moderators delete a source (204), and refuses members', async () => {
    const s = await addSource(author);
    const anon = await new TestClient(app).start();
    expect((await anon.delete(`/api/v1/sources/${s.id}`)).status).toBe(401);
    expect((await author.delete(`/api/v1/sources/${s.id}`)).status).toBe(403);
    expect((await anon.get(`/api/v1/sources/${s.id}`)).status).toBe(200);
    expect((await mod.delete(`/api/v1/sources/${s.id}`)).status).toBe(204);
    expect((await anon.get(`/api/v1/sources/${s.id}`)).status).toBe(404);
    expect((await mod.delete(`/api/v1/sources/${s.id}`)).status).toBe(404);
    const logged = await app.db
      .selectFrom('audit_log')
      .select('action')
      .where('object_type', '=', 'source')
      .where('object_id', '=', s.id)
      .orderBy('id')
      .execute();
    expect(logged.map((l) => l.action)).toEqual(['source.create', 'source.delete']);
  });
});
