// The session and CSRF plumbing as the accounts feature relies on it: expiry, cookie flags, CSRF on every
// state-changing accounts route, and the audit trail of log-ins and password changes.
import { describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { testApp, unique } from '../../testing/harness';
import { TestClient, signedUp } from '../../testing/client';

const PASSWORD = 'correct horse battery';
const DAY = 24 * 3600 * 1000;

/** An app whose clock the test moves; the label keeps its app apart from other tests' apps. */
async function appWithClock() {
  let offset = 0;
  const clock = { label: unique('clock'), now: () => new Date(Date.now() + offset) };
  const app = await testApp({ clock });
  return { app, advance: (ms: number) => (offset += ms) };
}

const isSignedIn = async (c: TestClient) => (await c.get('/api/v1/session')).body.user !== null;

describe('session expiry', () => {
  it('ends a session left idle longer than the idle limit, and keeps one in use', async () => {
    const { app, advance } = await appWithClock();
    const idle = app.deps.config.sessionIdleSeconds * 1000;
    const a = await signedUp(app);
    advance(idle - 60_000);
    expect(await isSignedIn(a)).toBe(true);
    // Using the session keeps it alive: another almost-idle period later it still works.
    advance(idle - 60_000);
    expect(await isSignedIn(a)).toBe(true);
    advance(idle + 60_000);
    expect(await isSignedIn(a)).toBe(false);
  });

  it('ends a session after the absolute limit even when it is used every day', async () => {
    const { app, advance } = await appWithClock();
    const { sessionAbsoluteSeconds, sessionIdleSeconds } = app.deps.config;
    const a = await signedUp(app);
    const step = Math.min(sessionIdleSeconds * 1000 - 60_000, 10 * DAY);
    let elapsed = 0;
    while (elapsed + step < sessionAbsoluteSeconds * 1000) {
      advance(step);
      elapsed += step;
      expect(await isSignedIn(a)).toBe(true);
    }
    advance(step);
    expect(await isSignedIn(a)).toBe(false);
    // And it is gone from the list of the person's sessions.
    const again = await new TestClient(app).start();
    await again.post('/api/v1/session', { username: a.username, password: PASSWORD });
    expect((await again.get('/api/v1/me/sessions')).body.items).toHaveLength(1);
  });
});

describe('session cookie', () => {
  it('is HttpOnly, SameSite=Lax and for the whole site, and rotates at log-in', async () => {
    const app = await testApp();
    const a = await signedUp(app);
    const c = await new TestClient(app).start();
    const before = c.cookies.get('ldn_session')!;
    const res = await c.post('/api/v1/session', { username: a.username, password: PASSWORD });
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/^ldn_session=/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).toMatch(/Path=\//);
    expect(cookie).not.toMatch(/Domain=/i);
    // The anonymous session's cookie does not become the signed-in one (no session fixation).
    const fixed = new TestClient(app);
    fixed.cookies.set('ldn_session', before);
    expect(await isSignedIn(fixed)).toBe(false);
  });

  it('is Secure with the __Host- prefix when the site runs on https', async () => {
    const app = await testApp({ configOverrides: { secureCookies: true, baseUrl: 'https://ldn.example.org' } });
    const res = await new TestClient(app).get('/api/v1/session');
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/^__Host-ldn_session=/);
    expect(cookie).toMatch(/Secure/);
    expect(cookie).toMatch(/Path=\//);
    expect(cookie).not.toMatch(/Domain=/i);
  });
});

describe('CSRF on every state-changing accounts route', () => {
  async function setup(app: FastifyInstance) {
    const a = await signedUp(app);
    const token = (await a.post('/api/v1/me/tokens', { name: 'keep' })).body;
    const phone = await new TestClient(app).start();
    await phone.post('/api/v1/session', { username: a.username, password: PASSWORD });
    const phoneSession = (await a.get('/api/v1/me/sessions')).body.items.find(
      (s: { current: boolean }) => !s.current,
    ).id;
    return { a, token, phoneSession };
  }

  it("refuses each route without the token, with a forged one, and with another session's token, writing nothing", async () => {
    const app = await testApp();
    const { a, token, phoneSession } = await setup(app);
    const other = await new TestClient(app).start();
    const requests: [string, string, unknown][] = [
      ['POST', '/api/v1/accounts', { username: unique(), password: 'a long enough secret' }],
      ['POST', '/api/v1/session', { username: a.username, password: PASSWORD }],
      ['DELETE', '/api/v1/session', undefined],
      ['PUT', '/api/v1/me/password', { currentPassword: PASSWORD, newPassword: 'a brand new passphrase' }],
      ['DELETE', `/api/v1/me/sessions/${phoneSession}`, undefined],
      ['POST', '/api/v1/me/tokens', { name: 'forged' }],
      ['DELETE', `/api/v1/me/tokens/${token.id}`, undefined],
    ];
    for (const [method, url, body] of requests) {
      for (const sent of ['', 'forged-token', other.csrf!]) {
        const res = await a.request(method, url, body, { 'x-csrf-token': sent });
        expect(res.status, `${method} ${url} with ${sent ? 'a wrong' : 'no'} token`).toBe(403);
      }
    }
    // Nothing changed: still signed in, same password, both sessions, the one token.
    expect(await isSignedIn(a)).toBe(true);
    expect((await a.get('/api/v1/me/sessions')).body.items).toHaveLength(2);
    expect((await a.get('/api/v1/me/tokens')).body.items.map((t: { name: string }) => t.name)).toEqual(['keep']);
    const check = await new TestClient(app).start();
    expect((await check.post('/api/v1/session', { username: a.username, password: PASSWORD })).status).toBe(200);
  });

  it('needs no CSRF token with a personal API token', async () => {
    const app = await testApp();
    const { a, token } = await setup(app);
    const bot = new TestClient(app);
    bot.bearer = token.token;
    const second = (await a.post('/api/v1/me/tokens', { name: 'second' })).body;
    expect((await bot.request('DELETE', `/api/v1/me/tokens/${second.id}`)).status).toBe(204);
  });
});

describe('audit trail', () => {
  const actions = async (app: FastifyInstance, objectId: number) =>
    app.db
      .selectFrom('audit_log')
      .select(['action', 'actor_id', 'ip', 'details'])
      .where('object_type', '=', 'user')
      .where('object_id', '=', String(objectId))
      .orderBy('id')
      .execute();

  it('records log-ins, failed log-ins and password changes, with who and from where', async () => {
    const app = await testApp();
    const a = await signedUp(app);
    const c = await new TestClient(app, '192.0.2.7').start();
    expect((await c.post('/api/v1/session', { username: a.username, password: 'wrong password' })).status).toBe(401);
    expect((await c.post('/api/v1/session', { username: a.username, password: PASSWORD })).status).toBe(200);
    expect(
      (await c.put('/api/v1/me/password', { currentPassword: PASSWORD, newPassword: 'a brand new passphrase' })).status,
    ).toBe(204);
    const rows = await actions(app, a.userId);
    expect(rows.map((r) => r.action)).toEqual([
      'account.create',
      'account.login_failed',
      'account.login',
      'account.password_change',
    ]);
    const [, failed, login, change] = rows;
    expect(failed).toMatchObject({ actor_id: a.userId, ip: '192.0.2.7' });
    expect(login).toMatchObject({ actor_id: a.userId, ip: '192.0.2.7' });
    expect(change).toMatchObject({ actor_id: a.userId, ip: '192.0.2.7', details: { endedSessions: 1 } });
    // No secret ever lands in the log.
    expect(JSON.stringify(rows)).not.toMatch(/correct horse|brand new|wrong password/);
  });

  it('records a failed log-in for an unknown username without an actor', async () => {
    const app = await testApp();
    const name = unique('ghost');
    const c = await new TestClient(app).start();
    await c.post('/api/v1/session', { username: name, password: 'whatever it is' });
    const row = await app.db
      .selectFrom('audit_log')
      .select(['actor_id', 'details'])
      .where('action', '=', 'account.login_failed')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ actor_id: null, details: { username: name } });
  });
});
