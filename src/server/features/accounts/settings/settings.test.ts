import { describe, expect, it } from 'vitest';
import { testApp } from '../../../testing/harness';
import { TestClient, signedUp } from '../../../testing/client';

const PASSWORD = 'correct horse battery';

/** A second browser of the same person. */
async function secondBrowser(
  app: Awaited<ReturnType<typeof testApp>>,
  username: string,
  ua = 'Mozilla/5.0 (Android 14; Mobile) Firefox/130.0',
) {
  const c = await new TestClient(app, '10.1.2.3').start();
  const res = await c.request(
    'POST',
    '/api/v1/session',
    { username, password: PASSWORD },
    { 'user-agent': ua, 'x-csrf-token': c.csrf! },
  );
  expect(res.status).toBe(200);
  return c;
}

const auditCount = async (app: Awaited<ReturnType<typeof testApp>>, actorId: number, action: string) =>
  Number(
    (
      await app.db
        .selectFrom('audit_log')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('actor_id', '=', actorId)
        .where('action', '=', action)
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('change password', () => {
  it('changes the password, ends the other sessions and keeps this one', async () => {
    const app = await testApp();
    const a = await signedUp(app);
    const phone = await secondBrowser(app, a.username);
    const res = await a.put('/api/v1/me/password', {
      currentPassword: PASSWORD,
      newPassword: 'a brand new passphrase',
    });
    expect(res.status).toBe(204);
    expect((await a.get('/api/v1/session')).body.user.username).toBe(a.username);
    expect((await phone.get('/api/v1/session')).body.user).toBeNull();
    const c = await new TestClient(app).start();
    expect((await c.post('/api/v1/session', { username: a.username, password: PASSWORD })).status).toBe(401);
    expect((await c.post('/api/v1/session', { username: a.username, password: 'a brand new passphrase' })).status).toBe(
      200,
    );
  });

  it('refuses a wrong current password, a common or short new one, and unknown fields, changing nothing', async () => {
    const app = await testApp();
    const a = await signedUp(app);
    const wrong = await a.put('/api/v1/me/password', {
      currentPassword: 'not it at all',
      newPassword: 'a brand new passphrase',
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors).toEqual([
      { field: 'currentPassword', message: expect.stringMatching(/current password/i) },
    ]);
    const common = await a.put('/api/v1/me/password', { currentPassword: PASSWORD, newPassword: 'password123' });
    expect(common.status).toBe(400);
    expect(common.body.errors.map((e: { field: string }) => e.field)).toEqual(['newPassword']);
    const short = await a.put('/api/v1/me/password?uselang=es', { currentPassword: PASSWORD, newPassword: 'short' });
    expect(short.status).toBe(400);
    expect(short.body.errors[0]).toMatchObject({ field: 'newPassword' });
    expect(short.body.title).not.toMatch(/not valid/);
    const long = await a.put('/api/v1/me/password', { currentPassword: PASSWORD, newPassword: 'x'.repeat(129) });
    expect(long.body.errors[0].field).toBe('newPassword');
    const extra = await a.put('/api/v1/me/password', {
      currentPassword: PASSWORD,
      newPassword: 'a brand new passphrase',
      admin: true,
    });
    expect(extra.status).toBe(400);
    expect(extra.body.errors[0].field).toBe('admin');
    // The old password still works: nothing was written.
    const c = await new TestClient(app).start();
    expect((await c.post('/api/v1/session', { username: a.username, password: PASSWORD })).status).toBe(200);
  });

  it('needs a signed-in person, and refuses a personal token (logged)', async () => {
    const app = await testApp();
    const anon = await new TestClient(app).start();
    expect(
      (await anon.put('/api/v1/me/password', { currentPassword: PASSWORD, newPassword: 'a brand new passphrase' }))
        .status,
    ).toBe(401);
    const a = await signedUp(app);
    const token = (await a.post('/api/v1/me/tokens', { name: 'bot' })).body.token;
    const bot = new TestClient(app);
    bot.bearer = token;
    const res = await bot.put('/api/v1/me/password', {
      currentPassword: PASSWORD,
      newPassword: 'a brand new passphrase',
    });
    expect(res.status).toBe(403);
    expect(await auditCount(app, a.userId, 'permission.refused')).toBe(1);
    expect(
      (
        await new TestClient(app)
          .start()
          .then((c) => c.post('/api/v1/session', { username: a.username, password: PASSWORD }))
      ).status,
    ).toBe(200);
  });
});

describe('own sessions', () => {
  it('lists the live sessions with device, address and times, marking the current one', async () => {
    const app = await testApp();
    const a = await signedUp(app);
    await secondBrowser(app, a.username);
    const res = await a.get('/api/v1/me/sessions');
    expect(res.status).toBe(200);
    expect(res.body.next).toBeNull();
    expect(res.body.items).toHaveLength(2);
    const [phone, here] = res.body.items;
    expect(here.current).toBe(true);
    expect(phone.current).toBe(false);
    expect(phone).toMatchObject({ device: 'Firefox · Android', ip: '10.1.2.3' });
    expect(phone.userAgent).toMatch(/Firefox/);
    expect(new Date(phone.createdAt).toISOString()).toBe(phone.createdAt);
    expect(typeof phone.lastSeenAt).toBe('string');
    expect(typeof phone.id).toBe('string');
    const page1 = await a.get('/api/v1/me/sessions?limit=1');
    expect(page1.body.items).toHaveLength(1);
    const page2 = await a.get(`/api/v1/me/sessions?limit=1&cursor=${page1.body.next}`);
    expect(page2.body.items[0].id).toBe(here.id);
    expect((await a.get('/api/v1/me/sessions?cursor=garbage')).status).toBe(400);
  });

  it("ends one of my sessions; another person's session is a 404 and stays", async () => {
    const app = await testApp();
    const a = await signedUp(app);
    const phone = await secondBrowser(app, a.username);
    const b = await signedUp(app);
    const bSession = (await b.get('/api/v1/me/sessions')).body.items[0].id;
    expect((await a.delete(`/api/v1/me/sessions/${bSession}`)).status).toBe(404);
    expect((await b.get('/api/v1/session')).body.user.username).toBe(b.username);
    expect((await a.delete('/api/v1/me/sessions/not-a-number')).status).toBe(400);

    const phoneId = (await a.get('/api/v1/me/sessions')).body.items.find((s: { current: boolean }) => !s.current).id;
    expect((await a.delete(`/api/v1/me/sessions/${phoneId}`)).status).toBe(204);
    expect((await phone.get('/api/v1/session')).body.user).toBeNull();
    expect((await a.delete(`/api/v1/me/sessions/${phoneId}`)).status).toBe(404);
    expect(await auditCount(app, a.userId, 'session.end')).toBe(1);
  });

  it('ending the current session logs out', async () => {
    const app = await testApp();
    const a = await signedUp(app);
    const mine = (await a.get('/api/v1/me/sessions')).body.items[0];
    expect((await a.delete(`/api/v1/me/sessions/${mine.id}`)).status).toBe(204);
    expect((await a.get('/api/v1/session')).body.user).toBeNull();
  });

  it('needs a signed-in person', async () => {
    const anon = await new TestClient(await testApp()).start();
    expect((await anon.get('/api/v1/me/sessions')).status).toBe(401);
    expect((await anon.delete('/api/v1/me/sessions/1')).status).toBe(401);
  });
});

describe('personal API tokens', () => {
  it('creates a token shown once, which authenticates without CSRF, and a revoked one gets 401', async () => {
    const app = await testApp();
    const a = await signedUp(app);
    const created = await a.post('/api/v1/me/tokens', { name: '  My bot  ' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'My bot', lastUsedAt: null });
    expect(created.body.token).toMatch(/^ldn_[\w-]{40,}$/);
    const listed = await a.get('/api/v1/me/tokens');
    expect(listed.body.items).toEqual([
      { id: created.body.id, name: 'My bot', createdAt: created.body.createdAt, lastUsedAt: null },
    ]);
    expect(JSON.stringify(listed.body)).not.toContain(created.body.token);

    const bot = new TestClient(app);
    bot.bearer = created.body.token;
    const me = await bot.get('/api/v1/session');
    expect(me.body.user.username).toBe(a.username);
    // A state-changing request with the token needs no CSRF token.
    const other = await bot.post('/api/v1/me/tokens', { name: 'minted by a token' });
    expect(other.status).toBe(403);
    const anotherToken = (await a.post('/api/v1/me/tokens', { name: 'second' })).body;
    expect((await bot.delete(`/api/v1/me/tokens/${anotherToken.id}`)).status).toBe(204);
    expect((await a.get('/api/v1/me/tokens')).body.items[0].lastUsedAt).not.toBeNull();

    expect((await a.delete(`/api/v1/me/tokens/${created.body.id}`)).status).toBe(204);
    expect((await bot.get('/api/v1/session')).status).toBe(401);
    expect((await a.get('/api/v1/me/tokens')).body.items).toEqual([]);
    expect(await auditCount(app, a.userId, 'token.create')).toBe(2);
    expect(await auditCount(app, a.userId, 'token.revoke')).toBe(2);
  });

  it('GET /session with a token answers who it is and starts no cookie session', async () => {
    const app = await testApp();
    const a = await signedUp(app);
    const bot = new TestClient(app);
    bot.bearer = (await a.post('/api/v1/me/tokens', { name: 'bot' })).body.token;
    const res = await bot.get('/api/v1/session');
    expect(res.body).toEqual({ user: expect.objectContaining({ username: a.username }), csrfToken: '' });
    expect(res.headers['set-cookie']).toBeUndefined();
  });

  it('a wrong bearer token is a 401, not an anonymous request', async () => {
    const bot = new TestClient(await testApp());
    bot.bearer = 'ldn_not-a-real-token';
    expect((await bot.get('/api/v1/session')).status).toBe(401);
  });

  it("refuses to revoke another person's token (404, still works)", async () => {
    const app = await testApp();
    const a = await signedUp(app);
    const b = await signedUp(app);
    const t = (await b.post('/api/v1/me/tokens', { name: 'b bot' })).body;
    expect((await a.delete(`/api/v1/me/tokens/${t.id}`)).status).toBe(404);
    const bot = new TestClient(app);
    bot.bearer = t.token;
    expect((await bot.get('/api/v1/session')).body.user.username).toBe(b.username);
  });

  it('refuses a bad name and unknown fields, creating nothing', async () => {
    const app = await testApp();
    const a = await signedUp(app);
    const empty = await a.post('/api/v1/me/tokens', { name: '   ' });
    expect(empty.status).toBe(400);
    expect(empty.body.errors[0].field).toBe('name');
    expect((await a.post('/api/v1/me/tokens', { name: 'x'.repeat(101) })).body.errors[0].field).toBe('name');
    expect((await a.post('/api/v1/me/tokens', { name: 'ok', scope: 'all' })).body.errors[0].field).toBe('scope');
    expect((await a.post('/api/v1/me/tokens', {})).body.errors[0].field).toBe('name');
    expect((await a.get('/api/v1/me/tokens')).body.items).toEqual([]);
  });

  it('needs a signed-in person', async () => {
    const anon = await new TestClient(await testApp()).start();
    expect((await anon.get('/api/v1/me/tokens')).status).toBe(401);
    expect((await anon.post('/api/v1/me/tokens', { name: 'x' })).status).toBe(401);
    expect((await anon.delete('/api/v1/me/tokens/1')).status).toBe(401);
  });
});

describe('own account', () => {
  it('shows my account with whether a password is set', async () => {
    const app = await testApp();
    const a = await signedUp(app);
    const res = await a.get('/api/v1/me/account');
    expect(res.body).toEqual({
      id: String(a.userId),
      username: a.username,
      email: null,
      hasPassword: true,
      wikimediaUsername: null,
    });
    expect((await new TestClient(app).get('/api/v1/me/account')).status).toBe(401);
  });
});
