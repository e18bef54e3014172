// What an event's page shows of an occurrence's registrations: the places, the registered people the viewer
// may see (public registrations; every one for organizers; the viewer's own), "and N more", and the viewer's
// own registration. The core's detail answer takes it as it is, so a private name never reaches others.
import type { Db } from '../../../db/connection';
import type { OccurrenceShown } from '../../../../contracts/events';
import { presentPersonRef } from '../../people';

export type RegistrationsShown = Pick<OccurrenceShown, 'places' | 'registrants' | 'moreRegistrants' | 'mine'>;

export async function registrationsShown(
  db: Db,
  o: { id: number; capacity: number | null },
  viewer: { id: number; manages: boolean } | null,
): Promise<RegistrationsShown> {
  const rows = await db
    .selectFrom('event_registrations as r')
    .innerJoin('users as u', 'u.id', 'r.user_id')
    .select(['r.id', 'r.user_id', 'r.status', 'r.private', 'u.username', 'u.display_name', 'u.public_fields'])
    .where('r.occurrence_id', '=', o.id)
    .orderBy('r.id')
    .execute();
  const registered = rows.filter((r) => r.status === 'registered');
  const visible = registered.filter((r) => !r.private || viewer?.manages || r.user_id === viewer?.id);
  const mine = viewer ? rows.find((r) => r.user_id === viewer.id) : undefined;
  return {
    places: { capacity: o.capacity, taken: registered.length, waiting: rows.length - registered.length },
    registrants: visible.map((r) => presentPersonRef(r)),
    moreRegistrants: registered.length - visible.length,
    mine: mine ? { id: String(mine.id), status: mine.status, private: mine.private } : null,
  };
}
