import { describe, expect, it } from 'vitest';
import { testApp } from '../../testing/harness';
import { TestClient, grantRole } from '../../testing/client';
import { comment, groupLedBy, inbox, person, postUpdate } from './testing';

/** b is mentioned in `n` comments by a, newest last. */
async function setting(n: number) {
  const app = await testApp();
  const a = await person(app);
  const b = await person(app);
  const update = await postUpdate(a, await groupLedBy(app, a));
  const comments: string[] = [];
  for (let i = 0; i < n; i++)
    comments.push(await comment(a, { type: 'update', id: update.id }, `Point ${i} for @${b.username}`));
  return { app, a, b, update, comments };
}

describe('the list of notifications', () => {
  it('pages newest first with cursors, counting every unread one', async () => {
    const { b, comments } = await setting(5);
    const first = await inbox(b, '?limit=2');
    expect(first.items.map((n) => n.object?.id)).toEqual([comments[4], comments[3]]);
    expect(first.unread).toBe(5);
    const second = await inbox(b, `?limit=2&cursor=${first.next}`);
    expect(second.items.map((n) => n.object?.id)).toEqual([comments[2], comments[1]]);
    const third = await inbox(b, `?limit=2&cursor=${second.next}`);
    expect(third.items.map((n) => n.object?.id)).toEqual([comments[0]]);
    expect(third.next).toBeNull();
    expect((await b.get('/api/v1/notifications/unread')).body).toEqual({ unread: 5 });
  });

  it('names an actor who hides their display name by their username', async () => {
    const { app, a, b } = await setting(1);
    await app.db
      .updateTable('users')
      .set({ display_name: 'Hidden Name', public_fields: ['region'] })
      .where('id', '=', a.userId)
      .execute();
    const [n] = (await inbox(b)).items;
    expect(n?.actor).toEqual({ username: a.username, displayName: a.username });
    await app.db
      .updateTable('users')
      .set({ public_fields: ['display_name'] })
      .where('id', '=', a.userId)
      .execute();
    expect((await inbox(b)).items[0]?.actor).toEqual({ username: a.username, displayName: 'Hidden Name' });
  });

  it('stay readable and can be marked read during a suspension; following is refused, unfollowing is not', async () => {
    const { app, a, b, update } = await setting(2);
    const follow = await b.post('/api/v1/follows', { subject: { type: 'update', id: update.id } });
    expect(follow.status).toBe(201);
    const moderator = await person(app, 'mod');
    await grantRole(app, moderator.username, 'moderator');
    expect(
      (await moderator.post(`/api/v1/moderation/people/${b.userId}/suspend`, { reason: 'Spam', hours: 24 })).status,
    ).toBe(201);
    expect((await inbox(b)).unread).toBe(2);
    expect((await b.post('/api/v1/notifications/read', { all: true })).body).toMatchObject({ marked: 2, unread: 0 });
    expect((await b.put('/api/v1/me/notification-settings', { email: { mention: 'daily' } })).status).toBe(200);
    expect((await b.post('/api/v1/follows', { subject: { type: 'person', id: String(a.userId) } })).status).toBe(403);
    expect((await b.delete(`/api/v1/follows/${follow.body.id}`)).status).toBe(204);
  });

  it('refuses anonymous people and bad cursors or limits', async () => {
    const { app, b } = await setting(0);
    const anon = await new TestClient(app).start();
    expect((await anon.get('/api/v1/notifications')).status).toBe(401);
    expect((await anon.get('/api/v1/notifications/unread')).status).toBe(401);
    expect((await anon.post('/api/v1/notifications/read', { all: true })).status).toBe(401);
    for (const q of [
      '?cursor=nonsense',
      '?limit=0',
      '?limit=101',
      `?cursor=${Buffer.from('["x"]').toString('base64url')}`,
    ]) {
      const res = await b.get(`/api/v1/notifications${q}`);
      expect(res.status, q).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
  });
});

describe('marking notifications read', () => {
  it('marks the ones named, and answers how many stay unread', async () => {
    const { b } = await setting(3);
    const ids = (await inbox(b)).items.map((n) => n.id);
    const res = await b.post('/api/v1/notifications/read', { ids: [ids[0], ids[2]] });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ marked: 2, unread: 1 });
    expect((await inbox(b)).items.map((n) => n.read)).toEqual([true, false, true]);
    // Marking again changes nothing.
    expect((await b.post('/api/v1/notifications/read', { ids: [ids[0]] })).body).toEqual({ marked: 0, unread: 1 });
  });

  it('marks all, or all up to the newest one seen', async () => {
    const { a, b, update } = await setting(2);
    const seen = (await inbox(b)).items[0]?.id;
    // One more arrives after the page was read: "mark all up to what I saw" leaves it unread.
    await comment(a, { type: 'update', id: update.id }, `Late news, @${b.username}`);
    expect((await b.post('/api/v1/notifications/read', { all: true, upTo: seen })).body).toEqual({
      marked: 2,
      unread: 1,
    });
    expect((await b.post('/api/v1/notifications/read', { all: true })).body).toEqual({ marked: 1, unread: 0 });
    expect((await inbox(b)).items.every((n) => n.read)).toBe(true);
  });

  it('ignores ids of other people’s notifications: theirs stay unread', async () => {
    const { app, a, b, update } = await setting(1);
    const c = await person(app);
    await comment(a, { type: 'update', id: update.id }, `And @${c.username}`);
    const bId = (await inbox(b)).items[0]?.id;
    const res = await c.post('/api/v1/notifications/read', { ids: [bId] });
    expect(res.body).toEqual({ marked: 0, unread: 1 });
    expect((await inbox(b)).items[0]?.read).toBe(false);
    // "All" is only ever one's own.
    await c.post('/api/v1/notifications/read', { all: true });
    expect((await inbox(b)).unread).toBe(1);
  });

  it('answers bad input with 400 naming the field, marking nothing', async () => {
    const { b } = await setting(1);
    const id = (await inbox(b)).items[0]?.id;
    const cases: [unknown, string][] = [
      [{}, 'ids'],
      [{ ids: [] }, 'ids'],
      [{ ids: [id], all: true }, 'ids'],
      [{ all: false }, 'all'],
      [{ ids: [id], upTo: id }, 'upTo'],
      [{ ids: ['abc'] }, 'ids.0'],
      [{ all: true, upTo: 'abc' }, 'upTo'],
      [{ ids: [id], extra: 1 }, 'extra'],
      [{ ids: Array.from({ length: 101 }, () => id) }, 'ids'],
    ];
    for (const [payload, field] of cases) {
      const res = await b.post('/api/v1/notifications/read', payload);
      expect(res.status, JSON.stringify(payload).slice(0, 60)).toBe(400);
      expect(
        res.body.errors.map((e: { field: string }) => e.field),
        JSON.stringify(payload).slice(0, 60),
      ).toContain(field);
    }
    expect((await inbox(b)).unread).toBe(1);
  });
});

describe('the API reference', () => {
  it('describes follows, notifications and their settings', async () => {
    const app = await testApp();
    const res = await app.inject({ url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const paths = JSON.parse(res.body).paths;
    for (const [p, method] of [
      ['/api/v1/follows', 'post'],
      ['/api/v1/follows', 'get'],
      ['/api/v1/follows/{id}', 'delete'],
      ['/api/v1/notifications', 'get'],
      ['/api/v1/notifications/unread', 'get'],
      ['/api/v1/notifications/read', 'post'],
      ['/api/v1/me/notification-settings', 'get'],
      ['/api/v1/me/notification-settings', 'put'],
    ] as [string, string][]) {
      expect(paths[p]?.[method], `${method} ${p}`).toBeDefined();
    }
  });
});
