// Names in requests to ids (people by username, groups by slug, a course), and the organizers and speakers rows.
import { usernameKey } from '../../../../contracts/usernames';
import type { Db } from '../../../db/connection';
import { badRequest, type FieldError } from '../../../http/errors';
import type { SpeakerInput } from '../schema';

/** Usernames to user ids, in order; unknown ones are field errors `${field}.${i}`. */
export async function peopleIds(db: Db, names: string[], field: (i: number) => string) {
  const keys = names.map(usernameKey);
  const rows = keys.length
    ? await db.selectFrom('users').select(['id', 'username_key']).where('username_key', 'in', keys).execute()
    : [];
  const byKey = new Map(rows.map((r) => [r.username_key, r.id]));
  const errors: FieldError[] = [];
  const ids = keys.map((k, i) => {
    const id = byKey.get(k);
    if (id === undefined) errors.push({ field: field(i), message: 'events-person-unknown' });
    return id ?? 0;
  });
  return { ids, errors };
}

/** Group slugs to ids, in order; unknown ones are field errors. */
export async function communityIds(db: Db, slugs: string[]) {
  const rows = slugs.length
    ? await db.selectFrom('communities').select(['id', 'slug']).where('slug', 'in', slugs).execute()
    : [];
  const bySlug = new Map(rows.map((r) => [r.slug, r.id]));
  const errors: FieldError[] = [];
  const ids = slugs.map((s, i) => {
    const id = bySlug.get(s);
    if (id === undefined) errors.push({ field: `organizers.communities.${i}`, message: 'events-community-unknown' });
    return id ?? 0;
  });
  return { ids, errors };
}

export interface ResolvedNames {
  people?: number[];
  communities?: number[];
  speakers?: {
    userId: number | null;
    name: string | null;
    affiliation: string | null;
    bio: string | null;
    link: string | null;
  }[];
  course?: number | null;
}

/** Resolves every name a create or change body carries; one 400 naming each unknown one. */
export async function resolveNames(
  db: Db,
  body: {
    organizers?: { people?: string[]; communities?: string[] };
    speakers?: SpeakerInput[];
    course?: string | null;
  },
): Promise<ResolvedNames> {
  const errors: FieldError[] = [];
  const out: ResolvedNames = {};
  if (body.organizers?.people) {
    const r = await peopleIds(db, body.organizers.people, (i) => `organizers.people.${i}`);
    errors.push(...r.errors);
    out.people = r.ids;
  }
  if (body.organizers?.communities) {
    const r = await communityIds(db, body.organizers.communities);
    errors.push(...r.errors);
    out.communities = r.ids;
  }
  if (body.speakers) {
    const named = body.speakers.flatMap((s, i) => ('username' in s ? [{ i, username: s.username }] : []));
    const r = await peopleIds(
      db,
      named.map((n) => n.username),
      (j) => `speakers.${named[j]?.i ?? j}.username`,
    );
    errors.push(...r.errors);
    const idOf = new Map(named.map((n, j) => [n.i, r.ids[j] ?? 0]));
    out.speakers = body.speakers.map((s, i) =>
      'username' in s
        ? { userId: idOf.get(i) ?? null, name: null, affiliation: null, bio: null, link: null }
        : { userId: null, name: s.name, affiliation: s.affiliation ?? null, bio: s.bio ?? null, link: s.link ?? null },
    );
  }
  if (body.course !== undefined && body.course !== null) {
    const c = await db.selectFrom('courses').select('id').where('id', '=', Number(body.course)).executeTakeFirst();
    if (!c) errors.push({ field: 'course', message: 'events-course-unknown' });
    out.course = c?.id ?? null;
  } else if (body.course === null) out.course = null;
  if (errors.length) throw badRequest(errors);
  return out;
}

/** Replaces the organizers: the given people (the creator among them) and groups. */
export async function writeOrganizers(db: Db, eventId: number, people: number[], communities: number[]) {
  await db.deleteFrom('event_organizers').where('event_id', '=', eventId).execute();
  const rows = [
    ...[...new Set(people)].map((user_id) => ({ event_id: eventId, user_id, community_id: null })),
    ...[...new Set(communities)].map((community_id) => ({ event_id: eventId, user_id: null, community_id })),
  ];
  if (rows.length) await db.insertInto('event_organizers').values(rows).execute();
}

/** Replaces the speakers, in the order given. */
export async function writeSpeakers(db: Db, eventId: number, speakers: NonNullable<ResolvedNames['speakers']>) {
  await db.deleteFrom('event_speakers').where('event_id', '=', eventId).execute();
  if (speakers.length)
    await db
      .insertInto('event_speakers')
      .values(
        speakers.map((s, position) => ({
          event_id: eventId,
          position,
          user_id: s.userId,
          name: s.name,
          affiliation: s.affiliation,
          bio: s.bio,
          link: s.link,
        })),
      )
      .execute();
}
