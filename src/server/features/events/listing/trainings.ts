// The trainings that name a course (events whose `course_id` is it), for the course's page: each with its next
// occurrence, or its last when none is to come. Cancelled events are left out.
import { sql } from 'kysely';
import type { Db } from '../../../db/connection';

export const trainingsOf = (db: Db, courseId: number, now: Date) =>
  db
    .selectFrom('events as e')
    .select([
      'e.id',
      'e.title',
      sql<Date | null>`coalesce(
        (select min(o.starts_at) from event_occurrences o where o.event_id = e.id and not o.cancelled and o.starts_at >= ${now}),
        (select max(o.starts_at) from event_occurrences o where o.event_id = e.id and not o.cancelled))`.as('start'),
    ])
    .where('e.course_id', '=', courseId)
    .where('e.cancelled_at', 'is', null)
    .orderBy('e.id')
    .limit(50)
    .execute();
