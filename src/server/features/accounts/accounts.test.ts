import { describe, expect, it } from 'vitest';
import { RATE_TIERS } from '../../http/rate-limit';
import { testApp, unique } from '../../testing/harness';
import { TestClient, signedUp } from '../../testing/client';

describe('sign up, log in, log out', () => {
  it('answers GET /session with an anonymous session and a CSRF token', async () => {
    const c = new TestClient(await testApp());
    const res = await c.get('/api/v1/session');
    expect(res.status).toBe(200);
    expect(res.body.user).toBeNull();
    expect(res.body.csrfToken).toMatch(/^[\w-]{40,}$/);
    expect(res.headers['set-cookie']).toMatch(/HttpOnly/);
    expect(res.headers['set-cookie']).toMatch(/SameSite=Lax/);
  });

  it('signs up, rotating the session, and the new person is signed in', async () => {
    const c = await new TestClient(await testApp()).start();
    const before = c.cookies.get('ldn_session');
    const name = unique('Ada ');
    const res = await c.post('/api/v1/accounts', {
      username: name,
      password: 'a long enough secret',
      email: 'ada@example.org',
    });
    expect(res.status).toBe(201);
    expect(res.body.user.username).toBe(name);
    expect(typeof res.body.user.id).toBe('string');
    expect(c.cookies.get('ldn_session')).not.toBe(before);
    const me = await c.get('/api/v1/session');
    expect(me.body.user.username).toBe(name);
  });

  it('refuses a username taken in another letter case with 409', async () => {
    const app = await testApp();
    const a = await signedUp(app, unique('Zoë'));
    const c = await new TestClient(app).start();
    const res = await c.post('/api/v1/accounts', {
      username: a.username.toUpperCase(),
      password: 'another fine secret',
    });
    expect(res.status).toBe(409);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body.errors[0].field).toBe('username');
  });

  it('refuses sign-up without the CSRF token', async () => {
    const c = await new TestClient(await testApp()).start();
    const res = await c.post(
      '/api/v1/accounts',
      { username: unique(), password: 'a long enough secret' },
      { 'x-csrf-token': 'forged' },
    );
    expect(res.status).toBe(403);
    const none = await new TestClient(await testApp()).post('/api/v1/accounts', {
      username: unique(),
      password: 'a long enough secret',
    });
    expect(none.status).toBe(403);
  });

  it('names each bad field, translated, and refuses unknown fields', async () => {
    const c = await new TestClient(await testApp()).start();
    const res = await c.post('/api/v1/accounts?uselang=fr', { username: '', password: 'short', admin: true });
    expect(res.status).toBe(400);
    const fields = res.body.errors.map((e: { field: string }) => e.field).sort();
    expect(fields).toEqual(['admin', 'password', 'username']);
    const common = await c.post('/api/v1/accounts', { username: unique(), password: 'password123' });
    expect(common.status).toBe(400);
    expect(common.body.errors[0].field).toBe('password');
    const badName = await c.post('/api/v1/accounts', { username: 'a[b]', password: 'a long enough secret' });
    expect(badName.body.errors[0].field).toBe('username');
  });

  it('logs in with any letter case of the username, and refuses a wrong password', async () => {
    const app = await testApp();
    const a = await signedUp(app);
    const c = await new TestClient(app).start();
    const wrong = await c.post('/api/v1/session', { username: a.username, password: 'not the password' });
    expect(wrong.status).toBe(401);
    const ok = await c.post('/api/v1/session', {
      username: a.username.toUpperCase(),
      password: 'correct horse battery',
    });
    expect(ok.status).toBe(200);
    expect(ok.body.user.username).toBe(a.username);
  });

  it('logs out: the old cookie no longer signs in', async () => {
    const app = await testApp();
    const a = await signedUp(app);
    const cookie = a.cookies.get('ldn_session')!;
    expect((await a.delete('/api/v1/session')).status).toBe(204);
    const stale = new TestClient(app);
    stale.cookies.set('ldn_session', cookie);
    expect((await stale.get('/api/v1/session')).body.user).toBeNull();
  });

  it('accepts a POST with no body where none is needed', async () => {
    const a = await signedUp(await testApp());
    const res = await a.request('DELETE', '/api/v1/session');
    expect(res.status).toBe(204);
  });
});

describe('rate limits on log-in', () => {
  it('answers 429 with Retry-After after repeated failed log-ins from one address', async () => {
    const app = await testApp({ configOverrides: { rateLimits: true } });
    const c = await new TestClient(
      app,
      `10.9.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`,
    ).start();
    const statuses: number[] = [];
    for (let i = 0; i < RATE_TIERS['login-failure'].max; i++)
      statuses.push((await c.post('/api/v1/session', { username: unique(), password: 'nope nope nope' })).status);
    expect(statuses.every((s) => s === 401)).toBe(true);
    const last = await c.post('/api/v1/session', { username: unique(), password: 'nope nope nope' });
    expect(last.status).toBe(429);
    expect(Number(last.headers['retry-after'])).toBeGreaterThan(0);
  });
});
