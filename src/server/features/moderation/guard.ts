// Checks before every tiered action (see http/rate-limit.ts): suspended people may not post, comment, support
// or report; and new accounts, on their first day, post a limited number of comments and topics and no links.
// The first-day limits are lifted with the rate limits (LDN_RATE_LIMITS=off) and never apply to moderators.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { CurrentUser } from '../../http/context';
import { HttpError, type FieldError } from '../../http/errors';
import { registerActionGuard, tooMany } from '../../http/rate-limit';
import { renderMarkdown } from '../../markdown/render';
import { formatDateTime } from '../../../web/ui/time';
import { currentSuspension } from './repo';
import { isModerator } from './visibility';

/** Tiers of actions a suspension stops; deleting one's own things, appealing and settings stay open. */
const SUSPENDED_TIERS = new Set(['post', 'comment', 'topic', 'topic-day', 'edit', 'support', 'report']);
/** Tiers whose requests carry text people write (checked for links on the first day). */
const WRITING_TIERS = new Set(['comment', 'topic', 'edit']);
/** The audited actions that count as comments and as topics on the first day. */
const FIRST_DAY_COUNTS: Record<string, { actions: string[]; limit: 'maxComments' | 'maxTopics'; message: string }> = {
  comment: { actions: ['comment.create', 'debate.argument'], limit: 'maxComments', message: 'moderation-limit-new-comments' },
  topic: { actions: ['debate.create', 'update.create'], limit: 'maxTopics', message: 'moderation-limit-new-topics' },
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

async function refuseSuspended(app: FastifyInstance, req: FastifyRequest, user: CurrentUser & { suspendedUntil: Date }) {
  const s = await currentSuspension(app.db, user.id);
  const when = formatDateTime(user.suspendedUntil, req.lang, user.timeZone ?? 'UTC');
  return new HttpError(403, 'moderation-suspended', { detailKey: 'moderation-suspended-detail', params: [when, s?.reason ?? ''] });
}

async function firstDay(app: FastifyInstance, req: FastifyRequest, user: CurrentUser, tiers: readonly string[]) {
  const limits = app.deps.config.newAccounts;
  const row = await app.db.selectFrom('users').select('created_at').where('id', '=', user.id).executeTakeFirstOrThrow();
  const now = app.deps.clock.now().getTime();
  const ends = row.created_at.getTime() + limits.hours * 3600 * 1000;
  if (now >= ends) return;
  const secondsLeft = Math.max(1, Math.ceil((ends - now) / 1000));
  const hoursLeft = Math.ceil(secondsLeft / 3600);

  if (tiers.some((t) => WRITING_TIERS.has(t)) && req.body && typeof req.body === 'object') {
    const errors: FieldError[] = [];
    const linksMessage = limits.maxLinks === 0 ? 'moderation-limit-new-links' : 'moderation-limit-new-links-some';
    for (const [field, value] of Object.entries(req.body as Record<string, unknown>)) {
      if (typeof value === 'string' && linkCount(value) > limits.maxLinks) {
        errors.push({ field, message: linksMessage, params: [hoursLeft, limits.maxLinks] });
      }
    }
    if (errors.length) throw new HttpError(400, 'moderation-limit-new-account', { detailKey: linksMessage, params: [hoursLeft, limits.maxLinks], errors });
  }
  for (const tier of tiers) {
    const rule = FIRST_DAY_COUNTS[tier];
    if (!rule) continue;
    const done = await app.db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('actor_id', '=', user.id)
      .where('action', 'in', rule.actions)
      .executeTakeFirstOrThrow();
    // Everything this account did falls in its first day, so every audited post counts.
    if (Number(done.n) >= limits[rule.limit]) {
      const err = tooMany(secondsLeft, 'moderation-limit-new-account');
      throw new HttpError(429, err.titleKey, { ...err.options, detailKey: rule.message, params: [limits[rule.limit], hoursLeft] });
    }
  }
}

registerActionGuard(async (app, req, tiers) => {
  const user = req.user;
  if (!user) return;
  if (user.suspendedUntil && tiers.some((t) => SUSPENDED_TIERS.has(t))) {
    throw await refuseSuspended(app, req, user as CurrentUser & { suspendedUntil: Date });
  }
  if (!app.deps.config.rateLimits || isModerator(user)) return;
  if (tiers.some((t) => WRITING_TIERS.has(t) || t in FIRST_DAY_COUNTS)) await firstDay(app, req, user, tiers);
});
