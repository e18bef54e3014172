// Reading an event for the registrations, attendance and messages use cases, and who manages it: admins, its
// maker, the people organizing it and the coordinators of the groups organizing it (communities' roles).
import type { Db } from '../../../db/connection';
import type { CurrentUser } from '../../../http/context';
import { hasRole } from '../../../http/access';
import { notFound } from '../../../http/errors';
import { rolesInCommunity, todayUtc } from '../../communities';
import { parseId } from '../../conversations';

export const loadEventRow = (db: Db, id: number) =>
  db
    .selectFrom('events')
    .select([
      'id',
      'kind',
      'title',
      'timezone',
      'rrule',
      'slots',
      'capacity',
      'registration_open',
      'registration_closes_at',
      'questions',
      'meeting_url',
      'announce',
      'cancelled_at',
      'created_by',
    ])
    .where('id', '=', id)
    .executeTakeFirst();

export type EventRow = NonNullable<Awaited<ReturnType<typeof loadEventRow>>>;

/** The event named in a path, or 404. */
export async function eventOf(db: Db, idText: string): Promise<EventRow> {
  const id = parseId(idText);
  const row = id === null ? undefined : await loadEventRow(db, id);
  if (!row) throw notFound();
  return row;
}

/** Whether a person manages the event: an admin, its maker, an organizer, or a coordinator of an organizing group. */
export async function managesEvent(
  db: Db,
  user: CurrentUser | null,
  event: Pick<EventRow, 'id' | 'created_by'>,
  now: Date,
): Promise<boolean> {
  if (!user) return false;
  if (hasRole(user, 'admin') || event.created_by === user.id) return true;
  const organizers = await db
    .selectFrom('event_organizers')
    .select(['user_id', 'community_id'])
    .where('event_id', '=', event.id)
    .execute();
  if (organizers.some((o) => o.user_id === user.id)) return true;
  for (const o of organizers) {
    if (o.community_id === null) continue;
    if ((await rolesInCommunity(db, user.id, o.community_id, todayUtc(now))).coordinator) return true;
  }
  return false;
}

/** The event's link and subject for notifications. */
export const eventSubject = (e: Pick<EventRow, 'id' | 'title'>) => ({
  type: 'event',
  id: e.id,
  title: e.title,
  link: `/events/${e.id}`,
});
