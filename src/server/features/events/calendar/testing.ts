// Test fixtures for the feeds and polls: events and their occurrences written straight into the tables (as the
// events core stores them: one row per occurrence and slot, instants from the local times), groups and members.
import type { FastifyInstance } from 'fastify';
import { unique } from '../../../testing/harness';
import { expandRule, parseRule } from '../time/recurrence';
import { addLocalMinutes, localMinutesBetween, zonedToInstant } from '../time/zoned';

export interface TestEvent {
  title?: string;
  description?: string;
  timezone: string;
  start: string;
  end: string;
  rrule?: string;
  slots?: { start: string; end: string }[];
  meetingUrl?: string;
  address?: string;
  communityId?: number;
  /** Expanded up to this local time (the first occurrence only without a rule). */
  until?: string;
}

export async function insertEvent(app: FastifyInstance, e: TestEvent): Promise<number> {
  const now = new Date();
  const row = await app.db
    .insertInto('events')
    .values({
      kind: 'training',
      title: e.title ?? unique('Event '),
      description: e.description ?? '',
      timezone: e.timezone,
      start_local: e.start,
      end_local: e.end,
      rrule: e.rrule ?? null,
      slots: JSON.stringify(e.slots ?? []),
      mode: 'online',
      languages: ['en'],
      interpretation: [],
      meeting_url: e.meetingUrl ?? null,
      chat_url: null,
      address: e.address ?? null,
      capacity: null,
      questions: [],
      agenda: '[]',
      course_id: null,
      time_poll_id: null,
      created_by: null,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const id = Number(row.id);
  const starts = e.rrule
    ? expandRule(parseRule(e.rrule), e.start, e.timezone, e.until ?? addLocalMinutes(e.start, 400 * 1440)).starts
    : [e.start];
  const slotTimes = [{ start: e.start, end: e.end }, ...(e.slots ?? [])];
  const rows = starts.flatMap((occurrence) =>
    slotTimes.map((s, slot) => {
      const start = addLocalMinutes(occurrence, localMinutesBetween(e.start, s.start));
      const end = addLocalMinutes(start, localMinutesBetween(s.start, s.end));
      return {
        event_id: id,
        occurrence,
        slot,
        starts_at: zonedToInstant(start, e.timezone),
        ends_at: zonedToInstant(end, e.timezone),
      };
    }),
  );
  await app.db.insertInto('event_occurrences').values(rows).execute();
  if (e.communityId !== undefined)
    await app.db.insertInto('event_organizers').values({ event_id: id, community_id: e.communityId }).execute();
  return id;
}

/** Moves one occurrence (its main slot) to new local times in the event's zone. */
export async function moveOccurrence(
  app: FastifyInstance,
  eventId: number,
  occurrence: string,
  start: string,
  end: string,
  timeZone: string,
) {
  await app.db
    .updateTable('event_occurrences')
    .set({ starts_at: zonedToInstant(start, timeZone), ends_at: zonedToInstant(end, timeZone), moved: true })
    .where('event_id', '=', eventId)
    .where('occurrence', '=', occurrence)
    .where('slot', '=', 0)
    .execute();
}

export async function cancelOccurrence(app: FastifyInstance, eventId: number, occurrence: string) {
  await app.db
    .updateTable('event_occurrences')
    .set({ cancelled: true, cancel_reason: 'Holiday' })
    .where('event_id', '=', eventId)
    .where('occurrence', '=', occurrence)
    .execute();
}

export async function register(
  app: FastifyInstance,
  eventId: number,
  userId: number,
  opts: { occurrence?: string; private?: boolean } = {},
) {
  const now = new Date();
  if (opts.occurrence === undefined) {
    await app.db
      .insertInto('event_series_registrations')
      .values({ event_id: eventId, user_id: userId, private: !!opts.private, created_at: now })
      .execute();
    return;
  }
  const occ = await app.db
    .selectFrom('event_occurrences')
    .select('id')
    .where('event_id', '=', eventId)
    .where('occurrence', '=', opts.occurrence)
    .where('slot', '=', 0)
    .executeTakeFirstOrThrow();
  await app.db
    .insertInto('event_registrations')
    .values({
      occurrence_id: occ.id,
      event_id: eventId,
      user_id: userId,
      status: 'registered',
      private: !!opts.private,
      created_at: now,
    })
    .execute();
}

export async function makeCommunity(app: FastifyInstance, name = unique('Group ')) {
  const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  const row = await app.db
    .insertInto('communities')
    .values({ slug, name, name_key: name.toLowerCase(), kind: 'user_group', region: 'LAC' })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: Number(row.id), slug, name };
}
