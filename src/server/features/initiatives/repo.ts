// SQL for initiatives themselves: the board and archive lists with their filters, counts per stage, one
// initiative, its groups, leads and supporters. A page of the list costs three queries whatever its size.
// Initiatives hidden by moderation leave the lists, the counts and the filters' choices.
import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { Db } from '../../db/connection';
import { notHidden } from '../moderation/visibility';
import { VersionedCache } from '../../http/content-cache';
import { likeWord, sharedConds, type SharedFilters } from './filters';

/** The call's state on a day (UTC date): none, open or closed. */
export const callState = (today: string) =>
  sql<'none' | 'open' | 'closed'>`(select case when c.closed_at is null and c.deadline >= ${today}::date then 'open' else 'closed' end
    from initiative_calls c where c.initiative_id = i.id)`;

const openPlaces = sql<number>`(select coalesce(sum(greatest(j.places - (select count(*) from initiative_signups s
    where s.job_id = j.id and s.status = 'accepted'), 0)), 0) from initiative_jobs j where j.initiative_id = i.id)`;

const selectInitiatives = (db: Db, today: string) =>
  db
    .selectFrom('initiatives as i')
    .leftJoin('users as a', 'a.id', 'i.author_id')
    .leftJoin('moderation_hidden as h', (j) => j.on('h.subject_type', '=', 'initiative').onRef('h.subject_id', '=', 'i.id'))
    .select([
      'a.username as author_username',
      'a.display_name as author_display_name',
      'i.id',
      'i.author_id',
      'i.title',
      'i.summary',
      'i.problem',
      'i.audience',
      'i.languages',
      'i.regions',
      'i.skills',
      'i.stage',
      'i.phase',
      'i.seeking_lead',
      'i.quiet_since',
      'i.last_activity_at',
      'i.ended_at',
      'i.outcome',
      'i.created_at',
      'h.reason as hidden_reason',
      'h.automatic as hidden_automatic',
      sql<number>`(select count(*) from initiative_supporters s where s.initiative_id = i.id)`.as('supporters'),
      callState(today).as('call_state'),
      openPlaces.as('open_places'),
    ]);

export type InitiativeRow = Awaited<ReturnType<ReturnType<typeof selectInitiatives>['executeTakeFirstOrThrow']>>;

export const findInitiative = (db: Db, id: number, today: string): Promise<InitiativeRow | undefined> =>
  selectInitiatives(db, today).where('i.id', '=', id).executeTakeFirst();

/** Several initiatives by id, in no particular order. */
export const findInitiatives = (db: Db, ids: number[], today: string): Promise<InitiativeRow[]> =>
  ids.length ? selectInitiatives(db, today).where('i.id', 'in', ids).execute() : Promise.resolve([]);

/** The board's filters; values are checked by the service. */
export interface Filters extends SharedFilters {
  stage?: string;
  /** Words in the title or summary. */
  q?: string;
  /** Open calls that fit a person (null fields: no constraint). */
  matching?: { languages: string[]; region: string | null; skills: string[]; today: string };
}

function where(f: Filters): RawBuilder<SqlBool> {
  const conds: RawBuilder<SqlBool>[] = [notHidden('initiative', 'i.id'), ...sharedConds(f)];
  if (f.stage) conds.push(sql<SqlBool>`i.stage = ${f.stage}`);
  if (f.q) conds.push(sql<SqlBool>`(i.title || ' ' || i.summary) ilike ${likeWord(f.q)}`);
  if (f.matching) {
    const m = f.matching;
    conds.push(sql<SqlBool>`i.stage in ('recruiting', 'active') and exists (select 1 from initiative_calls c
      where c.initiative_id = i.id and c.closed_at is null and c.deadline >= ${m.today}::date)`);
    if (m.languages.length) conds.push(sql<SqlBool>`(cardinality(i.languages) = 0 or i.languages && ${sql.val(m.languages)}::text[])`);
    if (m.region) conds.push(sql<SqlBool>`(cardinality(i.regions) = 0 or i.regions @> array[${m.region}]::text[])`);
    if (m.skills.length) {
      conds.push(sql<SqlBool>`(i.skills && ${sql.val(m.skills)}::text[] or exists (select 1 from initiative_jobs j
        where j.initiative_id = i.id and j.skills && ${sql.val(m.skills)}::text[])
        or (cardinality(i.skills) = 0 and not exists (select 1 from initiative_jobs j where j.initiative_id = i.id and cardinality(j.skills) > 0)))`);
    }
  }
  return sql<SqlBool>`(${sql.join(conds, sql` and `)})`;
}

/** Newest first; `after` is [created_at ISO, id] of the previous page's last. */
export function listInitiatives(db: Db, f: Filters, today: string, after: [string, number] | null, limit: number) {
  let q = selectInitiatives(db, today).where(where(f));
  if (after) q = q.where(sql<SqlBool>`(i.created_at, i.id) < (${new Date(after[0])}::timestamptz, ${after[1]}::bigint)`);
  return q.orderBy('i.created_at', 'desc').orderBy('i.id', 'desc').limit(limit + 1).execute();
}

/** Counts per stage read every initiative that fits: kept, per set of filters, until the content changes. */
export const countByStage = (db: Db, f: Filters): Promise<Record<string, number>> => keptCounts.get(db, JSON.stringify(f), () => readCounts(db, f));
const keptCounts = new VersionedCache<Record<string, number>>(200);

async function readCounts(db: Db, f: Filters): Promise<Record<string, number>> {
  const rows = await db
    .selectFrom('initiatives as i')
    .select(['i.stage', sql<number>`count(*)`.as('n')])
    .where(where(f))
    .groupBy('i.stage')
    .execute();
  return Object.fromEntries(rows.map((r) => [r.stage, Number(r.n)]));
}

// --- groups, leads, supporters

export const communitiesOf = (db: Db, ids: number[]) =>
  ids.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('initiative_communities as ic')
        .innerJoin('communities as c', 'c.id', 'ic.community_id')
        .select(['ic.initiative_id', 'c.id', 'c.slug', 'c.name'])
        .where('ic.initiative_id', 'in', ids)
        .orderBy('c.name_key')
        .execute();

export const leadsOf = (db: Db, ids: number[]) =>
  ids.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('initiative_leads as l')
        .innerJoin('users as u', 'u.id', 'l.user_id')
        .select(['l.initiative_id', 'l.user_id', 'u.username', 'u.display_name'])
        .where('l.initiative_id', 'in', ids)
        .orderBy('l.since')
        .orderBy('l.user_id')
        .execute();

export async function isLead(db: Db, initiativeId: number, userId: number): Promise<boolean> {
  const row = await db.selectFrom('initiative_leads').select('user_id').where('initiative_id', '=', initiativeId).where('user_id', '=', userId).executeTakeFirst();
  return !!row;
}

export const leadIds = async (db: Db, initiativeId: number): Promise<number[]> =>
  (await db.selectFrom('initiative_leads').select('user_id').where('initiative_id', '=', initiativeId).execute()).map((r) => r.user_id);

export async function addLead(db: Db, initiativeId: number, userId: number, at: Date): Promise<void> {
  await db.insertInto('initiative_leads').values({ initiative_id: initiativeId, user_id: userId, since: at }).onConflict((oc) => oc.doNothing()).execute();
}

export async function removeLead(db: Db, initiativeId: number, userId: number): Promise<boolean> {
  const res = await db.deleteFrom('initiative_leads').where('initiative_id', '=', initiativeId).where('user_id', '=', userId).executeTakeFirst();
  return Number(res.numDeletedRows) > 0;
}

/** Community ids by slug; answers the slugs not found too. */
export async function communityIds(db: Db, slugs: string[]): Promise<{ ids: Map<string, number>; missing: string[] }> {
  const rows = slugs.length ? await db.selectFrom('communities').select(['id', 'slug']).where('slug', 'in', slugs).execute() : [];
  const ids = new Map(rows.map((r) => [r.slug, r.id]));
  return { ids, missing: slugs.filter((s) => !ids.has(s)) };
}

export async function setCommunities(db: Db, initiativeId: number, ids: number[]): Promise<void> {
  await db.deleteFrom('initiative_communities').where('initiative_id', '=', initiativeId).execute();
  if (ids.length) await db.insertInto('initiative_communities').values(ids.map((community_id) => ({ initiative_id: initiativeId, community_id }))).execute();
}

export async function addSupporter(db: Db, initiativeId: number, userId: number, at: Date): Promise<boolean> {
  const rows = await db
    .insertInto('initiative_supporters')
    .values({ initiative_id: initiativeId, user_id: userId, created_at: at })
    .onConflict((oc) => oc.doNothing())
    .returning('user_id')
    .execute();
  return rows.length > 0;
}

export async function removeSupporter(db: Db, initiativeId: number, userId: number): Promise<boolean> {
  const res = await db.deleteFrom('initiative_supporters').where('initiative_id', '=', initiativeId).where('user_id', '=', userId).executeTakeFirst();
  return Number(res.numDeletedRows) > 0;
}

export async function supports(db: Db, initiativeId: number, userId: number): Promise<boolean> {
  const row = await db.selectFrom('initiative_supporters').select('user_id').where('initiative_id', '=', initiativeId).where('user_id', '=', userId).executeTakeFirst();
  return !!row;
}

/** Something happened: the initiative is alive (clears the inactivity flag). */
export async function touch(db: Db, id: number, at: Date): Promise<void> {
  await db.updateTable('initiatives').set({ last_activity_at: at, quiet_since: null, updated_at: at }).where('id', '=', id).execute();
}

/** The person's languages, region and skills, for "open calls matching me". */
export const profileOf = (db: Db, userId: number) =>
  db.selectFrom('users').select(['languages', 'region', 'interests']).where('id', '=', userId).executeTakeFirst();

/**
 * What the board's filters offer: languages initiatives name, and the groups taking part in any. The same for
 * everyone and read over every initiative, so kept until the content changes (http/content-cache.ts).
 */
export const facets = (db: Db) => keptFacets.get(db, 'facets', () => readFacets(db));
const keptFacets = new VersionedCache<Awaited<ReturnType<typeof readFacets>>>(1);

async function readFacets(db: Db) {
  const [languages, communities] = await Promise.all([
    sql<{ code: string }>`select distinct unnest(languages) as code from initiatives i where ${notHidden('initiative', 'i.id')} order by 1 limit 500`.execute(db),
    db
      .selectFrom('communities as c')
      .select(['c.slug', 'c.name'])
      .where((eb) =>
        eb.exists(eb.selectFrom('initiative_communities as ic').select('ic.initiative_id').whereRef('ic.community_id', '=', 'c.id').where(notHidden('initiative', 'ic.initiative_id'))),
      )
      .orderBy('c.name_key')
      .limit(500)
      .execute(),
  ]);
  return { languages: languages.rows.map((r) => r.code), communities };
}
