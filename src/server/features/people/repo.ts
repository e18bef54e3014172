// SQL for profiles and the participants directory.
import { sql } from 'kysely';
import type { Db } from '../../db/connection';
import { ambassadorFilter, membershipFilter } from '../communities';
import type { ParticipantsQuery } from './schema';

const PROFILE_COLUMNS = [
  'id',
  'username',
  'display_name',
  'wikimedia_username',
  'wikimedia_sub',
  'languages',
  'region',
  'time_zone',
  'bio',
  'interests',
  'ui_language',
  'public_fields',
  'roles',
  'is_demo',
  'created_at',
] as const;

export const findProfileByKey = (db: Db, key: string) =>
  db.selectFrom('users').select(PROFILE_COLUMNS).where('username_key', '=', key).executeTakeFirst();

export const findProfileById = (db: Db, id: number) =>
  db.selectFrom('users').select(PROFILE_COLUMNS).where('id', '=', id).executeTakeFirst();

export type ProfileRow = NonNullable<Awaited<ReturnType<typeof findProfileById>>>;

/** The current username of someone who was once known under this key. */
export const findRenamed = (db: Db, oldKey: string) =>
  db
    .selectFrom('username_history as h')
    .innerJoin('users as u', 'u.id', 'h.user_id')
    .select(['u.username'])
    .where('h.username_key', '=', oldKey)
    .executeTakeFirst();

export interface ProfileChanges {
  display_name?: string;
  wikimedia_username?: string | null;
  languages?: string[];
  region?: string | null;
  time_zone?: string | null;
  bio?: string;
  interests?: string[];
  ui_language?: string | null;
  public_fields?: string[];
}

export const updateProfile = (db: Db, id: number, changes: ProfileChanges, now: Date) =>
  db
    .updateTable('users')
    .set({ ...changes, updated_at: now })
    .where('id', '=', id)
    .execute();

/** Escapes LIKE wildcards so the search matches the text as typed. */
export const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

const isPublic = (field: string) => sql<boolean>`${field} = any(u.public_fields)`;

/** One page of the directory: public values only, sorted by the unique username key (keyset). */
export function listParticipants(db: Db, f: ParticipantsQuery, after: string | null, today: string) {
  let q = db
    .selectFrom('users as u')
    .select([
      'u.id',
      'u.username',
      'u.username_key',
      'u.display_name',
      'u.region',
      'u.languages',
      'u.interests',
      'u.public_fields',
      'u.is_demo',
    ])
    .where('u.blocked_at', 'is', null);
  if (after !== null) q = q.where('u.username_key', '>', after);
  if (f.q) {
    const pattern = likePattern(f.q);
    // The first condition can use the trigram index; the second keeps private display names out of the match.
    q = q
      .where(sql<boolean>`(u.username || ' ' || u.display_name) ilike ${pattern}`)
      .where((eb) =>
        eb.or([
          eb('u.username', 'ilike', pattern),
          eb.and([isPublic('display_name'), eb('u.display_name', 'ilike', pattern)]),
        ]),
      );
  }
  if (f.region) q = q.where('u.region', '=', f.region).where(isPublic('region'));
  if (f.language) q = q.where(sql<boolean>`u.languages @> array[${f.language}]::text[]`).where(isPublic('languages'));
  if (f.kind || f.partner !== undefined)
    q = q.where((eb) => membershipFilter(eb, { kind: f.kind, partner: f.partner }));
  if (f.ambassador !== undefined) q = q.where((eb) => ambassadorFilter(eb, f.ambassador!, today));
  return q
    .orderBy('u.username_key')
    .limit(f.limit + 1)
    .execute();
}

/** Languages that people show publicly, for the directory's language filter. */
export async function publicLanguagesOfPeople(db: Db): Promise<string[]> {
  const rows = await db
    .selectFrom(
      sql<{
        code: string;
      }>`(select distinct unnest(languages) as code from users where 'languages' = any(public_fields) and blocked_at is null)`.as(
        'l',
      ),
    )
    .select('l.code')
    .orderBy('l.code')
    .execute();
  return rows.map((r) => r.code);
}
