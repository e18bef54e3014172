// The write guard (http/route-policy.ts), run before every write by a signed-in person: a suspended person may
// make only the writes their route marks `openWhileSuspended` (log out, own settings, appeals, deleting their
// own content, …); and a new account, on its first day, is held to the first-day limits its route names
// (no links, a few comments, a few topics). The first-day limits are lifted with the rate limits
// (LDN_RATE_LIMITS=off) and never apply to moderators.
import type { Ctx, CurrentUser } from '../../http/context';
import { HttpError, type FieldError } from '../../http/errors';
import { tooMany } from '../../http/rate-limit';
import type { FirstDayRule, RoutePolicy, WriteGuard } from '../../http/route-policy';
import { renderMarkdown } from '../../markdown/render';
import { formatDateTime } from '../../../contracts/time';
import { currentSuspension } from './repo';
import { isModerator } from './visibility';

/** The audited actions that count as comments and as topics on the first day. */
const FIRST_DAY_COUNTS: Partial<
  Record<FirstDayRule, { actions: string[]; limit: 'maxComments' | 'maxTopics'; message: string }>
> = {
  comments: {
    actions: ['comment.create', 'debate.argument'],
    limit: 'maxComments',
    message: 'moderation-limit-new-comments',
  },
  topics: { actions: ['debate.create', 'update.create'], limit: 'maxTopics', message: 'moderation-limit-new-topics' },
};

/**
 * Links and images in text as readers would see them (Markdown links, autolinks, bare addresses and e-mail
 * addresses), and addresses starting with www. that stay plain text but are links all the same.
 */
export function linkCount(text: string): number {
  const html = renderMarkdown(text);
  const shown = (html.match(/<(a|img)\s/g) ?? []).length;
  const www = (html.replace(/<a\s[^>]*>[\s\S]*?<\/a>/g, '').match(/\bwww\.[\p{L}\p{N}-]+\.\p{L}{2,}/gu) ?? []).length;
  return shown + www;
}

async function refuseSuspended(ctx: Ctx, user: CurrentUser & { suspendedUntil: Date }) {
  const s = await currentSuspension(ctx.db, user.id);
  const when = formatDateTime(user.suspendedUntil, ctx.lang, user.timeZone ?? 'UTC');
  return new HttpError(403, 'moderation-suspended', {
    detailKey: 'moderation-suspended-detail',
    params: [when, s?.reason ?? ''],
  });
}

async function firstDay(ctx: Ctx, user: CurrentUser, rules: readonly FirstDayRule[], body: unknown) {
  const limits = ctx.config.newAccounts;
  const row = await ctx.db.selectFrom('users').select('created_at').where('id', '=', user.id).executeTakeFirstOrThrow();
  const now = ctx.now.getTime();
  const ends = row.created_at.getTime() + limits.hours * 3600 * 1000;
  if (now >= ends) return;
  const secondsLeft = Math.max(1, Math.ceil((ends - now) / 1000));
  const hoursLeft = Math.ceil(secondsLeft / 3600);

  if (rules.includes('links') && body && typeof body === 'object') {
    const errors: FieldError[] = [];
    const linksMessage = limits.maxLinks === 0 ? 'moderation-limit-new-links' : 'moderation-limit-new-links-some';
    for (const [field, value] of Object.entries(body as Record<string, unknown>)) {
      if (typeof value === 'string' && linkCount(value) > limits.maxLinks) {
        errors.push({ field, message: linksMessage, params: [hoursLeft, limits.maxLinks] });
      }
    }
    if (errors.length)
      throw new HttpError(400, 'moderation-limit-new-account', {
        detailKey: linksMessage,
        params: [hoursLeft, limits.maxLinks],
        errors,
      });
  }
  for (const r of rules) {
    const rule = FIRST_DAY_COUNTS[r];
    if (!rule) continue;
    const done = await ctx.db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('actor_id', '=', user.id)
      .where('action', 'in', rule.actions)
      .executeTakeFirstOrThrow();
    // Everything this account did falls in its first day, so every audited post counts.
    if (Number(done.n) >= limits[rule.limit]) {
      const err = tooMany(secondsLeft, 'moderation-limit-new-account');
      throw new HttpError(429, err.titleKey, {
        ...err.options,
        detailKey: rule.message,
        params: [limits[rule.limit], hoursLeft],
      });
    }
  }
}

export const moderationGuard: WriteGuard = async (ctx: Ctx, policy: RoutePolicy, body: unknown) => {
  const user = ctx.actor;
  if (!user) return;
  if (user.suspendedUntil && !policy.openWhileSuspended) {
    throw await refuseSuspended(ctx, user as CurrentUser & { suspendedUntil: Date });
  }
  if (!ctx.config.rateLimits || isModerator(user) || !policy.firstDay?.length) return;
  await firstDay(ctx, user, policy.firstDay, body);
};
