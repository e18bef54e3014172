// Failed log-ins (DECISIONS 28), counted twice:
// - per account, from any address: after 10 failures in 15 minutes (the `login-account` tier) the account waits
//   before its next attempt, a minute at first and twice as long after each further failure, at most the window
//   (15 minutes). Every attempt meanwhile, right password or not, is a 429 with Retry-After, checked before the
//   password so guessing stops. A right password ends the series.
// - per address (the `login-failure` tier, 50 in 15 minutes): past it a wrong password is a 429. A right password
//   is never refused for its address, so one address's failures (a workshop, or everyone behind a proxy without
//   LDN_TRUST_PROXY) never lock anyone else out.
// Wrong current passwords at a password change count as failed log-ins of that account and address.
import type { Ctx } from '../../http/context';
import { RATE_TIERS, tooMany } from '../../http/rate-limit';
import { clearLoginFailures, countLoginFailure, findLoginLock, lockLogins } from './repo';

/** The first wait once an account is past its limit; each further failure doubles it, up to the window. */
const FIRST_DELAY_SECONDS = 60;

/** How long an account waits after its `failures`-th failure in a series (0 while under the limit). */
export function loginDelaySeconds(failures: number, rule: { max: number; windowSeconds: number }): number {
  if (failures < rule.max) return 0;
  const doublings = Math.min(failures - rule.max, 20);
  return Math.min(rule.windowSeconds, FIRST_DELAY_SECONDS * 2 ** doublings);
}

const accountRule = (ctx: Ctx) => ctx.config.rateRules['login-account'] ?? RATE_TIERS['login-account'];
const addressKey = (ctx: Ctx) => `ip:${ctx.ip ?? ''}`;

/** 429 while the account waits after too many failures, before its password is even checked. */
export async function checkAccountLoginLimit(ctx: Ctx, userId: number): Promise<void> {
  if (!ctx.config.rateLimits) return;
  const lock = await findLoginLock(ctx.db, userId);
  const until = lock?.locked_until?.getTime() ?? 0;
  if (until > ctx.now.getTime()) throw tooMany(Math.max(1, Math.ceil((until - ctx.now.getTime()) / 1000)));
}

/**
 * Counts a failure against the account (when the username exists) and the address. Throws 429 when the address is
 * past its limit; otherwise the caller answers the wrong password as such.
 */
export async function recordLoginFailure(ctx: Ctx, userId: number | null): Promise<void> {
  if (!ctx.config.rateLimits) return;
  if (userId !== null) {
    const rule = accountRule(ctx);
    const failures = await countLoginFailure(ctx.db, userId, ctx.now, rule.windowSeconds);
    const delay = loginDelaySeconds(failures, rule);
    if (delay > 0) await lockLogins(ctx.db, userId, new Date(ctx.now.getTime() + delay * 1000));
  }
  await ctx.deps.rateLimiter.consume('login-failure', addressKey(ctx));
}

/** A right password: the account's series of failures ends. */
export async function recordLoginSuccess(ctx: Ctx, userId: number): Promise<void> {
  if (ctx.config.rateLimits) await clearLoginFailures(ctx.db, userId);
}
