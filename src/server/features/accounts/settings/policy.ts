// Who may change what of their own account: pure predicates (unit-tested in policy.test.ts).
import type { Ctx } from '../../../http/context';

/**
 * Changing the password and creating tokens need the person at a browser session: a personal token must not
 * be able to take over the account or mint more tokens.
 */
export const isBrowserSession = (via: Ctx['via']): boolean => via === 'session';

/** The session making the request, when it is a browser session (a token's request has none of its own). */
export const currentSessionOf = (ctx: Pick<Ctx, 'via' | 'sessionId'>): number | null =>
  ctx.via === 'session' ? ctx.sessionId : null;
