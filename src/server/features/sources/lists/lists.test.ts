// Reading lists: a person keeps their own, a group's coordinators and ambassadors keep the group's; anyone
// reads them and downloads them as BibTeX, RIS or CSL-JSON.
import { beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { grantRole, TestClient } from '../../../testing/client';
import { testApp, unique } from '../../../testing/harness';
import { auditCount, someone, type Person } from '../../initiatives/testing';
import { sourceRow } from './testing';

let app: FastifyInstance;
let owner: Person;
let other: Person;
let anon: TestClient;
beforeAll(async () => {
  app = await testApp();
  owner = await someone(app, 'rlown');
  other = await someone(app, 'rloth');
  anon = await new TestClient(app).start();
});

async function groupWith(coordinator: Person, ambassador?: Person): Promise<string> {
  const name = unique('Reading group ');
  const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  const g = await app.db
    .insertInto('communities')
    .values({ slug, name, name_key: name.toLowerCase(), kind: 'user_group', region: 'SA' })
    .returning('id')
    .executeTakeFirstOrThrow();
  await app.db
    .insertInto('community_members')
    .values({ community_id: g.id, user_id: coordinator.userId, role: 'coordinator' })
    .execute();
  if (ambassador)
    await app.db
      .insertInto('ambassador_terms')
      .values({ community_id: g.id, user_id: ambassador.userId, start_date: '2020-01-01', end_date: null })
      .execute();
  return slug;
}

async function list(p: Person, body: Record<string, unknown> = {}) {
  const res = await p.post('/api/v1/reading-lists', { title: unique('Starting to facilitate '), ...body });
  expect(res.status, res.text).toBe(201);
  return res.body as { id: string; title: string; revision: number };
}

const itemCount = async (id: string) =>
  (await app.db.selectFrom('reading_list_items').select('source_id').where('list_id', '=', Number(id)).execute())
    .length;

describe('a personal reading list', () => {
  it('is started, filled in order, changed and deleted by its owner, and read by anyone', async () => {
    const l = await list(owner, { description: 'For *new* facilitators.' });
    expect(l).toMatchObject({ owner: { username: owner.username }, community: null, count: 0, revision: 1 });
    const [a, b] = [await sourceRow(app, { title: 'First book' }), await sourceRow(app, { title: 'Second book' })];
    await app.db
      .insertInto('source_reviews')
      .values({ source_id: a, user_id: other.userId, judgement: 'reliable', usefulness: 5 })
      .execute();
    const put = await owner.put(`/api/v1/reading-lists/${l.id}/items`, {
      items: [{ source: String(b), note: 'Start **here**' }, { source: String(a) }],
    });
    expect(put.status, put.text).toBe(200);
    const read = await anon.get(`/api/v1/reading-lists/${l.id}`);
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({
      count: 2,
      revision: 2,
      can: { edit: false },
      descriptionHtml: expect.stringContaining('<em>new</em>'),
    });
    expect(read.body.items.map((i: { source: { title: string } }) => i.source.title)).toEqual([
      'Second book',
      'First book',
    ]);
    expect(read.body.items[0].noteHtml).toContain('<strong>here</strong>');
    expect(read.body.items[1].source).toMatchObject({
      id: String(a),
      judgements: { reliable: 1, mixed: 0, unreliable: 0, not_sure: 0 },
      judgement: 'reliable',
      reviews: 1,
      usedBy: 0,
    });
    expect((await owner.get(`/api/v1/reading-lists/${l.id}`)).body.can).toEqual({ edit: true });

    const patched = await owner.patch(`/api/v1/reading-lists/${l.id}`, { title: 'Renamed', baseRevision: 2 });
    expect(patched.status, patched.text).toBe(200);
    expect(patched.body).toMatchObject({ title: 'Renamed', revision: 3 });
    const stale = await owner.patch(`/api/v1/reading-lists/${l.id}`, { title: 'Again', baseRevision: 2 });
    expect(stale.status).toBe(409);
    expect(stale.body.errors[0].field).toBe('baseRevision');

    const mine = await anon.get(`/api/v1/reading-lists?owner=${owner.username}`);
    expect(mine.body.items.map((x: { id: string }) => x.id)).toContain(l.id);
    expect((await anon.get('/api/v1/reading-lists?owner=nobody-at-all')).body).toEqual({ items: [], next: null });

    expect((await owner.delete(`/api/v1/reading-lists/${l.id}`)).status).toBe(204);
    expect((await anon.get(`/api/v1/reading-lists/${l.id}`)).status).toBe(404);
    for (const action of ['reading_list.create', 'reading_list.items', 'reading_list.edit', 'reading_list.delete'])
      expect(await auditCount(app, action, owner.userId)).toBeGreaterThanOrEqual(1);
  });

  it('is changed by no one else: another person 403, anonymous 401, its owner suspended 403 (deleting stays open)', async () => {
    const sus = await someone(app, 'rlsus');
    const l = await list(sus);
    const s = await sourceRow(app);
    const admin = await someone(app, 'rladm');
    await grantRole(app, admin.username, 'admin');
    const attempts = (p: TestClient) => [
      () => p.patch(`/api/v1/reading-lists/${l.id}`, { title: 'Taken' }),
      () => p.put(`/api/v1/reading-lists/${l.id}/items`, { items: [{ source: String(s) }] }),
      () => p.delete(`/api/v1/reading-lists/${l.id}`),
    ];
    for (const attempt of attempts(other)) expect((await attempt()).status).toBe(403);
    for (const attempt of attempts(admin)) expect((await attempt()).status).toBe(403);
    for (const attempt of attempts(anon)) expect((await attempt()).status).toBe(401);
    expect((await anon.post('/api/v1/reading-lists', { title: 'Mine' })).status).toBe(401);

    const moderator = await someone(app, 'rlmod');
    await grantRole(app, moderator.username, 'moderator');
    const res = await moderator.post(`/api/v1/moderation/people/${sus.userId}/suspend`, {
      reason: 'Cooling-off',
      hours: 24,
    });
    expect(res.status, res.text).toBe(201);
    expect((await sus.post('/api/v1/reading-lists', { title: 'Another' })).status).toBe(403);
    expect((await sus.patch(`/api/v1/reading-lists/${l.id}`, { title: 'Taken' })).status).toBe(403);
    expect((await sus.put(`/api/v1/reading-lists/${l.id}/items`, { items: [{ source: String(s) }] })).status).toBe(403);
    const after = (await anon.get(`/api/v1/reading-lists/${l.id}`)).body;
    expect(after).toMatchObject({ title: l.title, count: 0, revision: 1 });
    expect((await sus.delete(`/api/v1/reading-lists/${l.id}`)).status).toBe(204);
  });

  it('refuses bad input with a 400 naming the field, writing nothing', async () => {
    const l = await list(owner);
    const s = await sourceRow(app);
    const field = async (res: Promise<{ status: number; body: { errors: { field: string }[] } }>) => {
      const r = await res;
      expect(r.status).toBe(400);
      return r.body.errors.map((e) => e.field);
    };
    expect(await field(owner.post('/api/v1/reading-lists', { title: '' }))).toEqual(['title']);
    expect(await field(owner.post('/api/v1/reading-lists', { title: 'x', colour: 'red' }))).toHaveLength(1);
    expect(await field(owner.post('/api/v1/reading-lists', { title: 'x', community: 'no-such-group' }))).toEqual([
      'community',
    ]);
    const items = `/api/v1/reading-lists/${l.id}/items`;
    expect(await field(owner.put(items, { items: [{ source: String(s) }, { source: '999999999' }] }))).toEqual([
      'items.1.source',
    ]);
    expect(await field(owner.put(items, { items: [{ source: String(s) }, { source: String(s) }] }))).toEqual([
      'items.1.source',
    ]);
    expect(await field(owner.put(items, { items: [{ source: String(s), note: 'x'.repeat(2001) }] }))).toEqual([
      'items.0.note',
    ]);
    const tooMany = Array.from({ length: 501 }, (_, n) => ({ source: String(n + 1) }));
    expect(await field(owner.put(items, { items: tooMany }))).toEqual(['items']);
    expect(await field(owner.patch(`/api/v1/reading-lists/${l.id}`, { title: ' ' }))).toEqual(['title']);
    expect(await itemCount(l.id)).toBe(0);
    expect((await owner.get('/api/v1/reading-lists/abc')).status).toBe(404);
    expect((await owner.put('/api/v1/reading-lists/999999999/items', { items: [] })).status).toBe(404);
  });
});

describe("a group's reading list", () => {
  it("is kept by the group's coordinators, ambassadors and admins only", async () => {
    const coordinator = await someone(app, 'rlcoord');
    const ambassador = await someone(app, 'rlamb');
    const slug = await groupWith(coordinator, ambassador);
    const s = await sourceRow(app);

    expect((await other.post('/api/v1/reading-lists', { title: 'Not mine', community: slug })).status).toBe(403);
    const l = await list(coordinator, { title: 'Public speaking for ambassadors', community: slug });
    expect(l).toMatchObject({ owner: null, community: { slug } });
    expect((await list(ambassador, { community: slug })).id).toBeTruthy();

    const put = (p: TestClient) => p.put(`/api/v1/reading-lists/${l.id}/items`, { items: [{ source: String(s) }] });
    expect((await put(ambassador)).status).toBe(200);
    expect((await put(coordinator)).status).toBe(200);
    const admin = await someone(app, 'rlgadm');
    await grantRole(app, admin.username, 'admin');
    expect((await put(admin)).status).toBe(200);
    expect((await put(other)).status).toBe(403);
    expect((await put(anon)).status).toBe(401);
    expect((await other.delete(`/api/v1/reading-lists/${l.id}`)).status).toBe(403);
    expect((await ambassador.get(`/api/v1/reading-lists/${l.id}`)).body.can).toEqual({ edit: true });
    expect((await other.get(`/api/v1/reading-lists/${l.id}`)).body.can).toEqual({ edit: false });

    const ofGroup = await anon.get(`/api/v1/reading-lists?community=${slug}`);
    expect(ofGroup.body.items).toHaveLength(2);
    const first = await anon.get(`/api/v1/reading-lists?community=${slug}&limit=1`);
    expect(first.body.items).toHaveLength(1);
    const second = await anon.get(`/api/v1/reading-lists?community=${slug}&limit=1&cursor=${first.body.next}`);
    expect(second.body.items[0].id).not.toBe(first.body.items[0].id);
    expect(second.body.next).toBeNull();
  });
});
