// One event as its page shows it: the event, the occurrence asked for (or the next one) with its places and the
// registrants the viewer may see, and the next occurrences. Private registrants are seen only by themselves and
// by those who manage the event; everyone else reads "and N more". The meeting link is never in this answer
// (it goes through /events/<id>/join, per request): only whether there is one.
import type { EventDetail, OccurrenceShown } from '../../../../contracts/events';
import type { PersonRef } from '../../../../contracts/people';
import { VersionedCache } from '../../../http/content-cache';
import type { Ctx } from '../../../http/context';
import { storedHtml } from '../../../markdown/stored';
import { linkingInitiatives } from '../../initiatives';
import { presentJoinedPerson, presentPersonRef } from '../../people';
import { canManageEvent, loadEvent, occurrenceNotFound, type EventRow } from '../access';
import { isoWithOffset, zonedToInstant } from '../time/zoned';

type Db = Ctx['db'];

async function organizersOf(db: Db, eventId: number): Promise<EventDetail['organizers']> {
  const people = await db
    .selectFrom('event_organizers as o')
    .innerJoin('users as u', 'u.id', 'o.user_id')
    .select(['u.username', 'u.display_name', 'u.public_fields'])
    .where('o.event_id', '=', eventId)
    .orderBy('o.id')
    .execute();
  const communities = await db
    .selectFrom('event_organizers as o')
    .innerJoin('communities as c', 'c.id', 'o.community_id')
    .select(['c.slug', 'c.name'])
    .where('o.event_id', '=', eventId)
    .orderBy('o.id')
    .execute();
  return { people: people.map((p) => presentPersonRef(p)), communities };
}

async function speakersOf(db: Db, eventId: number): Promise<EventDetail['speakers']> {
  const rows = await db
    .selectFrom('event_speakers as s')
    .leftJoin('users as u', 'u.id', 's.user_id')
    .select(['s.name', 's.affiliation', 's.bio', 's.link', 'u.username', 'u.display_name', 'u.public_fields'])
    .where('s.event_id', '=', eventId)
    .orderBy('s.position')
    .execute();
  return rows.map((r) => {
    const person = presentJoinedPerson(r.username, r.display_name, r.public_fields);
    return {
      person,
      name: person?.displayName ?? r.name ?? '',
      affiliation: r.affiliation,
      bio: r.bio,
      link: r.link,
    };
  });
}

/** The occurrence row asked for, else the next one not yet ended, else the last one. */
async function pickOccurrence(ctx: Ctx, eventId: number, q: { occurrence?: string; slot?: number }) {
  const base = ctx.db.selectFrom('event_occurrences').selectAll().where('event_id', '=', eventId);
  if (q.occurrence !== undefined) {
    return base
      .where('occurrence', '=', q.occurrence)
      .where('slot', '=', q.slot ?? 0)
      .executeTakeFirst();
  }
  const next = await base
    .where('ends_at', '>=', ctx.now)
    .$if(q.slot !== undefined, (b) => b.where('slot', '=', q.slot ?? 0))
    .orderBy('starts_at')
    .orderBy('slot')
    .limit(1)
    .executeTakeFirst();
  return (
    next ??
    base
      .$if(q.slot !== undefined, (b) => b.where('slot', '=', q.slot ?? 0))
      .orderBy('starts_at', 'desc')
      .orderBy('slot')
      .limit(1)
      .executeTakeFirst()
  );
}

type OccurrenceRow = NonNullable<Awaited<ReturnType<typeof pickOccurrence>>>;

async function presentOccurrence(ctx: Ctx, e: EventRow, o: OccurrenceRow, manager: boolean): Promise<OccurrenceShown> {
  const regs = await ctx.db
    .selectFrom('event_registrations as r')
    .innerJoin('users as u', 'u.id', 'r.user_id')
    .select(['r.id', 'r.user_id', 'r.status', 'r.private', 'u.username', 'u.display_name', 'u.public_fields'])
    .where('r.occurrence_id', '=', o.id)
    .orderBy('r.created_at')
    .orderBy('r.id')
    .execute();
  const viewer = ctx.actor?.id ?? null;
  const registered = regs.filter((r) => r.status === 'registered');
  const registrants: PersonRef[] = registered
    .filter((r) => manager || !r.private || r.user_id === viewer)
    .map((r) => presentPersonRef(r));
  const mine = regs.find((r) => r.user_id === viewer);
  const past = o.ends_at.getTime() < ctx.now.getTime();
  let attendance: OccurrenceShown['attendance'] = null;
  if (past) {
    const n = await ctx.db
      .selectFrom('event_attendance')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('occurrence_id', '=', o.id)
      .executeTakeFirstOrThrow();
    attendance = { present: Number(n.n), walkIns: o.walk_ins };
  }
  return {
    occurrence: o.occurrence,
    slot: o.slot,
    start: isoWithOffset(o.starts_at, e.timezone),
    end: isoWithOffset(o.ends_at, e.timezone),
    moved: o.moved,
    cancelled: o.cancelled || e.cancelled_at !== null,
    cancelReason: o.cancel_reason ?? e.cancel_reason,
    places: {
      capacity: e.capacity,
      taken: registered.length,
      waiting: regs.length - registered.length,
    },
    registrants,
    moreRegistrants: registered.length - registrants.length,
    mine: mine ? { id: String(mine.id), status: mine.status, private: mine.private } : null,
    notesHtml: o.notes ? storedHtml(o.notes, o.notes_html, o.html_version) : null,
    recordingUrl: o.recording_url,
    followUpHtml: o.follow_up ? storedHtml(o.follow_up, o.follow_up_html, o.html_version) : null,
    attendance,
  };
}

/** Whether registration is open now for an occurrence starting at `start`. */
export const registrationOpen = (e: EventRow, start: Date | null, now: Date): boolean =>
  e.registration_open &&
  e.cancelled_at === null &&
  (e.registration_closes_at === null || now < e.registration_closes_at) &&
  (start === null || now < start);

// What an anonymous visitor reads depends on the event, its occurrences and the clock only through which
// occurrences have ended: the events' version moves on every write and at each occurrence's start and end, so one
// answer per event and occurrence asked for serves every visitor until then. A signed-in reader's answer carries
// their own registration, and organizers see private registrants: those are read afresh.
const keptForAnonymous = new VersionedCache<EventDetail>('events.detail');

/** The event's detail answer; 404 for a missing event or a named occurrence it does not have. */
export async function eventDetail(
  ctx: Ctx,
  id: string | number,
  q: { occurrence?: string; slot?: number },
): Promise<EventDetail> {
  if (ctx.actor) return detailAfresh(ctx, id, q);
  const key = JSON.stringify([String(id), q.occurrence ?? null, q.slot ?? null]);
  return keptForAnonymous.get(ctx.db, key, () => detailAfresh(ctx, id, q));
}

async function detailAfresh(
  ctx: Ctx,
  id: string | number,
  q: { occurrence?: string; slot?: number },
): Promise<EventDetail> {
  const e = await loadEvent(ctx.db, id);
  const manager = await canManageEvent(ctx.db, ctx.actor, e.id, ctx.now);
  const o = await pickOccurrence(ctx, e.id, q);
  if (!o && q.occurrence !== undefined) throw occurrenceNotFound();
  const upcoming = await ctx.db
    .selectFrom('event_occurrences')
    .select(['occurrence', 'slot', 'starts_at', 'cancelled'])
    .where('event_id', '=', e.id)
    .where('ends_at', '>=', ctx.now)
    .orderBy('starts_at')
    .orderBy('slot')
    .limit(10)
    .execute();
  const course =
    e.course_id === null
      ? null
      : await ctx.db.selectFrom('courses').select(['id', 'title']).where('id', '=', e.course_id).executeTakeFirst();
  const creator =
    e.created_by === null
      ? undefined
      : await ctx.db
          .selectFrom('users')
          .select(['username', 'display_name', 'public_fields'])
          .where('id', '=', e.created_by)
          .executeTakeFirst();
  const zone = e.timezone;
  return {
    id: String(e.id),
    kind: e.kind,
    title: e.title,
    descriptionHtml: storedHtml(e.description, e.description_html, e.html_version),
    timezone: zone,
    start: isoWithOffset(zonedToInstant(e.start_local, zone), zone),
    end: isoWithOffset(zonedToInstant(e.end_local, zone), zone),
    rrule: e.rrule,
    slots: e.slots.map((s) => ({
      start: isoWithOffset(zonedToInstant(s.start, zone), zone),
      end: isoWithOffset(zonedToInstant(s.end, zone), zone),
    })),
    mode: e.mode,
    languages: e.languages,
    interpretation: e.interpretation,
    chatUrl: e.chat_url,
    address: e.address,
    hasMeetingLink: !!e.meeting_url,
    organizers: await organizersOf(ctx.db, e.id),
    speakers: await speakersOf(ctx.db, e.id),
    agenda: e.agenda,
    registration: {
      open: e.registration_open,
      closesAt: e.registration_closes_at ? isoWithOffset(e.registration_closes_at, zone) : null,
      questions: e.questions,
    },
    course: course ? { id: String(course.id), title: course.title } : null,
    announce: e.announce,
    cancelled: e.cancelled_at ? { at: isoWithOffset(e.cancelled_at, zone), reason: e.cancel_reason ?? '' } : null,
    occurrence: o ? await presentOccurrence(ctx, e, o, manager) : null,
    upcoming: upcoming.map((u) => ({
      occurrence: u.occurrence,
      slot: u.slot,
      start: isoWithOffset(u.starts_at, zone),
      cancelled: u.cancelled || e.cancelled_at !== null,
    })),
    initiatives: await linkingInitiatives(ctx.db, 'event', e.id),
    revision: e.revision,
    createdBy: presentPersonRef(creator),
    can: { manage: manager, register: !!ctx.actor && registrationOpen(e, o?.starts_at ?? null, ctx.now) },
  };
}
