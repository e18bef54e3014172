// Loading an initiative by the id in the address, and the checks use cases start with. A refusal is logged and
// answers 403 (401 for anonymous people), writing nothing else. Who may do what is policy.ts.
import type { Ctx, CurrentUser } from '../../http/context';
import { conflict, notFound } from '../../http/errors';
import { ensure, requireUser } from '../../http/access';
import { parseId } from '../conversations';
import { initiativeView, isStaff, mayManage } from './policy';
import { findInitiative, isLead, type InitiativeRow } from './repo';

/** Today's date (UTC) when the request began: calls close after their deadline's day. */
export const todayOf = (ctx: Pick<Ctx, 'now'>): string => ctx.now.toISOString().slice(0, 10);

export async function loadInitiative(ctx: Ctx, idParam: string): Promise<InitiativeRow> {
  const id = parseId(idParam);
  const row = id === null ? undefined : await findInitiative(ctx.db, id, todayOf(ctx));
  if (!row) throw notFound();
  return row;
}

/** Whether the person leads the initiative or may step in (admins, moderators). */
export async function canManage(
  ctx: Pick<Ctx, 'db'>,
  user: CurrentUser | null,
  initiativeId: number,
): Promise<boolean> {
  if (!user) return false;
  // Staff need no query.
  if (isStaff(user)) return true;
  return mayManage(user, await isLead(ctx.db, initiativeId, user.id));
}

/**
 * The first step of every change by the leads: signed in (401), the initiative exists (404), and the person
 * leads it or is an admin or moderator (403, logged).
 */
export async function manage(
  ctx: Ctx,
  idParam: string,
  action: string,
): Promise<{ user: CurrentUser; row: InitiativeRow }> {
  const user = requireUser(ctx);
  const row = await loadInitiative(ctx, idParam);
  await ensure(ctx, await canManage(ctx, user, row.id), action, { type: 'initiative', id: row.id });
  return { user, row };
}

/** Adding to an initiative (support, sign-ups, volunteering) needs one the person may read: 409 while it is hidden. */
export async function ensureReadable(ctx: Ctx, user: CurrentUser, r: InitiativeRow): Promise<void> {
  if (r.hidden_reason === null) return;
  if (!initiativeView(r, user, await canManage(ctx, user, r.id)).readable) throw conflict('moderation-subject-hidden');
}
