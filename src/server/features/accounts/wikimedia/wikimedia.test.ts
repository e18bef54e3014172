// "Log in with Wikimedia" against a real local stand-in of Wikimedia's three OAuth endpoints.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { startOAuthStandin, type OAuthStandin } from '../../../../../tests/e2e/oauth-standin';
import { testApp, unique } from '../../../testing/harness';
import { TestClient, signedUp } from '../../../testing/client';
import { usernameKey } from '../../../../contracts/usernames';

let standin: OAuthStandin;
let app: FastifyInstance;
const client = { clientId: 'test-client', clientSecret: 'test-secret' };

beforeAll(async () => {
  standin = await startOAuthStandin(client);
  app = await testApp({ configOverrides: { wikimedia: { base: standin.base, ...client } } });
});
afterAll(() => standin.close());
beforeEach(() => {
  standin.denyWith = null;
  standin.tokenStatus = null;
  standin.requests = [];
  standin.profile = { sub: unique('sub'), username: unique('Wiki ') };
});

/** Clicks "Log in with Wikimedia", lets the stand-in approve, and follows the redirect back; answers the final redirect. */
async function viaWikimedia(c: TestClient) {
  const start = await c.get('/auth/wikimedia/login');
  expect(start.status).toBe(302);
  const res = await fetch(String(start.headers.location), { redirect: 'manual' });
  const back = new URL(res.headers.get('location')!);
  const done = await c.get(back.pathname + back.search);
  expect(done.status).toBe(302);
  return {
    location: String(done.headers.location),
    authorize: new URL(String(start.headers.location)),
    callbackPath: back.pathname + back.search,
  };
}

const userOf = (sub: string) =>
  app.db
    .selectFrom('users')
    .select(['id', 'username', 'display_name', 'wikimedia_username', 'username_from_wikimedia', 'password_hash'])
    .where('wikimedia_sub', '=', sub)
    .executeTakeFirst();

const auditActions = async (actorId: number) =>
  (await app.db.selectFrom('audit_log').select('action').where('actor_id', '=', actorId).orderBy('id').execute()).map(
    (r) => r.action,
  );

describe('Log in with Wikimedia', () => {
  it('sends the browser to authorize with PKCE, then creates the account, signs in with a new session and goes to the first steps', async () => {
    const c = await new TestClient(app).start();
    const before = c.cookies.get('ldn_session');
    const { location, authorize } = await viaWikimedia(c);
    expect(`${authorize.origin}${authorize.pathname}`).toBe(`${standin.base}/authorize`);
    const q = authorize.searchParams;
    expect(q.get('response_type')).toBe('code');
    expect(q.get('client_id')).toBe('test-client');
    expect(q.get('redirect_uri')).toBe('http://localhost:8080/auth/wikimedia/callback');
    expect(q.get('code_challenge_method')).toBe('S256');
    expect(q.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    expect(q.get('state')).toMatch(/^[\w-]{43}$/);

    expect(location).toBe('/welcome');
    expect(c.cookies.get('ldn_session')).not.toBe(before);
    const me = await c.get('/api/v1/session');
    expect(me.body.user.username).toBe(standin.profile.username);
    const row = await userOf(standin.profile.sub);
    expect(row).toMatchObject({
      username: standin.profile.username,
      wikimedia_username: standin.profile.username,
      username_from_wikimedia: true,
      password_hash: null,
    });
    expect(await auditActions(row!.id)).toEqual(['account.create']);

    // What Wikimedia saw: a form-encoded token request with the secret and the verifier, a bearer profile request.
    const token = standin.requests.find((r) => r.path.endsWith('/access_token'))!;
    expect(token.headers['content-type']).toMatch(/application\/x-www-form-urlencoded/);
    expect(token.form).toMatchObject({
      grant_type: 'authorization_code',
      client_id: 'test-client',
      client_secret: 'test-secret',
      redirect_uri: q.get('redirect_uri'),
    });
    expect(token.form.code_verifier).toMatch(/^[\w-]{43,128}$/);
    const profile = standin.requests.find((r) => r.path.endsWith('/resource/profile'))!;
    expect(profile.headers.authorization).toMatch(/^Bearer /);
    expect(profile.headers['user-agent']).toMatch(/^LDN-platform\/[\d.]+ \(http:\/\/localhost:8080; /);
  });

  it('logs the same Wikimedia account into the same local account next time', async () => {
    await viaWikimedia(await new TestClient(app).start());
    const first = await userOf(standin.profile.sub);
    const c = await new TestClient(app).start();
    expect((await viaWikimedia(c)).location).toBe('/');
    expect((await c.get('/api/v1/session')).body.user.id).toBe(String(first!.id));
    expect(await auditActions(first!.id)).toEqual(['account.create', 'account.login']);
  });

  it('never takes over a local account with the same name: it asks for another username', async () => {
    const local = await signedUp(app, unique('Same Name '));
    standin.profile.username = local.username.toUpperCase();
    const c = await new TestClient(app).start();
    const { location } = await viaWikimedia(c);
    expect(location).toBe('/signup/wikimedia');
    expect((await c.get('/api/v1/session')).body.user).toBeNull();
    expect(await userOf(standin.profile.sub)).toBeUndefined();
    const waiting = await c.get('/api/v1/accounts/wikimedia-signup');
    expect(waiting.status).toBe(200);
    expect(waiting.body).toEqual({
      wikimediaUsername: standin.profile.username,
      looksLike: local.username,
      suggestion: `${standin.profile.username} 2`,
    });
    // Another browser has nothing waiting.
    expect((await (await new TestClient(app).start()).get('/api/v1/accounts/wikimedia-signup')).status).toBe(404);

    const taken = await c.post('/api/v1/accounts/wikimedia-signup', { username: standin.profile.username });
    expect(taken.status).toBe(409);
    expect(taken.body.errors[0].field).toBe('username');
    const chosen = unique('Chosen ');
    const done = await c.post('/api/v1/accounts/wikimedia-signup', { username: chosen });
    expect(done.status).toBe(201);
    expect(done.body.user.username).toBe(chosen);
    expect((await c.get('/api/v1/session')).body.user.username).toBe(chosen);
    expect(await userOf(standin.profile.sub)).toMatchObject({
      username: chosen,
      wikimedia_username: standin.profile.username,
      // Chosen here: a rename on Wikimedia leaves it.
      username_from_wikimedia: false,
      password_hash: null,
    });
    const localRow = await app.db
      .selectFrom('users')
      .select('wikimedia_sub')
      .where('id', '=', local.userId)
      .executeTakeFirstOrThrow();
    expect(localRow.wikimedia_sub).toBeNull();
    // Done once: nothing waits any more, and the next log-in opens the new account.
    expect((await c.post('/api/v1/accounts/wikimedia-signup', { username: unique('Again ') })).status).toBe(409);
    const next = await new TestClient(app).start();
    expect((await viaWikimedia(next)).location).toBe('/');
    expect((await next.get('/api/v1/session')).body.user.username).toBe(chosen);
  });

  it('asks for another username when the Wikimedia one looks like a local one, refusing look-alikes too', async () => {
    const local = await signedUp(app, unique('Newcomer Nadia '));
    standin.profile.username = local.username.replace('e', '\u0435'); // a Cyrillic "е"
    const c = await new TestClient(app).start();
    expect((await viaWikimedia(c)).location).toBe('/signup/wikimedia');
    expect((await c.get('/api/v1/accounts/wikimedia-signup')).body.looksLike).toBe(local.username);
    const alike = await c.post('/api/v1/accounts/wikimedia-signup', {
      username: local.username.replace('a', '\u0430'),
    });
    expect(alike.status).toBe(409);
    expect(alike.body.looksLike).toBe(local.username);
    const rlo = await c.post('/api/v1/accounts/wikimedia-signup', { username: `Nadia\u202egnp${unique('')}` });
    expect(rlo.status).toBe(400);
    expect(rlo.body.errors[0].field).toBe('username');
  });

  it('forgets a waiting sign-up after ten minutes', async () => {
    let offset = 0;
    const clock = { label: unique('clock'), now: () => new Date(Date.now() + offset) };
    const timed = await testApp({ clock, configOverrides: { wikimedia: { base: standin.base, ...client } } });
    const local = await signedUp(timed, unique('Late '));
    standin.profile.username = local.username;
    const c = await new TestClient(timed).start();
    const start = await c.get('/auth/wikimedia/login');
    const res = await fetch(String(start.headers.location), { redirect: 'manual' });
    const back = new URL(res.headers.get('location')!);
    expect((await c.get(back.pathname + back.search)).headers.location).toBe('/signup/wikimedia');
    offset = 11 * 60 * 1000;
    const late = await c.post('/api/v1/accounts/wikimedia-signup', { username: unique('Late chosen ') });
    expect(late.status).toBe(404);
    expect(late.body.detail).toMatch(/expired/);
  });

  it('links to a local account only when that person is signed in while linking', async () => {
    const a = await signedUp(app);
    const { location } = await viaWikimedia(a);
    expect(location).toBe('/settings?notice=wikimedia-linked');
    expect((await a.get('/api/v1/session')).body.user.username).toBe(a.username);
    expect((await a.get('/api/v1/me/account')).body.wikimediaUsername).toBe(standin.profile.username);
    expect(await auditActions(a.userId)).toContain('account.wikimedia_link');
    // From now on, logging in with Wikimedia opens that local account, whose own username stays.
    const c = await new TestClient(app).start();
    await viaWikimedia(c);
    expect((await c.get('/api/v1/session')).body.user).toMatchObject({ id: String(a.userId), username: a.username });
    standin.profile.username = unique('Renamed ');
    await viaWikimedia(await new TestClient(app).start());
    expect((await a.get('/api/v1/me/account')).body).toMatchObject({
      username: a.username,
      wikimediaUsername: standin.profile.username,
    });
  });

  it('refuses to link a Wikimedia account that belongs to someone else, or a second one', async () => {
    await viaWikimedia(await new TestClient(app).start());
    const owner = await userOf(standin.profile.sub);
    const a = await signedUp(app);
    expect((await viaWikimedia(a)).location).toBe('/settings?error=wikimedia-linked-elsewhere');
    expect((await userOf(standin.profile.sub))!.id).toBe(owner!.id);
    expect((await a.get('/api/v1/session')).body.user.username).toBe(a.username);

    standin.profile = { sub: unique('sub'), username: unique('Wiki ') };
    expect((await viaWikimedia(a)).location).toBe('/settings?notice=wikimedia-linked');
    standin.profile = { sub: unique('sub'), username: unique('Wiki ') };
    expect((await viaWikimedia(a)).location).toBe('/settings?error=wikimedia-already-linked');
    expect(await userOf(standin.profile.sub)).toBeUndefined();
  });

  it('follows a rename on Wikimedia, keeping the old name for redirects', async () => {
    const c = await new TestClient(app).start();
    await viaWikimedia(c);
    const before = (await userOf(standin.profile.sub))!;
    const oldName = standin.profile.username;
    standin.profile.username = unique('New Name ');
    await viaWikimedia(await new TestClient(app).start());
    const after = (await userOf(standin.profile.sub))!;
    expect(after).toMatchObject({
      id: before.id,
      username: standin.profile.username,
      display_name: standin.profile.username,
      wikimedia_username: standin.profile.username,
    });
    const history = await app.db
      .selectFrom('username_history')
      .select('user_id')
      .where('username_key', '=', usernameKey(oldName))
      .executeTakeFirst();
    expect(history?.user_id).toBe(before.id);
    expect(await auditActions(before.id)).toContain('account.wikimedia_rename');
  });

  it('answers a bad, replayed or foreign state with a page that explains, signing no one in', async () => {
    const c = await new TestClient(app).start();
    const forged = await c.get('/auth/wikimedia/callback?code=abc&state=forged');
    expect(forged.status).toBe(302);
    expect(forged.headers.location).toBe('/login?error=wikimedia-state');
    expect((await c.get('/auth/wikimedia/callback')).headers.location).toBe('/login?error=wikimedia-state');

    const { callbackPath } = await viaWikimedia(c);
    const replay = new TestClient(app);
    replay.cookies = new Map(c.cookies);
    expect((await replay.get(callbackPath)).headers.location).toBe('/settings?error=wikimedia-state');

    // A state started in one browser does not work in another.
    const victim = await new TestClient(app).start();
    const start = await victim.get('/auth/wikimedia/login');
    const res = await fetch(String(start.headers.location), { redirect: 'manual' });
    const back = new URL(res.headers.get('location')!);
    const attacker = await new TestClient(app).start();
    expect((await attacker.get(back.pathname + back.search)).headers.location).toBe('/login?error=wikimedia-state');
    expect((await attacker.get('/api/v1/session')).body.user).toBeNull();
  });

  it('answers a denied authorization with a page that explains', async () => {
    standin.denyWith = 'access_denied';
    const c = await new TestClient(app).start();
    expect((await viaWikimedia(c)).location).toBe('/login?error=wikimedia-denied');
    expect((await c.get('/api/v1/session')).body.user).toBeNull();
    expect(await userOf(standin.profile.sub)).toBeUndefined();
  });

  it('answers a failing token endpoint with a page that explains, never a 500', async () => {
    standin.tokenStatus = 500;
    const c = await new TestClient(app).start();
    expect((await viaWikimedia(c)).location).toBe('/login?error=wikimedia-unavailable');
    expect((await c.get('/api/v1/session')).body.user).toBeNull();
    const failures = await app.db
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'account.login_failed')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(failures.details).toMatchObject({ via: 'wikimedia', reason: 'unavailable' });
  });

  it('answers an unreachable Wikimedia the same way', async () => {
    const down = await startOAuthStandin(client);
    await down.close();
    const offline = await testApp({ configOverrides: { wikimedia: { base: down.base, ...client } } });
    const c = await new TestClient(offline).start();
    const start = await c.get('/auth/wikimedia/login');
    const state = new URL(String(start.headers.location)).searchParams.get('state');
    const done = await c.get(`/auth/wikimedia/callback?code=x&state=${state}`);
    expect(done.headers.location).toBe('/login?error=wikimedia-unavailable');
  });

  it('refuses a blocked local account', async () => {
    await viaWikimedia(await new TestClient(app).start());
    const row = (await userOf(standin.profile.sub))!;
    await app.db.updateTable('users').set({ blocked_at: new Date() }).where('id', '=', row.id).execute();
    const c = await new TestClient(app).start();
    expect((await viaWikimedia(c)).location).toBe('/login?error=wikimedia-blocked');
    expect((await c.get('/api/v1/session')).body.user).toBeNull();
  });

  it('says the button is off when no client is configured', async () => {
    const off = await testApp({
      configOverrides: { wikimedia: { base: standin.base, clientId: null, clientSecret: null } },
    });
    const res = await new TestClient(off).get('/auth/wikimedia/login');
    expect(res.status).toBe(302);
    expect(res.headers.location).toBe('/login?error=wikimedia-disabled');
  });
});

describe('Wikimedia login state expiry', () => {
  it('refuses a state older than ten minutes', async () => {
    let offset = 0;
    const clock = { label: unique('clock'), now: () => new Date(Date.now() + offset) };
    const timed = await testApp({ clock, configOverrides: { wikimedia: { base: standin.base, ...client } } });
    const c = await new TestClient(timed).start();
    const start = await c.get('/auth/wikimedia/login');
    const res = await fetch(String(start.headers.location), { redirect: 'manual' });
    const back = new URL(res.headers.get('location')!);
    offset = 11 * 60 * 1000;
    expect((await c.get(back.pathname + back.search)).headers.location).toBe('/login?error=wikimedia-state');
  });
});
