// Per-action rate limits (log in, sign up, post, report, export) with fixed windows. The counters live in
// Redis when REDIS_URL is set, otherwise in the database, so every app instance sees the same counts.
import { sql } from 'kysely';
import type { Redis } from 'ioredis';
import type { Db } from '../db/connection';
import { HttpError } from './errors';

export interface RateRule {
  max: number;
  windowSeconds: number;
}

/** The tiers routes name in `config.rateTier`; keyed per client address unless a route says otherwise. */
export const RATE_TIERS: Record<string, RateRule> = {
  signup: { max: 5, windowSeconds: 3600 },
  // Counted on failed log-ins only (see accounts): 10 failures in 15 minutes from one address.
  'login-failure': { max: 10, windowSeconds: 900 },
  post: { max: 30, windowSeconds: 600 },
  report: { max: 10, windowSeconds: 3600 },
  export: { max: 20, windowSeconds: 3600 },
  token: { max: 20, windowSeconds: 3600 },
};

export interface RateLimiter {
  readonly enabled: boolean;
  /** Counts one hit; throws 429 with Retry-After when the limit is passed. */
  consume(tier: string, key: string): Promise<void>;
  /** Throws 429 when the limit is already reached, without counting. */
  check(tier: string, key: string): Promise<void>;
}

function tooMany(retryAfter: number): HttpError {
  return new HttpError(429, 'error-rate-limited', {
    detailKey: 'error-rate-limited-detail',
    params: [retryAfter],
    headers: { 'Retry-After': String(retryAfter) },
  });
}

export function createRateLimiter(opts: { enabled: boolean; getDb: () => Db; redis?: Redis | null; now?: () => number }): RateLimiter {
  const now = opts.now ?? Date.now;
  const windowOf = (rule: RateRule) => {
    const ms = rule.windowSeconds * 1000;
    const start = Math.floor(now() / ms) * ms;
    return { start, retryAfter: Math.max(1, Math.ceil((start + ms - now()) / 1000)) };
  };
  const rule = (tier: string) => {
    const r = RATE_TIERS[tier];
    if (!r) throw new Error(`unknown rate tier ${tier}`);
    return r;
  };

  async function count(tier: string, key: string, increment: number): Promise<number> {
    const r = rule(tier);
    const { start } = windowOf(r);
    const fullKey = `${tier}:${key}`;
    if (opts.redis) {
      const k = `ldn:rate:${fullKey}:${start}`;
      if (increment === 0) return Number((await opts.redis.get(k)) ?? 0);
      const [[, hits]] = (await opts.redis.multi().incrby(k, increment).expire(k, r.windowSeconds + 1).exec()) as [[unknown, number]];
      return hits;
    }
    const db = opts.getDb();
    const windowStart = new Date(start);
    if (increment === 0) {
      const row = await db.selectFrom('rate_counters').select(['hits', 'window_start']).where('key', '=', fullKey).executeTakeFirst();
      return row && row.window_start.getTime() === start ? row.hits : 0;
    }
    const row = await db
      .insertInto('rate_counters')
      .values({ key: fullKey, window_start: windowStart, hits: increment })
      .onConflict((oc) =>
        oc.column('key').doUpdateSet({
          hits: sql<number>`case when rate_counters.window_start = excluded.window_start then rate_counters.hits + excluded.hits else excluded.hits end`,
          window_start: sql<Date>`excluded.window_start`,
        }),
      )
      .returning('hits')
      .executeTakeFirstOrThrow();
    return row.hits;
  }

  return {
    enabled: opts.enabled,
    async consume(tier, key) {
      if (!opts.enabled) return;
      const hits = await count(tier, key, 1);
      if (hits > rule(tier).max) throw tooMany(windowOf(rule(tier)).retryAfter);
    },
    async check(tier, key) {
      if (!opts.enabled) return;
      const hits = await count(tier, key, 0);
      if (hits >= rule(tier).max) throw tooMany(windowOf(rule(tier)).retryAfter);
    },
  };
}
