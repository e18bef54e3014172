// SQL for attendance of ambassador meetings: the meetings that took place (one per occurrence, whatever its
// slots), and who was present at which.
import { sql } from 'kysely';
import type { Db } from '../../../db/connection';

/** Ambassador meetings that have ended, not cancelled, newest first: one row per occurrence (slots together). */
export async function pastMeetings(db: Db, now: Date) {
  const rows = await db
    .selectFrom('event_occurrences as o')
    .innerJoin('events as e', 'e.id', 'o.event_id')
    .select(['o.event_id', 'o.occurrence', 'e.title', 'e.timezone', sql<Date | string>`min(o.starts_at)`.as('start')])
    .where('e.kind', '=', 'ambassador_meeting')
    .where('e.cancelled_at', 'is', null)
    .where('o.cancelled', '=', false)
    .where('o.ends_at', '<=', now)
    .groupBy(['o.event_id', 'o.occurrence', 'e.title', 'e.timezone'])
    .orderBy(sql`min(o.starts_at)`, 'desc')
    .execute();
  return rows.map((r) => ({ ...r, start: new Date(r.start) }));
}

/** Who of these people was present at which ended ambassador meeting. */
export async function presentAt(db: Db, userIds: number[], now: Date) {
  if (userIds.length === 0) return [];
  return db
    .selectFrom('event_attendance as a')
    .innerJoin('event_occurrences as o', 'o.id', 'a.occurrence_id')
    .innerJoin('events as e', 'e.id', 'o.event_id')
    .select(['o.event_id', 'o.occurrence', 'a.user_id'])
    .where('a.user_id', 'in', userIds)
    .where('e.kind', '=', 'ambassador_meeting')
    .where('o.ends_at', '<=', now)
    .execute();
}
