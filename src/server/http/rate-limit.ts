// Per-action rate limits with fixed windows. The counters live in Redis when REDIS_URL is set, otherwise in
// the database, so every app instance sees the same counts. Routes name their tiers in their policy
// (`policy.rate`, http/route-policy.ts), which counts them after the write guards have run.
import { sql } from 'kysely';
import type { Redis } from 'ioredis';
import type { Db } from '../db/connection';
import { HttpError } from './errors';

export interface RateRule {
  max: number;
  windowSeconds: number;
}

const DAY = 86400;

/**
 * The tiers, counted per signed-in person (else per client address). Defaults follow Discourse's where it has
 * one; LDN_RATE_<TIER>=max/seconds changes a tier (README, config.ts).
 */
export const RATE_TIERS = {
  // Per address: a Wikimedia workshop signs 20 to 40 people up from one address within the hour (DECISIONS 31).
  // What a new account may do is held back by the first-day limits (config.newAccounts), not by this tier.
  signup: { max: 50, windowSeconds: 3600 },
  // Failed log-ins per address: 50 in 15 minutes; past it a wrong password is a 429, a right one still passes
  // (DECISIONS 28, features/accounts/login-limits.ts).
  'login-failure': { max: 50, windowSeconds: 900 },
  // Failed log-ins per account, from any address: 10 in 15 minutes, then a wait that grows to the window's length.
  // Counted by features/accounts/login-limits.ts in its own table, never named by a route's policy.
  'login-account': { max: 10, windowSeconds: 900 },
  post: { max: 30, windowSeconds: 600 },
  // Comments, replies and arguments: Discourse allows a post every 5 seconds, here 12 a minute.
  comment: { max: 12, windowSeconds: 60 },
  // Debates and updates: a topic every 15 seconds (4 a minute) and 20 a day (max_topics_per_day).
  topic: { max: 4, windowSeconds: 60 },
  'topic-day': { max: 20, windowSeconds: DAY },
  // Edits of comments, updates, closing debates (max_edits_per_day).
  edit: { max: 30, windowSeconds: DAY },
  // Supports of arguments (max_likes_per_day).
  support: { max: 50, windowSeconds: DAY },
  // Reports (max_flags_per_day).
  report: { max: 20, windowSeconds: DAY },
  appeal: { max: 10, windowSeconds: DAY },
  export: { max: 20, windowSeconds: 3600 },
  // Saves of a document's units and their translations: translators save unit after unit, 120 in 10 minutes.
  translate: { max: 120, windowSeconds: 600 },
  token: { max: 20, windowSeconds: 3600 },
  // Suggestions while typing (people to mention): asked as one types, a few a second at most.
  lookup: { max: 120, windowSeconds: 60 },
  // Calendar and news feeds (.ics, Atom): calendar clients poll them, several subscriptions behind one address
  // (an office) may ask at once, so a generous tier of its own, never an action's (DECISIONS 31).
  feed: { max: 600, windowSeconds: 600 },
} as const satisfies Record<string, RateRule>;

/** A tier's name: routes name tiers from this union, so a typo fails to compile. */
export type RateTier = keyof typeof RATE_TIERS;

/** 429 with Retry-After, and a detail saying how long to wait, in seconds, minutes or hours. */
export function tooMany(retryAfter: number, titleKey = 'error-rate-limited'): HttpError {
  const [detailKey, n] =
    retryAfter <= 90
      ? ['error-rate-limited-detail', retryAfter]
      : retryAfter <= 90 * 60
        ? ['moderation-limit-wait-minutes', Math.ceil(retryAfter / 60)]
        : ['moderation-limit-wait-hours', Math.ceil(retryAfter / 3600)];
  return new HttpError(429, titleKey, { detailKey, params: [n], headers: { 'Retry-After': String(retryAfter) } });
}

/** Counts one hit in each of the tiers for the person (else the client address); 429 past a limit. */
export async function countTiers(
  limiter: RateLimiter,
  tiers: readonly RateTier[],
  who: { userId: number | null; ip: string },
): Promise<void> {
  const key = who.userId !== null ? `u${who.userId}` : `ip:${who.ip}`;
  for (const t of tiers) await limiter.consume(t, key);
}

export interface RateLimiter {
  readonly enabled: boolean;
  /** Counts one hit; throws 429 with Retry-After when the limit is passed. */
  consume(tier: string, key: string): Promise<void>;
  /** Throws 429 when the limit is already reached, without counting. */
  check(tier: string, key: string): Promise<void>;
}

export function createRateLimiter(opts: {
  enabled: boolean;
  getDb: () => Db;
  redis?: Redis | null;
  now?: () => number;
  /** The rules by tier; RATE_TIERS when not given. */
  tiers?: Record<string, RateRule>;
}): RateLimiter {
  const tiers: Record<string, RateRule> = opts.tiers ?? RATE_TIERS;
  const now = opts.now ?? Date.now;
  const windowOf = (rule: RateRule) => {
    const ms = rule.windowSeconds * 1000;
    const start = Math.floor(now() / ms) * ms;
    return { start, retryAfter: Math.max(1, Math.ceil((start + ms - now()) / 1000)) };
  };
  const rule = (tier: string) => {
    const r = tiers[tier];
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
      const [[, hits]] = (await opts.redis
        .multi()
        .incrby(k, increment)
        .expire(k, r.windowSeconds + 1)
        .exec()) as [[unknown, number]];
      return hits;
    }
    const db = opts.getDb();
    const windowStart = new Date(start);
    if (increment === 0) {
      const row = await db
        .selectFrom('rate_counters')
        .select(['hits', 'window_start'])
        .where('key', '=', fullKey)
        .executeTakeFirst();
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
