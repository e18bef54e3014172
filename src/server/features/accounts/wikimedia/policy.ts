// Who may do what with "Log in with Wikimedia": pure predicates (unit-tested in policy.test.ts).
import type { Ctx } from '../../../http/context';

/**
 * Linking a Wikimedia account to a local one needs that person signed in at a browser session (a personal token
 * cannot link); anyone else starting the flow logs in or signs up.
 */
export const mayLink = (ctx: Pick<Ctx, 'actor' | 'via'>): boolean => !!ctx.actor && ctx.via === 'session';
