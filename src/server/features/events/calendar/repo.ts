// What the feeds read: events with their stored occurrences, in three selections (upcoming, a group's, one), and
// a person's registrations. One query for the events, one for their occurrences.
import type { Db } from '../../../db/connection';
import type { CalendarEvent, OccurrenceRow } from './ics';

/** At most this many events in a feed (the nearest first). */
export const FEED_LIMIT = 500;

type EventRow = {
  id: number;
  title: string;
  description: string;
  timezone: string;
  start_local: string;
  end_local: string;
  rrule: string | null;
  slots: { start: string; end: string }[];
  address: string | null;
  cancelled_at: Date | null;
  revision: number;
  updated_at: Date;
};

const eventColumns = [
  'e.id',
  'e.title',
  'e.description',
  'e.timezone',
  'e.start_local',
  'e.end_local',
  'e.rrule',
  'e.slots',
  'e.address',
  'e.cancelled_at',
  'e.revision',
  'e.updated_at',
] as const;

/**
 * The events with the occurrences their calendar text needs: a series is written as its rule, so only its moved and
 * cancelled occurrences (RECURRENCE-ID, EXDATE); a single event, its one occurrence. `every` reads all of them
 * (one's own calendar names single occurrences of series).
 */
async function withOccurrences(db: Db, rows: EventRow[], from: Date, every = false): Promise<CalendarEvent[]> {
  if (!rows.length) return [];
  const singles = rows.filter((r) => r.rrule === null).map((r) => r.id);
  const occ = await db
    .selectFrom('event_occurrences')
    .select(['event_id', 'occurrence', 'slot', 'starts_at', 'ends_at', 'moved', 'cancelled'])
    .where(
      'event_id',
      'in',
      rows.map((r) => r.id),
    )
    // Only what may still be shown: a moved or cancelled occurrence of the past changes nothing a client shows.
    .where('ends_at', '>=', from)
    .$if(!every, (q) =>
      q.where((eb) =>
        eb.or([
          eb('moved', '=', true),
          eb('cancelled', '=', true),
          ...(singles.length ? [eb('event_id', 'in', singles)] : []),
        ]),
      ),
    )
    .orderBy('starts_at')
    .execute();
  const byEvent = new Map<number, OccurrenceRow[]>();
  for (const o of occ) {
    const id = Number(o.event_id);
    const list = byEvent.get(id);
    if (list) list.push(o);
    else byEvent.set(id, [o]);
  }
  return rows.map((r) => ({
    id: Number(r.id),
    title: r.title,
    description: r.description,
    timezone: r.timezone,
    startLocal: r.start_local,
    endLocal: r.end_local,
    rrule: r.rrule,
    slots: Array.isArray(r.slots) ? r.slots : [],
    address: r.address,
    cancelled: r.cancelled_at !== null,
    revision: r.revision,
    updatedAt: r.updated_at,
    occurrences: byEvent.get(Number(r.id)) ?? [],
  }));
}

/** Events with an occurrence not yet over (cancelled ones too, so subscribers see them cancelled). */
export async function upcomingEvents(db: Db, now: Date, communityId?: number): Promise<CalendarEvent[]> {
  let q = db
    .selectFrom('events as e')
    .select(eventColumns)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('event_occurrences as o')
          .select('o.id')
          .whereRef('o.event_id', '=', 'e.id')
          .where('o.ends_at', '>=', now),
      ),
    );
  if (communityId !== undefined) {
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('event_organizers as g')
          .select('g.id')
          .whereRef('g.event_id', '=', 'e.id')
          .where('g.community_id', '=', communityId),
      ),
    );
  }
  const rows = await q.orderBy('e.id', 'desc').limit(FEED_LIMIT).execute();
  return withOccurrences(db, rows, now);
}

/** One event (its whole series), or null. */
export async function oneEvent(db: Db, id: number, now: Date): Promise<CalendarEvent | null> {
  const row = await db.selectFrom('events as e').select(eventColumns).where('e.id', '=', id).executeTakeFirst();
  return row ? ((await withOccurrences(db, [row], now))[0] ?? null) : null;
}

export const communityIdOf = async (db: Db, slug: string): Promise<number | null> => {
  const row = await db.selectFrom('communities').select('id').where('slug', '=', slug).executeTakeFirst();
  return row ? Number(row.id) : null;
};

/**
 * A person's registrations, waiting ones included: a series registration gives the whole series (its slot
 * only); registrations for single occurrences give those occurrences alone.
 */
export async function registeredEvents(db: Db, userId: number, now: Date): Promise<CalendarEvent[]> {
  const series = await db
    .selectFrom('event_series_registrations')
    .select(['event_id', 'slot'])
    .where('user_id', '=', userId)
    .execute();
  const single = await db
    .selectFrom('event_registrations as r')
    .innerJoin('event_occurrences as o', 'o.id', 'r.occurrence_id')
    .select(['r.event_id', 'o.occurrence', 'o.slot'])
    .where('r.user_id', '=', userId)
    .where('r.series_id', 'is', null)
    .where('o.ends_at', '>=', now)
    .execute();
  const ids = [...new Set([...series, ...single].map((r) => Number(r.event_id)))];
  if (!ids.length) return [];
  const rows = await db.selectFrom('events as e').select(eventColumns).where('e.id', 'in', ids).execute();
  const events = await withOccurrences(db, rows, now, true);
  const out: CalendarEvent[] = [];
  for (const e of events) {
    const s = series.find((r) => Number(r.event_id) === e.id);
    if (s) out.push({ ...e, onlySlots: [s.slot] });
    const mine = single.filter((r) => Number(r.event_id) === e.id);
    if (mine.length && (!s || !e.rrule)) {
      if (e.rrule) {
        out.push({
          ...e,
          onlySlots: [...new Set(mine.map((m) => m.slot))],
          onlyOccurrences: mine.map((m) => m.occurrence),
        });
      } else if (!s) out.push({ ...e, onlySlots: [...new Set(mine.map((m) => m.slot))] });
    }
  }
  return out;
}
