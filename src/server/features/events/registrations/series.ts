// Series registrations gain a row for each occurrence made later: the daily extension of recurring events
// (the core's) calls extendSeriesRegistrations after adding occurrences, each row taking its own place or a
// place on the waiting list.
import type { Db } from '../../../db/connection';
import { lockOccurrence, takePlace } from './repo';

/** Adds, for each series registration of the event, a row for every future occurrence it lacks; answers how many. */
export async function extendSeriesRegistrations(db: Db, eventId: number, at: Date): Promise<number> {
  const event = await db.selectFrom('events').select(['capacity']).where('id', '=', eventId).executeTakeFirst();
  if (!event) return 0;
  const missing = await db
    .selectFrom('event_series_registrations as s')
    .innerJoin('event_occurrences as o', (j) => j.onRef('o.event_id', '=', 's.event_id').onRef('o.slot', '=', 's.slot'))
    .select(['s.id as series_id', 's.user_id', 's.private', 'o.id as occurrence_id'])
    .where('s.event_id', '=', eventId)
    .where('o.cancelled', '=', false)
    .where('o.starts_at', '>', at)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('event_registrations as r')
            .select('r.id')
            .whereRef('r.occurrence_id', '=', 'o.id')
            .whereRef('r.user_id', '=', 's.user_id'),
        ),
      ),
    )
    .orderBy('o.starts_at')
    .orderBy('s.id')
    .execute();
  let added = 0;
  for (const m of missing) {
    await lockOccurrence(db, m.occurrence_id);
    const row = await takePlace(db, {
      occurrenceId: m.occurrence_id,
      eventId,
      userId: m.user_id,
      capacity: event.capacity,
      private: m.private,
      seriesId: m.series_id,
      at,
    });
    if (row) added++;
  }
  return added;
}
