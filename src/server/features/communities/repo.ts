// SQL for groups, their members and ambassador terms.
import { sql } from 'kysely';
import { markdownColumns, markdownInsert } from '../../markdown/stored';
import type { Db } from '../../db/connection';
import { personRefColumns } from '../people';
import { currentTerm } from './people-view';
import type { CommunitiesQuery } from './schema';

export interface CommunityValues {
  name?: string;
  name_key?: string;
  name_skeleton?: string;
  kind?: string;
  region?: string;
  country?: string | null;
  languages?: string[];
  meta_page?: string | null;
  website?: string | null;
  wikidata_id?: string | null;
  description?: string;
  is_partner?: boolean;
  partner_since?: string | null;
}

const SUMMARY = [
  'c.id',
  'c.slug',
  'c.name',
  'c.name_key',
  'c.kind',
  'c.region',
  'c.country',
  'c.languages',
  'c.description',
  'c.description_html',
  'c.html_version',
  'c.is_partner',
  'c.partner_since',
  'c.is_demo',
  'c.created_at',
] as const;

/** Groups with their member and current-ambassador counts as correlated subqueries: one query per page. */
export function selectCommunities(db: Db, today: string) {
  return db
    .selectFrom('communities as c')
    .select(SUMMARY)
    .select((eb) => [
      eb
        .selectFrom('community_members as m')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('m.community_id', '=', 'c.id')
        .as('member_count'),
      eb
        .selectFrom('ambassador_terms as t')
        .select(sql<number>`count(distinct t.user_id)`.as('n'))
        .whereRef('t.community_id', '=', 'c.id')
        .where(currentTerm('t', today))
        .as('ambassador_count'),
    ]);
}

export const findBySlug = (db: Db, slug: string, today: string) =>
  selectCommunities(db, today)
    .select(['c.meta_page', 'c.website', 'c.wikidata_id'])
    .where('c.slug', '=', slug)
    .executeTakeFirst();
export type CommunityRow = NonNullable<Awaited<ReturnType<typeof findBySlug>>>;

/** Slugs already taken that start like `base` (the base itself and base-2, base-3, …). */
export async function slugsLike(db: Db, base: string): Promise<Set<string>> {
  const rows = await db
    .selectFrom('communities')
    .select('slug')
    .where((eb) => eb.or([eb('slug', '=', base), eb('slug', 'like', `${base}-%`)]))
    .execute();
  return new Set(rows.map((r) => r.slug));
}

export const insertCommunity = (
  db: Db,
  v: Required<Pick<CommunityValues, 'name' | 'name_key' | 'kind' | 'region'>> &
    CommunityValues & { slug: string; created_by: number; is_demo?: boolean },
) =>
  db
    .insertInto('communities')
    .values({ ...v, ...markdownInsert({ description: v.description ?? '' }) })
    .returning(['id', 'slug'])
    .executeTakeFirstOrThrow();

export const updateCommunity = (db: Db, id: number, v: CommunityValues, now: Date) =>
  db
    .updateTable('communities')
    .set({ ...v, ...markdownColumns({ description: v.description }), updated_at: now })
    .where('id', '=', id)
    .execute();

export function listCommunities(db: Db, f: CommunitiesQuery, after: string | null, today: string) {
  let q = selectCommunities(db, today);
  if (after !== null) q = q.where('c.name_key', '>', after);
  if (f.q) q = q.where('c.name', 'ilike', `%${f.q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`);
  if (f.region) q = q.where('c.region', '=', f.region);
  if (f.kind) q = q.where('c.kind', '=', f.kind);
  if (f.language) q = q.where(sql<boolean>`c.languages @> array[${f.language}]::text[]`);
  if (f.partner !== undefined) q = q.where('c.is_partner', '=', f.partner);
  if (f.ambassador !== undefined) {
    q = q.where((eb) => {
      const sub = eb
        .selectFrom('ambassador_terms as ft')
        .select(sql`1`.as('one'))
        .whereRef('ft.community_id', '=', 'c.id')
        .where(currentTerm('ft', today));
      return f.ambassador ? eb.exists(sub) : eb.not(eb.exists(sub));
    });
  }
  return q
    .orderBy('c.name_key')
    .limit(f.limit + 1)
    .execute();
}

export const findMember = (db: Db, communityId: number, userId: number) =>
  db
    .selectFrom('community_members')
    .select(['role', 'joined_at'])
    .where('community_id', '=', communityId)
    .where('user_id', '=', userId)
    .executeTakeFirst();

export const findUserByKey = (db: Db, key: string) =>
  db.selectFrom('users').select(['id', 'username']).where('username_key', '=', key).executeTakeFirst();

export const addMember = (db: Db, communityId: number, userId: number, role: 'member' | 'coordinator', now: Date) =>
  db
    .insertInto('community_members')
    .values({ community_id: communityId, user_id: userId, role, joined_at: now })
    .onConflict((oc) => oc.columns(['community_id', 'user_id']).doNothing())
    .returning(['role', 'joined_at'])
    .executeTakeFirst();

export const removeMember = (db: Db, communityId: number, userId: number) =>
  db
    .deleteFrom('community_members')
    .where('community_id', '=', communityId)
    .where('user_id', '=', userId)
    .executeTakeFirst();

export const setMemberRole = (db: Db, communityId: number, userId: number, role: 'member' | 'coordinator') =>
  db
    .updateTable('community_members')
    .set({ role })
    .where('community_id', '=', communityId)
    .where('user_id', '=', userId)
    .execute();

/** Coordinators of the group, locked so that two "last coordinator leaves" requests cannot both pass. */
export const coordinatorIds = async (db: Db, communityId: number) =>
  (
    await db
      .selectFrom('community_members')
      .select('user_id')
      .where('community_id', '=', communityId)
      .where('role', '=', 'coordinator')
      .forUpdate()
      .execute()
  ).map((r) => r.user_id);

/** Locks the group row: changes to its members and terms queue behind each other. */
export const lockCommunity = (db: Db, id: number) =>
  db.selectFrom('communities').select('id').where('id', '=', id).forUpdate().executeTakeFirst();

const personColumns = personRefColumns('u');

/** The columns presentPersonRef reads of one person. */
export const personOf = (db: Db, userId: number) =>
  db
    .selectFrom('users')
    .select(['username', 'display_name', 'public_fields'])
    .where('id', '=', userId)
    .executeTakeFirstOrThrow();

export function listMembers(db: Db, communityId: number, after: string | null, limit: number) {
  let q = db
    .selectFrom('community_members as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select([...personColumns, 'u.username_key', 'm.role', 'm.joined_at'])
    .where('m.community_id', '=', communityId);
  if (after !== null) q = q.where('u.username_key', '>', after);
  return q
    .orderBy('u.username_key')
    .limit(limit + 1)
    .execute();
}

export const listCoordinators = (db: Db, communityId: number) =>
  db
    .selectFrom('community_members as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(personColumns)
    .where('m.community_id', '=', communityId)
    .where('m.role', '=', 'coordinator')
    .orderBy('u.username_key')
    .execute();

export const currentTerms = (db: Db, communityId: number, today: string) =>
  db
    .selectFrom('ambassador_terms as t')
    .innerJoin('users as u', 'u.id', 't.user_id')
    .select([...personColumns, 't.start_date', 't.end_date'])
    .where('t.community_id', '=', communityId)
    .where(currentTerm('t', today))
    .orderBy('t.start_date')
    .orderBy('u.username_key')
    .execute();

/** Every term of the group (designations and ends), newest first, with who designated and who ended it. */
export const termHistory = (db: Db, communityId: number) =>
  db
    .selectFrom('ambassador_terms as t')
    .innerJoin('users as u', 'u.id', 't.user_id')
    .leftJoin('users as d', 'd.id', 't.designated_by')
    .leftJoin('users as e', 'e.id', 't.ended_by')
    .select([
      ...personColumns,
      't.start_date',
      't.end_date',
      't.created_at',
      't.ended_at',
      'd.username as designated_by',
      'e.username as ended_by',
    ])
    .where('t.community_id', '=', communityId)
    .orderBy('t.created_at', 'desc')
    .limit(500)
    .execute();

/** When the group was marked and unmarked as a partner, from the audit log. */
export const partnerEvents = (db: Db, communityId: number) =>
  db
    .selectFrom('audit_log as a')
    .leftJoin('users as u', 'u.id', 'a.actor_id')
    .select(['a.action', 'a.created_at', 'u.username'])
    .where('a.object_type', '=', 'community')
    .where('a.object_id', '=', String(communityId))
    .where('a.action', 'in', ['community.partner_mark', 'community.partner_unmark'])
    .orderBy('a.id', 'desc')
    .limit(100)
    .execute();

/** The person's terms in the group that are current or still to come and were not ended by someone. */
export const openTerms = (db: Db, communityId: number, userId: number, today: string) =>
  db
    .selectFrom('ambassador_terms')
    .select(['id', 'user_id', 'start_date', 'end_date'])
    .where('community_id', '=', communityId)
    .where('user_id', '=', userId)
    .where('ended_at', 'is', null)
    .where((eb) => eb.or([eb('end_date', 'is', null), eb('end_date', '>=', today)]))
    .execute();

/** Terms of the person in the group whose dates meet [start, end]. */
export const overlappingTerms = (db: Db, communityId: number, userId: number, start: string, end: string | null) => {
  let q = db
    .selectFrom('ambassador_terms')
    .select(['id'])
    .where('community_id', '=', communityId)
    .where('user_id', '=', userId)
    .where((eb) => eb.or([eb('end_date', 'is', null), eb('end_date', '>=', start)]));
  if (end) q = q.where('start_date', '<=', end);
  return q.execute();
};

export const insertTerm = (
  db: Db,
  v: { community_id: number; user_id: number; start_date: string; end_date: string | null; designated_by: number },
) => db.insertInto('ambassador_terms').values(v).returning(['id', 'start_date', 'end_date']).executeTakeFirstOrThrow();

export const endTerm = (db: Db, id: number, endDate: string, by: number, now: Date) =>
  db
    .updateTable('ambassador_terms')
    .set({ end_date: endDate, ended_by: by, ended_at: now })
    .where('id', '=', id)
    .execute();

/** Ends every current and coming term of the group (when it stops being a partner); they stay in history. */
export const endOpenTermsOfCommunity = (db: Db, communityId: number, today: string, by: number, now: Date) =>
  db
    .updateTable('ambassador_terms')
    .set({ end_date: sql<string>`greatest(start_date, ${today}::date)`, ended_by: by, ended_at: now })
    .where('community_id', '=', communityId)
    .where('ended_at', 'is', null)
    .where((eb) => eb.or([eb('end_date', 'is', null), eb('end_date', '>=', today)]))
    .returning(['id', 'user_id', 'end_date'])
    .execute();

/** The overview's counts: people, groups, partners, current ambassadors and public languages. */
export async function stats(db: Db, today: string) {
  const row = await db
    .selectNoFrom((eb) => [
      eb
        .selectFrom('users')
        .select((e) => e.fn.countAll<number>().as('n'))
        .where('blocked_at', 'is', null)
        .as('participants'),
      eb
        .selectFrom('communities')
        .select((e) => e.fn.countAll<number>().as('n'))
        .as('groups'),
      eb
        .selectFrom('communities')
        .select((e) => e.fn.countAll<number>().as('n'))
        .where('is_partner', '=', true)
        .as('partners'),
      eb
        .selectFrom('ambassador_terms as t')
        .select(sql<number>`count(distinct t.user_id)`.as('n'))
        .where(currentTerm('t', today))
        .as('ambassadors'),
      sql<number>`(select count(*) from (
          select unnest(languages) as code from users where 'languages' = any(public_fields) and blocked_at is null
          union select unnest(languages) from communities) as l)`.as('languages'),
    ])
    .executeTakeFirstOrThrow();
  return {
    participants: Number(row.participants ?? 0),
    groups: Number(row.groups ?? 0),
    partners: Number(row.partners ?? 0),
    ambassadors: Number(row.ambassadors ?? 0),
    languages: Number(row.languages ?? 0),
  };
}

/** Languages of groups, for the directory's language filter. */
export async function languagesOfCommunities(db: Db): Promise<string[]> {
  const rows = await db
    .selectFrom(sql<{ code: string }>`(select distinct unnest(languages) as code from communities)`.as('l'))
    .select('l.code')
    .orderBy('l.code')
    .execute();
  return rows.map((r) => r.code);
}

/** A group's name and slug by id (the followable subject). */
export const findRefById = (db: Db, id: number) =>
  db.selectFrom('communities').select(['slug', 'name']).where('id', '=', id).executeTakeFirst();
