// Failed log-ins (DECISIONS 28): limited per account from any address, with a growing wait, and per address,
// without one address's failures ever refusing someone else's right password. "Blocked" is said only to someone
// who knows the password.
import { describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { testApp, unique } from '../../testing/harness';
import { TestClient } from '../../testing/client';
import { loginDelaySeconds } from './login-limits';

const PASSWORD = 'correct horse battery';

/** An app with rate limits on whose clock stands still until the test moves it. */
async function limitedApp() {
  const base = Date.now();
  let offset = 0;
  const clock = { label: unique('logins'), now: () => new Date(base + offset) };
  const app = await testApp({ clock, configOverrides: { rateLimits: true } });
  return { app, advance: (ms: number) => (offset += ms) };
}

const octet = () => Math.floor(Math.random() * 250) + 1;
const randomIp = () => `10.${octet()}.${octet()}.${octet()}`;

/** A person signed up from an address of their own. */
async function person(app: FastifyInstance, name = unique('login')) {
  const c = await new TestClient(app, randomIp()).start();
  const res = await c.post('/api/v1/accounts', { username: name, password: PASSWORD });
  expect(res.status).toBe(201);
  return Object.assign(c, { username: name, userId: Number(res.body.user.id) });
}

async function logIn(app: FastifyInstance, username: string, password: string, ip = randomIp()) {
  const c = await new TestClient(app, ip).start();
  return c.post('/api/v1/session', { username, password });
}

describe('the wait after failed log-ins of one account', () => {
  it('is none under the limit, then a minute, doubling with each further failure up to the window', () => {
    const rule = { max: 10, windowSeconds: 900 };
    expect([1, 9, 10, 11, 12, 13, 14, 15, 40, 1000].map((n) => loginDelaySeconds(n, rule))).toEqual([
      0, 0, 60, 120, 240, 480, 900, 900, 900, 900,
    ]);
  });
});

describe('failed log-ins per account', () => {
  it('after 10 failures from as many addresses, the account waits, right password or not, and the wait grows', async () => {
    const { app, advance } = await limitedApp();
    const p = await person(app);
    for (let i = 0; i < 10; i++) expect((await logIn(app, p.username, `wrong guess ${i}`)).status).toBe(401);
    const refused = await logIn(app, p.username, PASSWORD);
    expect(refused.status).toBe(429);
    expect(refused.headers['retry-after']).toBe('60');
    expect(refused.body).toMatchObject({ title: 'Too many attempts', detail: 'Please wait 60 seconds and try again.' });
    // Letter case does not make another account of it.
    expect((await logIn(app, p.username.toUpperCase(), PASSWORD)).status).toBe(429);
    // Others log in meanwhile, from the same addresses or any other.
    const other = await person(app);
    expect((await logIn(app, other.username, PASSWORD)).status).toBe(200);

    // After the wait, one more failure: twice as long.
    advance(61_000);
    expect((await logIn(app, p.username, 'wrong again')).status).toBe(401);
    const longer = await logIn(app, p.username, PASSWORD);
    expect(longer.status).toBe(429);
    expect(longer.headers['retry-after']).toBe('120');
    expect(longer.body.detail).toBe('Please wait 2 minutes and try again.');

    // Then the right password logs in, and ends the count: one more mistake is only a mistake.
    advance(121_000);
    expect((await logIn(app, p.username, PASSWORD)).status).toBe(200);
    expect((await logIn(app, p.username, 'a slip of the finger')).status).toBe(401);
    expect((await logIn(app, p.username, PASSWORD)).status).toBe(200);
  });

  it('never waits longer than 15 minutes, and forgets failures after a quiet window', async () => {
    const { app, advance } = await limitedApp();
    const p = await person(app);
    for (let i = 0; i < 10; i++) expect((await logIn(app, p.username, `guess ${i}`)).status).toBe(401);
    for (let i = 0; i < 6; i++) {
      const wait = Number((await logIn(app, p.username, PASSWORD)).headers['retry-after']);
      expect(wait).toBe(Math.min(900, 60 * 2 ** i));
      advance(wait * 1000);
      expect((await logIn(app, p.username, `guess again ${i}`)).status).toBe(401);
    }
    expect((await logIn(app, p.username, PASSWORD)).headers['retry-after']).toBe('900');
    // 15 minutes of waiting and 15 quiet ones: the count starts again.
    advance(30 * 60_000);
    expect((await logIn(app, p.username, 'new day, old mistake')).status).toBe(401);
    expect((await logIn(app, p.username, PASSWORD)).status).toBe(200);
  });

  it('counts wrong current passwords at a password change against the account', async () => {
    const { app } = await limitedApp();
    const p = await person(app);
    for (let i = 0; i < 10; i++) {
      const res = await p.put('/api/v1/me/password', {
        currentPassword: `guess ${i}`,
        newPassword: 'a new passphrase',
      });
      expect(res.status).toBe(400);
    }
    const refused = await p.put('/api/v1/me/password', { currentPassword: PASSWORD, newPassword: 'a new passphrase' });
    expect(refused.status).toBe(429);
    expect(refused.headers['retry-after']).toBe('60');
    expect((await logIn(app, p.username, PASSWORD)).status).toBe(429);
  });
});

describe('failed log-ins per address', () => {
  it('refuses wrong passwords past 50 failures from one address, and still accepts a right one from it', async () => {
    const { app } = await limitedApp();
    const p = await person(app);
    const shared = randomIp(); // a workshop, or everyone behind a proxy without LDN_TRUST_PROXY
    for (let i = 0; i < 50; i++)
      expect((await logIn(app, unique('nobody'), 'not a password', shared)).status).toBe(401);
    const past = await logIn(app, unique('nobody'), 'not a password', shared);
    expect(past.status).toBe(429);
    expect(Number(past.headers['retry-after'])).toBeGreaterThan(0);
    expect((await logIn(app, p.username, 'a typo', shared)).status).toBe(429);
    // The right password from the same address logs in: the account itself is not under attack.
    const ok = await logIn(app, p.username, PASSWORD, shared);
    expect(ok.status).toBe(200);
    expect(ok.body.user.username).toBe(p.username);
  });
});

describe('a blocked account', () => {
  it('answers a wrong password as any wrong password, and says "blocked" only with the right one', async () => {
    const { app } = await limitedApp();
    const p = await person(app);
    await app.db.updateTable('users').set({ blocked_at: new Date() }).where('id', '=', p.userId).execute();
    const wrong = await logIn(app, p.username, 'not the password');
    const unknown = await logIn(app, unique('nobody'), 'not the password');
    expect(wrong.status).toBe(401);
    expect(wrong.body).toEqual(unknown.body);
    expect(wrong.body.detail).toBe('The username or password is not correct.');
    const right = await logIn(app, p.username, PASSWORD);
    expect(right.status).toBe(401);
    expect(right.body.detail).toBe('This account is blocked.');
  });
});

describe('a password equal to the username', () => {
  const suffix = () => Math.random().toString(36).slice(2, 8);

  it('is refused at sign-up, whatever the letter case, spaces, underscores or full-width letters', async () => {
    const app = await testApp();
    const s = suffix();
    const username = `Sp_Polx_${s}`;
    const fullWidth = [...`sp_polx_${s}`]
      .map((ch) => String.fromCodePoint((ch.codePointAt(0) ?? 0) - 0x21 + 0xff01))
      .join('');
    for (const password of [`sp_polx_${s}`, `SP POLX ${s.toUpperCase()}`, `sppolx${s}`, fullWidth]) {
      const c = await new TestClient(app).start();
      const res = await c.post('/api/v1/accounts', { username, password });
      expect(res.status, password).toBe(400);
      expect(res.body.errors).toEqual([
        { field: 'password', message: 'Your password cannot be your username. Choose another.' },
      ]);
    }
    const c = await new TestClient(app).start();
    expect((await c.post('/api/v1/accounts', { username, password: `sp_polx_${s} and more` })).status).toBe(201);
  });

  it('is refused as a new password', async () => {
    const app = await testApp();
    const username = `Jo Bloggs ${suffix()}`;
    const c = await new TestClient(app).start();
    expect((await c.post('/api/v1/accounts', { username, password: PASSWORD })).status).toBe(201);
    const res = await c.put('/api/v1/me/password', {
      currentPassword: PASSWORD,
      newPassword: username.toLowerCase().replace(/ /g, '_'),
    });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([
      { field: 'newPassword', message: 'Your password cannot be your username. Choose another.' },
    ]);
  });
});

describe('a password change', () => {
  it("revokes the person's personal API tokens, and the audit record says how many", async () => {
    const app = await testApp();
    const p = await person(app);
    const tokens: string[] = [];
    for (const name of ['deploy', 'backup'])
      tokens.push((await p.post('/api/v1/me/tokens', { name })).body.token as string);
    const bot = new TestClient(app);
    bot.bearer = tokens[0]!;
    expect((await bot.get('/api/v1/me/account')).status).toBe(200);
    expect(
      (await p.put('/api/v1/me/password', { currentPassword: PASSWORD, newPassword: 'a new passphrase' })).status,
    ).toBe(204);
    for (const token of tokens) {
      bot.bearer = token;
      expect((await bot.get('/api/v1/me/account')).status).toBe(401);
    }
    expect((await p.get('/api/v1/me/tokens')).body.items).toEqual([]);
    // The session that changed it stays.
    expect((await p.get('/api/v1/session')).body.user.username).toBe(p.username);
    const audit = await app.db
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'account.password_change')
      .where('actor_id', '=', p.userId)
      .executeTakeFirstOrThrow();
    expect(audit.details).toMatchObject({ revokedTokens: 2 });
  });
});
