// SQL for the sources' search: words in the title, authors and summary, filters, and keyset pages in one of three
// orders, each read through its index (0021): newest (sources_newest_idx), most reviewed (sources_reviewed_idx),
// most used (sources_used_idx). Words are found as the archive's are (initiatives/archive/repo.ts): the newest
// matches read in order until a page is full, and the trigram index sources_text_trgm only for rare words.
import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { SourceSort } from '../../../../contracts/sources';
import type { Db } from '../../../db/connection';
import type { SourceFilters } from './filters';
import { KEPT_COUNTS } from '../list-item';
import { RECORD_COLUMNS } from '../records-of-rows';

/** Where the previous page ended: [created_at with microseconds, id] or [count, id], by the sort. */
export type SourceCursor = [string, number] | [number, number];

/** The searched text of the sources aliased `alias`: the trigram index's expression, so the index and the row check agree. */
const textOf = (alias: 's' | 'w') =>
  sql`(${sql.ref(`${alias}.title`)} || ' ' || ${sql.ref(`${alias}.authors_text`)} || ' ' || ${sql.ref(`${alias}.summary`)})`;

/** `%word%` for ILIKE, with LIKE's own characters taken literally. */
const likeWord = (w: string) => `%${w.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** Each sort's key, in the order of its index. */
const ORDER: Record<SourceSort, { key: RawBuilder<unknown>; value: (after: SourceCursor) => RawBuilder<unknown> }> = {
  newest: { key: sql`s.created_at`, value: (a) => sql`${String(a[0])}::timestamptz` },
  reviewed: { key: sql`s.review_count`, value: (a) => sql`${Number(a[0])}::int` },
  used: { key: sql`s.used_count`, value: (a) => sql`${Number(a[0])}::int` },
};

/** What every page with these filters holds, words aside, after the cursor `after`. */
function baseConds(f: SourceFilters, after: SourceCursor | null): RawBuilder<SqlBool>[] {
  const conds: RawBuilder<SqlBool>[] = [];
  if (after) {
    const o = ORDER[f.sort];
    conds.push(sql<SqlBool>`(${o.key}, s.id) < (${o.value(after)}, ${after[1]}::bigint)`);
  }
  if (f.kind) conds.push(sql<SqlBool>`s.kind = ${f.kind}`);
  if (f.language) conds.push(sql<SqlBool>`s.languages @> array[${f.language}]::text[]`);
  if (f.skill) conds.push(sql<SqlBool>`s.skills @> array[${f.skill}]::text[]`);
  if (f.judgement) conds.push(sql<SqlBool>`s.judgement = ${f.judgement}`);
  if (f.access) conds.push(sql<SqlBool>`s.access = ${f.access}`);
  if (f.from !== undefined) conds.push(sql<SqlBool>`s.year >= ${f.from}`);
  if (f.to !== undefined) conds.push(sql<SqlBool>`s.year <= ${f.to}`);
  return conds;
}

const and = (conds: RawBuilder<SqlBool>[]) =>
  conds.length ? sql<SqlBool>`(${sql.join(conds, sql` and `)})` : sql<SqlBool>`true`;

/** Each word read row by row (in the sources aliased `alias`). */
const rowWords = (words: string[], alias: 's' | 'w') =>
  words.map((w) => sql<SqlBool>`${textOf(alias)} ilike ${likeWord(w)}`);

/** How many of the first sources in the sort's order (with the filters) are read row by row before the index is asked. */
const WALK = 400;

/**
 * One page of sources in the sort's order, `limit + 1` rows (the extra one says a next page exists). With words,
 * two ways, as the archive: a common word fills a page within the first few hundred sources in order, so reading
 * them and stopping at a full page costs the same whatever the number of sources; a rare one does not, and then
 * the trigram index finds every match and the first in order are taken (as costly as there are matches).
 */
export async function listSources(db: Db, f: SourceFilters, after: SourceCursor | null, limit: number, walk = WALK) {
  const base = baseConds(f, after);
  if (!f.words.length) return selectSources(db, f.sort, and(base), limit);
  const o = ORDER[f.sort];
  const walked = await selectSources(
    db,
    f.sort,
    sql<SqlBool>`s.id in (select w.id from (
      select s.id, ${o.key} as k, s.title, s.authors_text, s.summary from sources s
      where ${and(base)} order by ${o.key} desc, s.id desc limit ${walk}
    ) w where ${and(rowWords(f.words, 'w'))} order by w.k desc, w.id desc limit ${limit + 1})`,
    limit,
  );
  if (walked.length > limit) return walked;
  // Fewer than `walk` sources from here on (a late page, narrow filters): the walk read them all, and what it found
  // is the whole answer.
  const seen = await sql<{
    n: number;
  }>`select count(*)::int as n from (
    select 1 from sources s where ${and(base)} order by ${o.key} desc, s.id desc limit ${walk}
  ) x`.execute(db);
  if (Number(seen.rows[0]?.n ?? 0) < walk) return walked;
  // The same conditions over every source: the planner finds words of three characters or more through the trigram
  // index (EXPLAIN on PostgreSQL at 20,000 and 100,000 sources picks it unprompted, so no function with sequential
  // scans off is needed, unlike the archive's lessons in 0015); shorter words are checked on the rows it finds.
  return selectSources(db, f.sort, and([...base, ...rowWords(f.words, 's')]), limit);
}

/** The columns of a list item and of a record (for the downloads), and the exact creation time for cursors. */
function selectSources(db: Db, sort: SourceSort, where: RawBuilder<SqlBool>, limit: number) {
  const o = ORDER[sort];
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
    .orderBy(o.key, 'desc')
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
