import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { testApp, unique } from '../../testing/harness';
import { TestClient, signedUp } from '../../testing/client';

const version = async (app: Awaited<ReturnType<typeof testApp>>) =>
  Number(
    (await sql<{ last_value: string }>`select last_value from content_version_seq`.execute(app.db)).rows[0]?.last_value,
  );

describe('the directory cache', () => {
  it('advances the directory version on every change to people, groups, memberships and terms', async () => {
    const app = await testApp();
    const before = await version(app);
    const a = await signedUp(app);
    const afterSignUp = await version(app);
    expect(afterSignUp).toBeGreaterThan(before);
    const g = await a.post('/api/v1/communities', { name: unique('Versioned '), kind: 'hub', region: 'SA' });
    expect(g.status).toBe(201);
    expect(await version(app)).toBeGreaterThan(afterSignUp);
  });

  it('leaves the version alone for writes only their author sees: follows, read marks, settings, tokens, log-in', async () => {
    const app = await testApp();
    const a = await signedUp(app);
    const before = await version(app);
    const follow = await a.post('/api/v1/follows', {
      subject: { type: 'person', id: String((await signedUp(app)).userId) },
    });
    expect(follow.status).toBe(201);
    const afterOther = await version(app); // the second sign-up made a new participant: that one counts
    expect(afterOther).toBeGreaterThan(before);
    expect((await a.post('/api/v1/notifications/read', { all: true })).status).toBe(200);
    expect((await a.put('/api/v1/me/notification-settings', { email: { mention: 'never' } })).status).toBe(200);
    expect((await a.post('/api/v1/me/tokens', { name: 'bot' })).status).toBe(201);
    expect((await a.delete(`/api/v1/follows/${follow.body.id}`)).status).toBe(204);
    expect((await a.delete('/api/v1/session')).status).toBe(204);
    expect(await version(app)).toBe(afterOther);
  });

  it('shows changes made through the API, and changes made elsewhere, on the next request', async () => {
    const app = await testApp();
    const tag = unique('cache');
    const a = await signedUp(app, `${tag} one`);
    const c = new TestClient(app);
    const first = await c.get(`/api/v1/participants?q=${tag}`);
    expect(first.body.items.map((p: { displayName: string }) => p.displayName)).toEqual([`${tag} one`]);
    expect(first.headers['content-type']).toMatch(/^application\/json/);
    await a.patch('/api/v1/me/profile', { displayName: `${tag} renamed` });
    expect((await c.get(`/api/v1/participants?q=${tag}`)).body.items[0].displayName).toBe(`${tag} renamed`);
    // Another instance (here: a direct write, which the directory tables' triggers count) changes the data.
    await app.db
      .updateTable('users')
      .set({ display_name: `${tag} elsewhere` })
      .where('id', '=', a.userId)
      .execute();
    expect((await c.get(`/api/v1/participants?q=${tag}`)).body.items[0].displayName).toBe(`${tag} elsewhere`);
  });

  it('keeps answers of different filters apart', async () => {
    const app = await testApp();
    const tag = unique('keys');
    const a = await signedUp(app, `${tag} a`);
    await a.patch('/api/v1/me/profile', { region: 'NA', publicFields: ['region'] });
    await signedUp(app, `${tag} b`);
    const c = new TestClient(app);
    expect((await c.get(`/api/v1/participants?q=${tag}`)).body.items).toHaveLength(2);
    expect((await c.get(`/api/v1/participants?q=${tag}&region=NA`)).body.items).toHaveLength(1);
    expect((await c.get(`/api/v1/participants?q=${tag}&limit=1`)).body.items).toHaveLength(1);
  });
});
