// Who may do what with an initiative, and loading one by the id in the address. Leads change an initiative,
// accept people and evaluate; admins and moderators can step in. A refusal is logged and answers 403 (401 for
// anonymous people), writing nothing else.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { CurrentUser } from '../../http/context';
import { conflict, notFound } from '../../http/errors';
import { ensure, hasRole, requireUser } from '../../http/permissions';
import { parseId } from '../conversations/subjects';
import { hiddenView } from '../moderation/visibility';
import { findInitiative, isLead, type InitiativeRow } from './repo';

/** Today's date (UTC) by the app's clock: calls close after their deadline's day. */
export const todayOf = (app: FastifyInstance): string => app.deps.clock.now().toISOString().slice(0, 10);

export const isStaff = (user: CurrentUser | null): boolean => hasRole(user, 'admin') || hasRole(user, 'moderator');

export async function loadInitiative(app: FastifyInstance, idParam: string): Promise<InitiativeRow> {
  const id = parseId(idParam);
  const row = id === null ? undefined : await findInitiative(app.db, id, todayOf(app));
  if (!row) throw notFound();
  return row;
}

/** Whether the person leads the initiative or may step in (admins, moderators). */
export async function canManage(app: FastifyInstance, user: CurrentUser | null, initiativeId: number): Promise<boolean> {
  if (!user) return false;
  return isStaff(user) || (await isLead(app.db, initiativeId, user.id));
}

/**
 * The first step of every change by the leads: signed in (401), the initiative exists (404), and the person
 * leads it or is an admin or moderator (403, logged).
 */
export async function manage(app: FastifyInstance, req: FastifyRequest, idParam: string, action: string): Promise<{ user: CurrentUser; row: InitiativeRow }> {
  const user = requireUser(req);
  const row = await loadInitiative(app, idParam);
  await ensure(app.db, req, await canManage(app, user, row.id), action, { type: 'initiative', id: row.id });
  return { user, row };
}

/**
 * Hidden by moderation: everyone sees the reason; its author, its leads, admins and moderators still read it
 * (`manager`: the viewer leads it or is staff, as canManage answers).
 */
export function initiativeView(r: InitiativeRow, viewer: CurrentUser | null, manager: boolean) {
  const { hidden, readable } = hiddenView(r, viewer, r.author_id);
  return { hidden, readable: readable || manager };
}

/** Adding to an initiative (support, sign-ups, volunteering) needs one the person may read: 409 while it is hidden. */
export async function ensureReadable(app: FastifyInstance, user: CurrentUser, r: InitiativeRow): Promise<void> {
  if (r.hidden_reason === null) return;
  if (!initiativeView(r, user, await canManage(app, user, r.id)).readable) throw conflict('moderation-subject-hidden');
}
