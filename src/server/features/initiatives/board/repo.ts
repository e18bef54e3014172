// SQL for the board: initiatives newest first with its filters, counts per stage, and what the filters offer.
// A page of the list costs three queries whatever its size (with the groups and leads, ../repo.ts).
// Initiatives hidden by moderation leave the lists, the counts and the filters' choices.
import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { Db } from '../../../db/connection';
import { VersionedCache } from '../../../http/content-cache';
import { notHidden } from '../../moderation';
import { likeWord, sharedConds, type SharedFilters } from '../filters';
import { selectInitiatives } from '../repo';

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
    if (m.languages.length)
      conds.push(sql<SqlBool>`(cardinality(i.languages) = 0 or i.languages && ${sql.val(m.languages)}::text[])`);
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
  if (after)
    q = q.where(sql<SqlBool>`(i.created_at, i.id) < (${new Date(after[0])}::timestamptz, ${after[1]}::bigint)`);
  return q
    .orderBy('i.created_at', 'desc')
    .orderBy('i.id', 'desc')
    .limit(limit + 1)
    .execute();
}

/** Counts per stage read every initiative that fits: kept, per set of filters, until the content changes. */
export const countByStage = (db: Db, f: Filters): Promise<Record<string, number>> =>
  keptCounts.get(db, JSON.stringify(f), () => readCounts(db, f));
const keptCounts = new VersionedCache<Record<string, number>>('initiatives.counts');

async function readCounts(db: Db, f: Filters): Promise<Record<string, number>> {
  const rows = await db
    .selectFrom('initiatives as i')
    .select(['i.stage', sql<number>`count(*)`.as('n')])
    .where(where(f))
    .groupBy('i.stage')
    .execute();
  return Object.fromEntries(rows.map((r) => [r.stage, Number(r.n)]));
}

/** The person's languages, region and skills, for "open calls matching me". */
export const profileOf = (db: Db, userId: number) =>
  db.selectFrom('users').select(['languages', 'region', 'interests']).where('id', '=', userId).executeTakeFirst();

/**
 * What the board's filters offer: languages initiatives name, and the groups taking part in any. The same for
 * everyone and read over every initiative, so kept until the content changes (http/content-cache.ts).
 */
export const facets = (db: Db) => keptFacets.get(db, 'facets', () => readFacets(db));
const keptFacets = new VersionedCache<Awaited<ReturnType<typeof readFacets>>>('initiatives.facets');

async function readFacets(db: Db) {
  const [languages, communities] = await Promise.all([
    sql<{
      code: string;
    }>`select distinct unnest(languages) as code from initiatives i where ${notHidden('initiative', 'i.id')} order by 1 limit 500`.execute(
      db,
    ),
    db
      .selectFrom('communities as c')
      .select(['c.slug', 'c.name'])
      .where((eb) =>
        eb.exists(
          eb
            .selectFrom('initiative_communities as ic')
            .select('ic.initiative_id')
            .whereRef('ic.community_id', '=', 'c.id')
            .where(notHidden('initiative', 'ic.initiative_id')),
        ),
      )
      .orderBy('c.name_key')
      .limit(500)
      .execute(),
  ]);
  return { languages: languages.rows.map((r) => r.code), communities };
}
