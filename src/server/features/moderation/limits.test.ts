// Limits: each action has its own rate limit (Discourse's defaults, changed by configuration), new accounts
// have first-day limits (comments, topics, no links), LDN_RATE_LIMITS=off lifts them all, and every refusal
// says when the person can try again, in their language.
import { describe, expect, it } from 'vitest';
import type { Config } from '../../config';
import { loadConfig } from '../../config';
import { RATE_TIERS } from '../../http/rate-limit';
import { testApp, unique } from '../../testing/harness';
import { TestClient } from '../../testing/client';
import { DAY, itemsBy, member, withRole } from './testing';

/**
 * An app with rate limits on whose clock stands still one second after a UTC midnight until the test moves it,
 * so every window starts at the same place in every run. Accounts made now are less than a day old by it.
 */
async function limitedApp(overrides: Partial<Config> = {}) {
  const base = Math.floor(Date.now() / DAY) * DAY + 1000;
  let offset = 0;
  const clock = { label: unique('frozen'), now: () => new Date(base + offset) };
  const app = await testApp({ clock, configOverrides: { rateLimits: true, ...overrides } });
  return { app, advance: (ms: number) => (offset += ms) };
}

const rules = (changes: Record<string, { max: number; windowSeconds: number }>) => ({
  rateRules: { ...RATE_TIERS, ...changes },
});

describe('per-action rate limits', () => {
  it('allows 12 comments a minute (Discourse’s one post every 5 seconds), then answers 429 with Retry-After and when to try again', async () => {
    const { app, advance } = await limitedApp();
    advance(2 * DAY); // Old enough accounts: only the per-action limit applies.
    const author = await withRole(app, 'admin');
    const { updateId } = await itemsBy(app, author);
    const person = await member(app);
    advance(2 * DAY);
    const subject = { type: 'update', id: updateId };
    for (let i = 0; i < RATE_TIERS.comment.max; i++)
      expect((await person.post('/api/v1/comments', { subject, body: `Comment ${i}` })).status).toBe(201);
    const refused = await person.post('/api/v1/comments', { subject, body: 'One too many' });
    expect(refused.status).toBe(429);
    expect(refused.headers['retry-after']).toBe('59');
    expect(refused.body).toMatchObject({ title: 'Too many attempts', detail: 'Please wait 59 seconds and try again.' });
    // Arguments share the comments' limit; reports have their own.
    expect(
      (
        await person.post(`/api/v1/debates/${(await itemsBy(app, author)).debateId}/arguments`, {
          stance: 'for',
          body: 'x',
        })
      ).status,
    ).toBe(429);
    expect(
      (await person.post('/api/v1/reports', { subject: { type: 'update', id: updateId }, reason: 'spam', text: 'x' }))
        .status,
    ).toBe(201);
    // The next minute the person may comment again.
    advance(60 * 1000);
    expect((await person.post('/api/v1/comments', { subject, body: 'Later' })).status).toBe(201);
  });

  it('counts each route in its own tiers, as configured: a daily limit says in how many hours, in the person’s language', async () => {
    const { app, advance } = await limitedApp(
      rules({ 'topic-day': { max: 2, windowSeconds: 86400 }, report: { max: 2, windowSeconds: 86400 } }),
    );
    const author = await withRole(app, 'admin');
    const items = await itemsBy(app, author);
    const person = await member(app);
    advance(2 * DAY);
    for (let i = 0; i < 2; i++)
      expect((await person.post('/api/v1/debates', { title: unique('Debate '), framing: 'x' })).status).toBe(201);
    const third = await person.post('/api/v1/debates', { title: unique('Debate '), framing: 'x' });
    expect(third.status).toBe(429);
    expect(third.headers['retry-after']).toBe(String(86400 - 1));
    expect(third.body.detail).toBe('You can try again in 24 hours at the latest.');
    const french = await person.post('/api/v1/debates?uselang=fr', { title: unique('Débat '), framing: 'x' });
    expect(french.body.detail).toBe('Vous pourrez réessayer dans 24 heures au plus tard.');
    // Reports are limited apart from debates.
    expect(
      (
        await person.post('/api/v1/reports', {
          subject: { type: 'comment', id: items.commentId },
          reason: 'spam',
          text: 'x',
        })
      ).status,
    ).toBe(201);
    expect(
      (
        await person.post('/api/v1/reports', {
          subject: { type: 'argument', id: items.argumentId },
          reason: 'spam',
          text: 'x',
        })
      ).status,
    ).toBe(201);
    expect(
      (
        await person.post('/api/v1/reports', {
          subject: { type: 'debate', id: items.debateId },
          reason: 'spam',
          text: 'x',
        })
      ).status,
    ).toBe(429);
    advance(DAY);
    expect((await person.post('/api/v1/debates', { title: unique('Debate '), framing: 'x' })).status).toBe(201);
  });

  it('are all lifted with LDN_RATE_LIMITS=off', async () => {
    const app = await testApp();
    const author = await member(app);
    const { updateId } = await itemsBy(app, author);
    const person = await member(app);
    for (let i = 0; i < 15; i++) {
      const body = i === 14 ? 'A link: https://example.org' : `Comment ${i}`;
      expect((await person.post('/api/v1/comments', { subject: { type: 'update', id: updateId }, body })).status).toBe(
        201,
      );
    }
  });
});

describe('first-day limits of new accounts', () => {
  async function setting(overrides: Partial<Config> = {}) {
    const { app, advance } = await limitedApp(overrides);
    const admin = await withRole(app, 'admin');
    const items = await itemsBy(app, admin);
    const newcomer = await member(app);
    return { app, advance, items, newcomer };
  }

  it('allows 10 comments and arguments together on the first day, then says when the day ends', async () => {
    const { app, advance, items, newcomer } = await setting();
    const created = (
      await app.db.selectFrom('users').select('created_at').where('id', '=', newcomer.userId).executeTakeFirstOrThrow()
    ).created_at;
    for (let i = 0; i < 6; i++)
      expect(
        (
          await newcomer.post('/api/v1/comments', {
            subject: { type: 'update', id: items.updateId },
            body: `Hello ${i}`,
          })
        ).status,
      ).toBe(201);
    for (let i = 0; i < 4; i++)
      expect(
        (await newcomer.post(`/api/v1/debates/${items.debateId}/arguments`, { stance: 'neutral', body: `Point ${i}` }))
          .status,
      ).toBe(201);
    const refused = await newcomer.post('/api/v1/comments', {
      subject: { type: 'update', id: items.updateId },
      body: 'Eleventh',
    });
    expect(refused.status).toBe(429);
    expect(refused.body.title).toBe('A limit for new accounts');
    expect(refused.body.detail).toMatch(
      /^On their first day, new accounts can post 10 comments \(comments and arguments together\)\. You can post again once your first day is over, in \d+ hours at the latest\.$/,
    );
    const secondsLeft = Math.ceil((created.getTime() + DAY - app.deps.clock.now().getTime()) / 1000);
    expect(Math.abs(Number(refused.headers['retry-after']) - secondsLeft)).toBeLessThanOrEqual(1);
    // A day after the account was made, the limit is gone.
    advance(created.getTime() + DAY + 60_000 - app.deps.clock.now().getTime());
    expect(
      (
        await newcomer.post('/api/v1/comments', {
          subject: { type: 'update', id: items.updateId },
          body: 'A day later',
        })
      ).status,
    ).toBe(201);
  });

  it('allows three debates or updates on the first day', async () => {
    const { newcomer } = await setting();
    for (let i = 0; i < 3; i++)
      expect((await newcomer.post('/api/v1/debates', { title: unique('Q '), framing: 'x' })).status).toBe(201);
    const refused = await newcomer.post('/api/v1/debates', { title: unique('Q '), framing: 'x' });
    expect(refused.status).toBe(429);
    expect(refused.body.detail).toMatch(/can open 3 debates and updates/);
  });

  it('refuses links and images in what a new account writes, naming the field and when they are allowed', async () => {
    const { app, advance, items, newcomer } = await setting();
    const subject = { type: 'update', id: items.updateId };
    const texts = [
      'See [our page](https://example.org)',
      'See https://example.org/page',
      'See www.example.org',
      'Mail <mailto:a@example.org>',
      '![logo](https://upload.wikimedia.org/x.png)',
    ];
    for (const body of texts) {
      const res = await newcomer.post('/api/v1/comments', { subject, body });
      expect(res.status, body).toBe(400);
      expect(res.body.errors).toEqual([
        {
          field: 'body',
          message: expect.stringMatching(
            /^New accounts cannot post links or images on their first day\. You can post them once your first day is over, in \d+ hours at the latest\.$/,
          ),
        },
      ]);
    }
    const debate = await newcomer.post('/api/v1/debates', {
      title: 'A question',
      framing: 'Background: https://example.org',
    });
    expect(debate.status).toBe(400);
    expect(debate.body.errors.map((e: { field: string }) => e.field)).toEqual(['framing']);
    // Plain text and @mentions pass.
    expect((await newcomer.post('/api/v1/comments', { subject, body: 'Thanks @someone, **well said**.' })).status).toBe(
      201,
    );
    const created = (
      await app.db.selectFrom('users').select('created_at').where('id', '=', newcomer.userId).executeTakeFirstOrThrow()
    ).created_at;
    advance(created.getTime() + DAY + 60_000 - app.deps.clock.now().getTime());
    expect((await newcomer.post('/api/v1/comments', { subject, body: texts[0] })).status).toBe(201);
  });

  it('allows some links when configured, and never limits moderators and admins', async () => {
    const { app, items, newcomer } = await setting({
      newAccounts: { hours: 24, maxComments: 10, maxTopics: 3, maxLinks: 1 },
    });
    const subject = { type: 'update', id: items.updateId };
    expect((await newcomer.post('/api/v1/comments', { subject, body: 'One: https://example.org' })).status).toBe(201);
    const two = await newcomer.post('/api/v1/comments', {
      subject,
      body: 'Two: https://example.org https://example.com',
    });
    expect(two.status).toBe(400);
    expect(two.body.errors[0].message).toMatch(/at most one link or image at a time/);
    const moderator = await withRole(app, 'moderator');
    for (let i = 0; i < 11; i++)
      expect((await moderator.post('/api/v1/comments', { subject, body: `See https://example.org/${i}` })).status).toBe(
        201,
      );
  });
});

describe('a workshop behind one address', () => {
  it('signs 50 people up from one address within the hour, each still held to the first-day limits', async () => {
    const { app } = await limitedApp();
    const ip = `10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250) + 1}`;
    const signUp = async () => {
      const c = await new TestClient(app, ip).start();
      const res = await c.post('/api/v1/accounts', { username: unique('workshop'), password: 'correct horse battery' });
      return Object.assign(c, { status: res.status, retryAfter: res.headers['retry-after'] });
    };
    const people: Awaited<ReturnType<typeof signUp>>[] = [];
    for (let i = 0; i < RATE_TIERS.signup.max; i++) people.push(await signUp());
    expect(people.map((p) => p.status)).toEqual(people.map(() => 201));
    expect(RATE_TIERS.signup).toEqual({ max: 50, windowSeconds: 3600 });
    const next = await signUp();
    expect(next.status).toBe(429);
    expect(Number(next.retryAfter)).toBeGreaterThan(0);
    // Each of them is a new account: three debates on the first day, no links.
    const newcomer = people[0]!;
    for (let i = 0; i < 3; i++)
      expect((await newcomer.post('/api/v1/debates', { title: unique('Q '), framing: 'x' })).status).toBe(201);
    const fourth = await newcomer.post('/api/v1/debates', { title: unique('Q '), framing: 'x' });
    expect(fourth.status).toBe(429);
    expect(fourth.body.detail).toMatch(/can open 3 debates and updates/);
    const linked = await people[1]!.post('/api/v1/debates', {
      title: unique('Q '),
      framing: 'See https://example.org',
    });
    expect(linked.status).toBe(400);
  });
});

describe('configuration of limits', () => {
  it('allows 1,200 requests a minute from one address by default, all routes together (LDN_GLOBAL_RATE_PER_MINUTE)', async () => {
    expect(loadConfig({} as NodeJS.ProcessEnv).globalRatePerMinute).toBe(1200);
    expect(loadConfig({ LDN_GLOBAL_RATE_PER_MINUTE: '3000' } as NodeJS.ProcessEnv).globalRatePerMinute).toBe(3000);
    expect(() => loadConfig({ LDN_GLOBAL_RATE_PER_MINUTE: 'many' } as NodeJS.ProcessEnv)).toThrow(
      /LDN_GLOBAL_RATE_PER_MINUTE/,
    );
    const { app } = await limitedApp();
    const res = await app.inject({ url: '/api/v1/session', remoteAddress: '10.250.0.1' });
    expect(res.headers['x-ratelimit-limit']).toBe('1200');
  });

  it('reads each tier from LDN_RATE_<TIER>=max/seconds and the moderation thresholds, refusing nonsense by name', () => {
    const c = loadConfig({
      LDN_RATE_COMMENT: '5/30',
      LDN_RATE_TOPIC_DAY: '7/86400',
      LDN_REPORT_HIDE_THRESHOLD: '5',
      LDN_NEW_ACCOUNT_MAX_LINKS: '2',
    } as NodeJS.ProcessEnv);
    expect(c.rateRules.comment).toEqual({ max: 5, windowSeconds: 30 });
    expect(c.rateRules['topic-day']).toEqual({ max: 7, windowSeconds: 86400 });
    expect(c.rateRules.report).toEqual(RATE_TIERS.report);
    expect(c.moderation).toEqual({ reportHideThreshold: 5, reporterMinAgeDays: 7 });
    expect(c.newAccounts).toEqual({ hours: 24, maxComments: 10, maxTopics: 3, maxLinks: 2 });
    const defaults = loadConfig({} as NodeJS.ProcessEnv);
    expect(defaults.moderation.reportHideThreshold).toBe(3);
    expect(() => loadConfig({ LDN_RATE_COMMENT: 'lots' } as NodeJS.ProcessEnv)).toThrow(/LDN_RATE_COMMENT/);
    expect(() => loadConfig({ LDN_REPORT_HIDE_THRESHOLD: '0' } as NodeJS.ProcessEnv)).toThrow(
      /LDN_REPORT_HIDE_THRESHOLD/,
    );
  });
});
