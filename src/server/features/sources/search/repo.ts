// SQL for the sources' search: words in the title, authors and summary, filters, and keyset pages in one of three
// orders, each read through its index (0021): newest (sources_newest_idx), most reviewed (sources_reviewed_idx),
// most used (sources_used_idx). Words and filters are found as the archive's words are (initiatives/archive/repo.ts):
// the next sources in order are read until a page is full, and only when that walk runs out does an index of the
// matches answer: the trigram index sources_text_trgm for words, the facets index (0022) for filters.
import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { SourceSort } from '../../../../contracts/sources';
import type { Db } from '../../../db/connection';
import type { SourceFilters } from './filters';
import { KEPT_COUNTS } from '../list-item';
import { RECORD_COLUMNS } from '../records-of-rows';
import { expectedShare } from './facet-shares';

/** Where the previous page ended: [created_at with microseconds, id] or [count, id], by the sort. */
export type SourceCursor = [string, number] | [number, number];

type Alias = 's' | 'w';

/** The searched text of the sources aliased `alias`: the trigram index's expression, so the index and the row check agree. */
const textOf = (alias: Alias) =>
  sql`(${sql.ref(`${alias}.title`)} || ' ' || ${sql.ref(`${alias}.authors_text`)} || ' ' || ${sql.ref(`${alias}.summary`)})`;

/** `%word%` for ILIKE, with LIKE's own characters taken literally. */
const likeWord = (w: string) => `%${w.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * Each sort's key, in the order of its index, and the same values as an expression no index has: ordering by it
 * leaves the planner no ordered index to walk, so it finds the matches through their own index and sorts them.
 */
const ORDER: Record<
  SourceSort,
  { key: RawBuilder<unknown>; unindexed: RawBuilder<unknown>; value: (after: SourceCursor) => RawBuilder<unknown> }
> = {
  newest: {
    key: sql`s.created_at`,
    unindexed: sql`s.created_at + interval '0 seconds'`,
    value: (a) => sql`${String(a[0])}::timestamptz`,
  },
  reviewed: { key: sql`s.review_count`, unindexed: sql`s.review_count + 0`, value: (a) => sql`${Number(a[0])}::int` },
  used: { key: sql`s.used_count`, unindexed: sql`s.used_count + 0`, value: (a) => sql`${Number(a[0])}::int` },
};

/** The sources after the cursor, in the sort's order. */
function afterCursor(sort: SourceSort, after: SourceCursor | null): RawBuilder<SqlBool>[] {
  if (!after) return [];
  const o = ORDER[sort];
  return [sql<SqlBool>`(${o.key}, s.id) < (${o.value(after)}, ${after[1]}::bigint)`];
}

/** The filters' values as the facets index keys them (0022): "k:book", "l:en", "s:facilitation", … */
export function facetsOf(f: SourceFilters): string[] {
  const keys: string[] = [];
  if (f.kind) keys.push(`k:${f.kind}`);
  if (f.access) keys.push(`a:${f.access}`);
  if (f.judgement) keys.push(`j:${f.judgement}`);
  if (f.language) keys.push(`l:${f.language}`);
  if (f.skill) keys.push(`s:${f.skill}`);
  return keys;
}

/** What the filters and words ask of each source aliased `alias`. */
function matchConds(f: SourceFilters, alias: Alias): RawBuilder<SqlBool>[] {
  const conds: RawBuilder<SqlBool>[] = [];
  const facets = facetsOf(f);
  if (facets.length) conds.push(sql<SqlBool>`${sql.ref(`${alias}.facets`)} @> ${facets}::text[]`);
  if (f.from !== undefined) conds.push(sql<SqlBool>`${sql.ref(`${alias}.year`)} >= ${f.from}`);
  if (f.to !== undefined) conds.push(sql<SqlBool>`${sql.ref(`${alias}.year`)} <= ${f.to}`);
  for (const w of f.words) conds.push(sql<SqlBool>`${textOf(alias)} ilike ${likeWord(w)}`);
  return conds;
}

const and = (conds: RawBuilder<SqlBool>[]) =>
  conds.length ? sql<SqlBool>`(${sql.join(conds, sql` and `)})` : sql<SqlBool>`true`;

/**
 * How many of the next sources in the sort's order are read row by row before an index of the matches is asked.
 * At 100,000 sources a walk of 1,000 kept a rare word's p99 at 34 ms where one of 400 let it reach 187 ms (the
 * trigram index is asked more often, and it costs far more than the walk).
 */
const WALK = 1000;

/**
 * One page of sources in the sort's order, `limit + 1` rows (the extra one says a next page exists). With words or
 * filters, two ways: matches that are common fill a page within the next few hundred sources in order, so reading
 * them and stopping at a full page costs the same whatever the number of sources; rare ones do not, and then the
 * matches' own index (trigram, facets) finds them all and the first in order are taken (as costly as there are
 * matches). Walking the order index with the filters alone is what the planner would do, and with filters rarer
 * together than each alone it read all 100,000 generated sources to find none (200 ms).
 */
export async function listSources(db: Db, f: SourceFilters, after: SourceCursor | null, limit: number, walk = WALK) {
  const cursor = afterCursor(f.sort, after);
  const match = matchConds(f, 'w');
  if (!match.length) return selectSources(db, f.sort, and(cursor), limit);
  const byIndex = () => selectSources(db, f.sort, and([...cursor, ...matchConds(f, 's')]), limit, true);
  // Filters the statistics call rare together: the walk would not fill a page, so it is not taken.
  const facets = facetsOf(f);
  if (!f.words.length && facets.length) {
    const share = await expectedShare(db, facets);
    if (share !== null && share * walk < limit + 1) return byIndex();
  }
  const o = ORDER[f.sort];
  const walked = await selectSources(
    db,
    f.sort,
    sql<SqlBool>`s.id in (select w.id from (
      select s.id, ${o.key} as k, s.title, s.authors_text, s.summary, s.facets, s.year from sources s
      where ${and(cursor)} order by ${o.key} desc, s.id desc limit ${walk}
    ) w where ${and(match)} order by w.k desc, w.id desc limit ${limit + 1})`,
    limit,
  );
  if (walked.length > limit) return walked;
  // Fewer than `walk` sources from here on (a late page): the walk read them all, and what it found is the answer.
  const seen = await sql<{ n: number }>`select count(*)::int as n from (
    select 1 from sources s where ${and(cursor)} order by ${o.key} desc, s.id desc limit ${walk}
  ) x`.execute(db);
  if (Number(seen.rows[0]?.n ?? 0) < walk) return walked;
  return byIndex();
}

/** The columns of a list item and of a record (for the downloads), and the exact creation time for cursors. */
function selectSources(db: Db, sort: SourceSort, where: RawBuilder<SqlBool>, limit: number, byMatches = false) {
  const o = ORDER[sort];
  const key = byMatches ? o.unindexed : o.key;
  return db
    .selectFrom('sources as s')
    .select([
      's.id',
      ...RECORD_COLUMNS,
      ...KEPT_COUNTS,
      // Microseconds kept: rows added in one statement share a millisecond, and a cursor cut to it would skip them.
      sql<string>`to_char(s.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`.as('created_exact'),
    ])
    .where(where)
    .orderBy(key, 'desc')
    .orderBy('s.id', 'desc')
    .limit(limit + 1)
    .execute();
}

export type SourceRow = Awaited<ReturnType<typeof selectSources>>[number];

/** Where a row stands in the sort's order (its cursor). */
export function cursorOf(sort: SourceSort, r: SourceRow): SourceCursor {
  if (sort === 'reviewed') return [r.review_count, r.id];
  if (sort === 'used') return [r.used_count, r.id];
  return [r.created_exact, r.id];
}

/** The sources with these ids (those that exist), for the downloads by id. */
export function sourcesByIds(db: Db, ids: number[]) {
  if (!ids.length) return Promise.resolve([]);
  return selectSources(db, 'newest', sql<SqlBool>`s.id = any(${ids}::bigint[])`, ids.length);
}
