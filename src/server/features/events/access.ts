// Reading an event for a use case and the facts its policy needs: whether the person organizes it, or
// coordinates one of its organizing groups (asked of the communities feature, through its index).
import type { Selectable } from 'kysely';
import type { Db } from '../../db/connection';
import type { Ctx, CurrentUser } from '../../http/context';
import { ensure } from '../../http/access';
import { notFound } from '../../http/errors';
import { rolesInCommunity, termsOfPeople, todayUtc } from '../communities';
import { canManage, type ManagerFacts } from './policy';
import type { EventsTable } from './tables';

export type EventRow = Selectable<EventsTable>;

/** Ids are decimal strings; anything else names no event. */
export const parseEventId = (s: string): number | null => (/^[1-9]\d{0,14}$/.test(s) ? Number(s) : null);

/** The event with this id (a decimal string or a number), or a 404. */
export async function loadEvent(db: Db, id: string | number): Promise<EventRow> {
  const n = typeof id === 'number' ? id : parseEventId(id);
  const row = n === null ? undefined : await db.selectFrom('events').selectAll().where('id', '=', n).executeTakeFirst();
  if (!row) throw notFound();
  return row;
}

/** Whether the person organizes the event, and whether they coordinate one of its organizing groups. */
export async function managerFacts(db: Db, userId: number, eventId: number, today: string): Promise<ManagerFacts> {
  const organizers = await db
    .selectFrom('event_organizers')
    .select(['user_id', 'community_id'])
    .where('event_id', '=', eventId)
    .execute();
  const organizer = organizers.some((o) => o.user_id === userId);
  let coordinator = false;
  for (const o of organizers) {
    if (organizer || coordinator || o.community_id === null) continue;
    coordinator = (await rolesInCommunity(db, userId, o.community_id, today)).coordinator;
  }
  return { organizer, coordinator };
}

/** Whether the person may manage the event (change it, see its registrants, message them, mark attendance). */
export async function canManageEvent(
  db: Db,
  actor: CurrentUser | null,
  eventId: number,
  now: Date = new Date(),
): Promise<boolean> {
  if (!actor) return false;
  if (canManage(actor, { organizer: false, coordinator: false })) return true;
  return canManage(actor, await managerFacts(db, actor.id, eventId, todayUtc(now)));
}

/** Loads the event and checks the person manages it (404, then 401/403 with the refusal logged). */
export async function ensureManage(ctx: Ctx, id: string | number, action: string): Promise<EventRow> {
  const row = await loadEvent(ctx.db, id);
  await ensure(ctx, await canManageEvent(ctx.db, ctx.actor, row.id, ctx.now), action, { type: 'event', id: row.id });
  return row;
}

/** Whether the person holds an ambassador term current today (in any group). */
export async function isCurrentAmbassador(db: Db, userId: number, now: Date): Promise<boolean> {
  return (await termsOfPeople(db, [userId], todayUtc(now))).length > 0;
}
