// What registrations tell people, through the notifications feature, inside the transaction of the change:
// a place off the waiting list (`event_place`), a moved or cancelled occurrence (`event_changed`), and the
// invitation of every current ambassador to an ambassador meeting (`event_invite`).
import type { Db } from '../../../db/connection';
import { notify } from '../../notifications';
import { ambassadorFilter, todayUtc } from '../../communities';
import { eventSubject } from './event-access';

type EventRef = { id: number; title: string };

/** Tells the people who moved off the waiting list that they have a place. */
export async function tellPlace(db: Db, event: EventRef, userIds: number[], at: Date): Promise<void> {
  if (userIds.length === 0) return;
  await notify(db, {
    type: 'event.place',
    actorId: null,
    at,
    subject: eventSubject(event),
    people: { kind: 'event_place', ids: userIds },
  });
}

/** The people registered (or waiting) for an occurrence, every slot of it. */
export async function registrantIds(db: Db, eventId: number, occurrence?: string): Promise<number[]> {
  let q = db
    .selectFrom('event_registrations as r')
    .innerJoin('event_occurrences as o', 'o.id', 'r.occurrence_id')
    .select('r.user_id')
    .distinct()
    .where('r.event_id', '=', eventId);
  if (occurrence !== undefined) q = q.where('o.occurrence', '=', occurrence);
  return (await q.execute()).map((r) => r.user_id);
}

/**
 * Tells an occurrence's registrants that it moved or was cancelled (the core's occurrence change calls it in its
 * transaction; registrations are kept when an occurrence moves).
 */
export async function tellOccurrenceChanged(
  db: Db,
  c: { event: EventRef; occurrence: string; actorId: number | null; at: Date },
): Promise<number> {
  const ids = await registrantIds(db, c.event.id, c.occurrence);
  if (ids.length === 0) return 0;
  const subject = eventSubject(c.event);
  const res = await notify(db, {
    type: 'event.changed',
    actorId: c.actorId,
    at: c.at,
    subject,
    link: `${subject.link}?occurrence=${encodeURIComponent(c.occurrence)}`,
    people: { kind: 'event_changed', ids },
  });
  return res.recipients;
}

/** Invites every current ambassador to a new ambassador meeting (the core's create calls it in its transaction). */
export async function inviteAmbassadors(db: Db, c: { event: EventRef; actorId: number | null; at: Date }) {
  const today = todayUtc(c.at);
  const rows = await db
    .selectFrom('users as u')
    .select('u.id')
    .where((eb) => ambassadorFilter(eb, true, today))
    .execute();
  const res = await notify(db, {
    type: 'event.invite',
    actorId: c.actorId,
    at: c.at,
    subject: eventSubject(c.event),
    people: { kind: 'event_invite', ids: rows.map((r) => r.id) },
  });
  return res.recipients;
}
