import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { testDatabase, unique } from '../testing/harness';
import { HttpError } from './errors';
import { createRateLimiter, RATE_TIERS } from './rate-limit';

const redisUrl = process.env.TEST_REDIS_URL;
const redis = redisUrl ? new Redis(redisUrl, { maxRetriesPerRequest: 1 }) : null;
afterAll(async () => {
  await redis?.quit();
});

async function status(p: Promise<void>): Promise<number | string> {
  try {
    await p;
    return 'ok';
  } catch (err) {
    return err instanceof HttpError ? `${err.status} retry-after=${err.options.headers?.['Retry-After']}` : String(err);
  }
}

const stores = [
  { name: 'database', make: (now: () => number) => createRateLimiter({ enabled: true, getDb: () => db, now }) },
  ...(redis
    ? [
        {
          name: 'redis',
          make: (now: () => number) => createRateLimiter({ enabled: true, getDb: () => db, redis, now }),
        },
      ]
    : []),
];
let db: Awaited<ReturnType<typeof testDatabase>>['db'];

describe.each(stores)('per-action rate limits in the $name', ({ make }) => {
  it('lets the allowed number through, then answers 429 with the seconds left in the window', async () => {
    db = (await testDatabase()).db;
    let clock = Date.UTC(2026, 0, 1, 10, 0, 0);
    const limiter = make(() => clock);
    const key = unique('ip');
    const { max, windowSeconds } = RATE_TIERS.signup;
    for (let i = 0; i < max; i++) expect(await status(limiter.consume('signup', key))).toBe('ok');
    clock += 1000;
    expect(await status(limiter.consume('signup', key))).toBe(`429 retry-after=${windowSeconds - 1}`);
    // Another address is not affected.
    expect(await status(limiter.consume('signup', unique('ip')))).toBe('ok');
    // The next window starts afresh.
    clock += windowSeconds * 1000;
    expect(await status(limiter.consume('signup', key))).toBe('ok');
  });

  it('check() refuses once the limit is reached without counting', async () => {
    db = (await testDatabase()).db;
    const limiter = make(() => Date.UTC(2026, 0, 1, 11, 0, 0));
    const key = unique('ip');
    for (let i = 0; i < RATE_TIERS['login-failure'].max - 1; i++) await limiter.consume('login-failure', key);
    expect(await status(limiter.check('login-failure', key))).toBe('ok');
    expect(await status(limiter.check('login-failure', key))).toBe('ok');
    await limiter.consume('login-failure', key);
    expect(await status(limiter.check('login-failure', key))).toMatch(/^429/);
  });
});

describe('rate limits turned off', () => {
  it('never refuses', async () => {
    db = (await testDatabase()).db;
    const limiter = createRateLimiter({ enabled: false, getDb: () => db });
    const key = unique('ip');
    for (let i = 0; i < RATE_TIERS.signup.max + 3; i++) expect(await status(limiter.consume('signup', key))).toBe('ok');
  });
});
