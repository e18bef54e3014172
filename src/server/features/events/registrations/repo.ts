// SQL for registrations. Places are counted per occurrence row (one per slot): a registration locks its
// occurrence's row (SELECT … FOR UPDATE), counts the registered, then inserts, as initiatives' call places do, so
// concurrent registrations queue on the lock and never take more places than there are; the waiting list is
// in the order rows were inserted under that lock (their ids).
import { sql } from 'kysely';
import type { Db } from '../../../db/connection';
import type { RegistrationStatus } from '../../../../contracts/events';

const occurrenceColumns = ['id', 'event_id', 'occurrence', 'slot', 'starts_at', 'ends_at', 'cancelled'] as const;

export const findOccurrence = (db: Db, eventId: number, occurrence: string, slot: number) =>
  db
    .selectFrom('event_occurrences')
    .select(occurrenceColumns)
    .where('event_id', '=', eventId)
    .where('occurrence', '=', occurrence)
    .where('slot', '=', slot)
    .executeTakeFirst();

export type OccurrenceRow = NonNullable<Awaited<ReturnType<typeof findOccurrence>>>;

/** The next occurrence (of a slot) not yet started and not cancelled. */
export const nextOccurrence = (db: Db, eventId: number, slot: number, now: Date) =>
  db
    .selectFrom('event_occurrences')
    .select(occurrenceColumns)
    .where('event_id', '=', eventId)
    .where('slot', '=', slot)
    .where('cancelled', '=', false)
    .where('starts_at', '>', now)
    .orderBy('starts_at')
    .limit(1)
    .executeTakeFirst();

/** Every occurrence (of a slot) not yet started and not cancelled, soonest first. */
export const futureOccurrences = (db: Db, eventId: number, slot: number, now: Date) =>
  db
    .selectFrom('event_occurrences')
    .select(occurrenceColumns)
    .where('event_id', '=', eventId)
    .where('slot', '=', slot)
    .where('cancelled', '=', false)
    .where('starts_at', '>', now)
    .orderBy('starts_at')
    .execute();

/** Holds the occurrence's row until commit: places of it are counted and taken by one transaction at a time. */
export const lockOccurrence = (db: Db, id: number) =>
  db.selectFrom('event_occurrences').select('id').where('id', '=', id).forUpdate().executeTakeFirst();

export async function registeredCount(db: Db, occurrenceId: number): Promise<number> {
  const row = await db
    .selectFrom('event_registrations')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('occurrence_id', '=', occurrenceId)
    .where('status', '=', 'registered')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * Takes a place (or a place on the waiting list) on a locked occurrence; answers the new row, or null when the
 * person is already registered for it. Call with the occurrence locked (lockOccurrence) in the same transaction.
 */
export async function takePlace(
  db: Db,
  v: {
    occurrenceId: number;
    eventId: number;
    userId: number;
    capacity: number | null;
    private: boolean;
    seriesId: number | null;
    at: Date;
  },
): Promise<{ id: number; status: RegistrationStatus } | null> {
  const status: RegistrationStatus =
    v.capacity === null || (await registeredCount(db, v.occurrenceId)) < v.capacity ? 'registered' : 'waiting';
  const row = await db
    .insertInto('event_registrations')
    .values({
      occurrence_id: v.occurrenceId,
      event_id: v.eventId,
      user_id: v.userId,
      status,
      private: v.private,
      series_id: v.seriesId,
      created_at: v.at,
    })
    .onConflict((oc) => oc.columns(['occurrence_id', 'user_id']).doNothing())
    .returning(['id', 'status'])
    .executeTakeFirst();
  return row ?? null;
}

/**
 * Gives free places of a locked occurrence to the first waiting, in order; answers who moved up. With a full
 * occurrence and one place freed, exactly one person moves.
 */
export async function promoteWaiting(
  db: Db,
  occurrenceId: number,
  capacity: number | null,
): Promise<{ id: number; user_id: number }[]> {
  const free = capacity === null ? Number.MAX_SAFE_INTEGER : capacity - (await registeredCount(db, occurrenceId));
  if (free <= 0) return [];
  const first = await db
    .selectFrom('event_registrations')
    .select('id')
    .where('occurrence_id', '=', occurrenceId)
    .where('status', '=', 'waiting')
    .orderBy('id')
    .limit(Math.min(free, 10000))
    .execute();
  if (first.length === 0) return [];
  return db
    .updateTable('event_registrations')
    .set({ status: 'registered' })
    .where(
      'id',
      'in',
      first.map((r) => r.id),
    )
    .returning(['id', 'user_id'])
    .execute();
}

export const findRegistration = (db: Db, id: number) =>
  db
    .selectFrom('event_registrations')
    .select(['id', 'occurrence_id', 'event_id', 'user_id', 'status', 'series_id'])
    .where('id', '=', id)
    .executeTakeFirst();

/** Registrants of an occurrence (every slot), for organizers: waiting ones after the registered, each in order. */
export const registrantsOf = (db: Db, eventId: number, occurrence: string) =>
  db
    .selectFrom('event_registrations as r')
    .innerJoin('event_occurrences as o', 'o.id', 'r.occurrence_id')
    .innerJoin('users as u', 'u.id', 'r.user_id')
    .select([
      'r.id',
      'r.status',
      'r.private',
      'r.created_at',
      'o.slot',
      'o.occurrence',
      'u.username',
      'u.display_name',
      'u.public_fields',
    ])
    .where('r.event_id', '=', eventId)
    .where('o.occurrence', '=', occurrence)
    .orderBy('o.slot')
    .orderBy(sql`case when r.status = 'registered' then 0 else 1 end`)
    .orderBy('r.id')
    .execute();

/** question -> answer -> count, over the event's answers. */
export async function answerTotals(db: Db, eventId: number): Promise<Record<string, Record<string, number>>> {
  const rows = await db
    .selectFrom('event_answers')
    .select(['question', 'answer', (eb) => eb.fn.countAll<string>().as('n')])
    .where('event_id', '=', eventId)
    .groupBy(['question', 'answer'])
    .execute();
  const totals: Record<string, Record<string, number>> = {};
  for (const r of rows) (totals[r.question] ??= {})[r.answer] = Number(r.n);
  return totals;
}

/** Saves a person's answers to an event's questions (a later registration's answers replace earlier ones). */
export async function saveAnswers(db: Db, eventId: number, userId: number, answers: Record<string, string>, at: Date) {
  const values = Object.entries(answers).map(([question, answer]) => ({
    event_id: eventId,
    user_id: userId,
    question,
    answer,
    created_at: at,
  }));
  if (values.length === 0) return;
  await db
    .insertInto('event_answers')
    .values(values)
    .onConflict((oc) =>
      oc.columns(['event_id', 'user_id', 'question']).doUpdateSet((eb) => ({ answer: eb.ref('excluded.answer') })),
    )
    .execute();
}
