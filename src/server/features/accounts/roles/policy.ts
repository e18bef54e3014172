// Who may give and take network roles: pure predicates (unit-tested in policy.test.ts).
import type { Ctx } from '../../../http/context';

/**
 * Network roles are given on the command line only (`npm run ldn -- grant`): by the system, with no person and
 * no request behind it. No route gives roles, so a person, even an admin, is refused.
 */
export const mayManageRoles = (ctx: Pick<Ctx, 'actor' | 'via' | 'ip'>): boolean =>
  ctx.actor === null && ctx.via === null && ctx.ip === null;
