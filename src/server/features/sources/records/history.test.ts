// Editing a source: a revision per edit, baseRevision conflicts, duplicates on edit, the history with its diffs,
// and a moderator's revert.
import { beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { TestClient } from '../../../testing/client';
import { testApp, unique } from '../../../testing/harness';
import { addSource, freshIsbn, moderator, someone, suspended, type Person } from './testing';

let app: FastifyInstance;
let author: Person;
let editor: Person;
beforeAll(async () => {
  app = await testApp();
  author = await someone(app);
  editor = await someone(app);
}, 90_000);

describe('editing a source', () => {
  it('saves each edit as a revision, refusing one based on an older revision', async () => {
    const s = await addSource(author);
    const edited = await editor.patch(`/api/v1/sources/${s.id}`, {
      title: 'Leading volunteer projects',
      year: null,
      baseRevision: 1,
      comment: 'Full title',
    });
    expect(edited.status, edited.text).toBe(200);
    expect(edited.body).toMatchObject({
      title: 'Leading volunteer projects',
      year: null,
      publisher: 'Open Press',
      revision: 2,
      createdBy: { username: author.username },
    });
    const stale = await author.patch(`/api/v1/sources/${s.id}`, { summary: 'Stale', baseRevision: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.errors[0].field).toBe('baseRevision');
    const row = await app.db
      .selectFrom('sources')
      .select(['title_key', 'summary', 'revision'])
      .where('id', '=', Number(s.id))
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ title_key: 'leading volunteer projects', summary: s.summary, revision: 2 });
    const logged = await app.db
      .selectFrom('audit_log')
      .select('action')
      .where('object_type', '=', 'source')
      .where('object_id', '=', s.id)
      .orderBy('id')
      .execute();
    expect(logged.map((l) => l.action)).toEqual(['source.create', 'source.edit']);
  });

  it('refuses anonymous visitors, suspended people, unknown sources and bad input', async () => {
    const s = await addSource(author);
    const anon = await new TestClient(app).start();
    expect((await anon.patch(`/api/v1/sources/${s.id}`, { title: 'X', baseRevision: 1 })).status).toBe(401);
    const banned = await suspended(app);
    expect((await banned.patch(`/api/v1/sources/${s.id}`, { title: 'X', baseRevision: 1 })).status).toBe(403);
    expect((await editor.patch('/api/v1/sources/999999999', { title: 'X', baseRevision: 1 })).status).toBe(404);
    const bad: [Record<string, unknown>, string][] = [
      [{ identifiers: { isbn: '0-306-40615-3' } }, 'identifiers.isbn'],
      [{ identifiers: { doi: 'doi:nope' } }, 'identifiers.doi'],
      [{ kind: 'novel' }, 'kind'],
      [{ languages: ['zz-unknown'] }, 'languages.0'],
      [{ skills: ['juggling'] }, 'skills.0'],
      [{ colour: 'red' }, 'colour'],
      [{ baseRevision: undefined, title: 'No base' }, 'baseRevision'],
      [{ baseRevision: 0 }, 'baseRevision'],
    ];
    for (const [change, field] of bad) {
      const res = await editor.patch(`/api/v1/sources/${s.id}`, { baseRevision: 1, ...change });
      expect(res.status, field).toBe(400);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    const revisions = await app.db
      .selectFrom('source_revisions')
      .select('revision')
      .where('source_id', '=', Number(s.id))
      .execute();
    expect(revisions).toHaveLength(1);
  });

  it('refuses an edit that takes another source’s identifier or title, unless the title is forced', async () => {
    const isbn = freshIsbn();
    const other = await addSource(author, { identifiers: { isbn } });
    const s = await addSource(author);
    const taken = await editor.patch(`/api/v1/sources/${s.id}`, { identifiers: { isbn }, baseRevision: 1 });
    expect(taken.status).toBe(409);
    expect(taken.body.duplicates).toEqual([{ id: other.id, title: other.title, reason: 'isbn' }]);
    const sameTitle = await editor.patch(`/api/v1/sources/${s.id}`, { title: other.title, baseRevision: 1 });
    expect(sameTitle.status).toBe(409);
    expect(sameTitle.body.duplicates).toEqual([{ id: other.id, title: other.title, reason: 'title' }]);
    const forced = await editor.patch(`/api/v1/sources/${s.id}`, { title: other.title, baseRevision: 1, force: true });
    expect(forced.status, forced.text).toBe(200);
    // Later edits that keep the title are not asked again.
    expect((await editor.patch(`/api/v1/sources/${s.id}`, { year: 2001, baseRevision: 2 })).status).toBe(200);
  });
});

describe('history and revert', () => {
  it('lists revisions newest first with field-by-field diffs, paged', async () => {
    const s = await addSource(author, { identifiers: { doi: `10.5555/${unique('h').toLowerCase()}` } });
    await editor.patch(`/api/v1/sources/${s.id}`, {
      summary: 'How to lead volunteer teams.',
      authors: [{ family: 'Lee', given: 'Ana' }, { literal: 'WHO' }],
      baseRevision: 1,
      comment: 'More authors',
    });
    await author.patch(`/api/v1/sources/${s.id}`, { skills: ['facilitation', 'mentoring'], baseRevision: 2 });
    const anon = await new TestClient(app).start();
    const all = await anon.get(`/api/v1/sources/${s.id}/revisions`);
    expect(all.status, all.text).toBe(200);
    expect(all.body.items.map((r: { revision: number }) => r.revision)).toEqual([3, 2, 1]);
    const [third, second, first] = all.body.items;
    expect(third.changes).toEqual([
      {
        field: 'skills',
        diff: [
          { op: 'same', text: 'facilitation' },
          { op: 'added', text: ', mentoring' },
        ],
      },
    ]);
    expect(second).toMatchObject({ author: { username: editor.username }, comment: 'More authors' });
    expect(second.changes.map((c: { field: string }) => c.field)).toEqual(['authors', 'summary']);
    expect(second.changes[0].diff).toContainEqual({ op: 'added', text: expect.stringContaining('WHO') });
    expect(second.changes[1].diff).toContainEqual({ op: 'added', text: ' teams' });
    expect(first.author).toEqual({ username: author.username, displayName: author.username });
    expect(first.changes.map((c: { field: string }) => c.field)).toContain('identifiers');
    expect(first.changes.find((c: { field: string }) => c.field === 'identifiers').diff[0]).toEqual({
      op: 'added',
      text: expect.stringMatching(/^doi: 10\.5555\//),
    });

    const one = await anon.get(`/api/v1/sources/${s.id}/revisions?limit=1`);
    expect(one.body.items).toHaveLength(1);
    const next = await anon.get(`/api/v1/sources/${s.id}/revisions?limit=1&cursor=${one.body.next}`);
    expect(next.body.items[0]).toEqual(second);
    expect((await anon.get(`/api/v1/sources/${s.id}/revisions?cursor=nonsense`)).status).toBe(400);
  });

  it('lets moderators restore a revision as a new one; others are refused', async () => {
    const s = await addSource(author);
    await editor.patch(`/api/v1/sources/${s.id}`, { title: 'Vandalized', summary: '', baseRevision: 1 });
    expect((await editor.post(`/api/v1/sources/${s.id}/revert`, { revision: 1 })).status).toBe(403);
    const anon = await new TestClient(app).start();
    expect((await anon.post(`/api/v1/sources/${s.id}/revert`, { revision: 1 })).status).toBe(401);
    const mod = await moderator(app);
    expect((await mod.post(`/api/v1/sources/${s.id}/revert`, { revision: 9 })).status).toBe(400);
    expect((await mod.post(`/api/v1/sources/${s.id}/revert`, { revision: 'one' })).status).toBe(400);
    // Beyond PostgreSQL's integer: refused by the schema, naming the field, before any query.
    const huge = await mod.post(`/api/v1/sources/${s.id}/revert`, { revision: 2 ** 31 });
    expect(huge.status).toBe(400);
    expect(huge.body.errors[0].field).toBe('revision');
    expect((await mod.post('/api/v1/sources/999999999/revert', { revision: 1 })).status).toBe(404);
    const reverted = await mod.post(`/api/v1/sources/${s.id}/revert`, { revision: 1, comment: 'Vandalism' });
    expect(reverted.status, reverted.text).toBe(200);
    expect(reverted.body).toMatchObject({ title: s.title, summary: s.summary, revision: 3 });
    const history = (await anon.get(`/api/v1/sources/${s.id}/revisions`)).body.items;
    expect(history[0]).toMatchObject({ revision: 3, comment: 'Vandalism', author: { username: mod.username } });
    expect(history[0].changes.map((c: { field: string }) => c.field)).toEqual(['title', 'summary']);
    const refused = await app.db
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'permission.refused')
      .where('actor_id', '=', editor.userId)
      .execute();
    expect(refused.length).toBeGreaterThan(0);
  });
});
