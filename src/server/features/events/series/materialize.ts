// Occurrences are rows: one per occurrence and slot, made 400 days ahead when an event is created or changed and
// extended daily (DECISIONS 14), so lists, counts and places are plain SQL over `event_occurrences`. The rule is
// expanded on the wall clock of the event's zone (time/recurrence.ts) and each local start made an instant
// (time/zoned.ts): a monthly 18:00 Berlin meeting stays at 18:00 there across daylight-saving changes.
// `occurrence` is the main slot's original local start (iCalendar's RECURRENCE-ID); a paired slot is the same
// occurrence at another time, at the same distance from the main start as in the first occurrence.
// `expanded_until` is a date D: every occurrence whose local start is before D exists.
import { extendSeriesRegistrations } from '../registrations/series';
import { markdownInsert } from '../../../markdown/stored';
import type { Db } from '../../../db/connection';
import { expandRule, parseRule } from '../time/recurrence';
import { addLocalMinutes, localMinutesBetween, zonedToInstant } from '../time/zoned';

export const WINDOW_DAYS = 400;
const DAY = 86_400_000;
/** What `expanded_until` says once a rule has ended within the window: nothing is left to make. */
export const ENDED = '9999-12-31';

export interface SeriesDefinition {
  start_local: string;
  end_local: string;
  timezone: string;
  rrule: string | null;
  slots: { start: string; end: string }[];
}

export interface Planned {
  occurrence: string;
  slot: number;
  startsAt: Date;
  endsAt: Date;
}

/** The window's end: the UTC date 400 days after now (exclusive). */
export const windowEnd = (now: Date): string => new Date(now.getTime() + WINDOW_DAYS * DAY).toISOString().slice(0, 10);

/** The local starts of a definition's occurrences before `until` (a date), and whether its rule has ended. */
export function occurrenceStarts(def: SeriesDefinition, until: string): { starts: string[]; ended: boolean } {
  if (def.rrule === null) return { starts: [def.start_local], ended: true };
  const { starts, ended } = expandRule(parseRule(def.rrule), def.start_local, def.timezone, `${until}T00:00`, 100_000);
  return { starts, ended };
}

/** Each occurrence at each slot, as instants. */
export function planSlots(def: SeriesDefinition, starts: string[]): Planned[] {
  const slots = [{ start: def.start_local, end: def.end_local }, ...def.slots].map((s) => ({
    offset: localMinutesBetween(def.start_local, s.start),
    minutes: localMinutesBetween(s.start, s.end),
  }));
  const out: Planned[] = [];
  for (const occurrence of starts) {
    slots.forEach((s, slot) => {
      const start = addLocalMinutes(occurrence, s.offset);
      out.push({
        occurrence,
        slot,
        startsAt: zonedToInstant(start, def.timezone),
        endsAt: zonedToInstant(addLocalMinutes(start, s.minutes), def.timezone),
      });
    });
  }
  return out;
}

/** Inserts planned rows, leaving those that exist (same occurrence and slot) as they are. */
export async function insertPlanned(db: Db, eventId: number, planned: Planned[]): Promise<void> {
  for (let i = 0; i < planned.length; i += 500) {
    await db
      .insertInto('event_occurrences')
      .values(
        planned.slice(i, i + 500).map((p) => ({
          event_id: eventId,
          occurrence: p.occurrence,
          slot: p.slot,
          starts_at: p.startsAt,
          ends_at: p.endsAt,
          // No notes yet: nothing for the Markdown job to render.
          ...markdownInsert({ notes: null, follow_up: null }),
        })),
      )
      .onConflict((oc) => oc.columns(['event_id', 'occurrence', 'slot']).doNothing())
      .execute();
  }
}

/** What `expanded_until` becomes after expanding to `until`. */
export const expandedUntil = (def: SeriesDefinition, until: string, ended: boolean): string | null =>
  def.rrule === null ? null : ended ? ENDED : until;

/**
 * Extends every recurring, not cancelled event's occurrences to 400 days after `now` (the daily schedule; others
 * may call it too). Candidates are found in one query per batch; each event's new rows go in one insert.
 * Answers how many events were extended.
 */
export async function extendOccurrences(db: Db, now: Date): Promise<number> {
  const until = windowEnd(now);
  let after = 0;
  let extended = 0;
  for (;;) {
    const batch = await db
      .selectFrom('events')
      .select(['id', 'start_local', 'end_local', 'timezone', 'rrule', 'slots', 'expanded_until'])
      .where('rrule', 'is not', null)
      .where('cancelled_at', 'is', null)
      .where((w) => w.or([w('expanded_until', 'is', null), w('expanded_until', '<', until)]))
      .where('id', '>', after)
      .orderBy('id')
      .limit(100)
      .execute();
    if (!batch.length) return extended;
    for (const e of batch) {
      after = e.id;
      const { starts, ended } = occurrenceStarts(e, until);
      const from = e.expanded_until ? `${e.expanded_until}T00:00` : '';
      await db.transaction().execute(async (trx) => {
        await insertPlanned(
          trx,
          e.id,
          planSlots(
            e,
            starts.filter((s) => s >= from),
          ),
        );
        await trx
          .updateTable('events')
          .set({ expanded_until: expandedUntil(e, until, ended) })
          .where('id', '=', e.id)
          .execute();
        // Series registrations gain a row (a place, or a place on the waiting list) for each new occurrence.
        await extendSeriesRegistrations(trx, e.id, now);
      });
      extended++;
    }
  }
}
