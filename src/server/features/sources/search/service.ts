// The sources' search: anyone may read it, signed in or not, so no use case here checks a permission, and an
// instance keeps its answers until the sources' content version moves (a source, a review or a link changed).
import type { SourceList, SourceRecord, SourceSort } from '../../../../contracts/sources';
import type { Db } from '../../../db/connection';
import type { Ctx } from '../../../http/context';
import { VersionedCache } from '../../../http/content-cache';
import { decodeCursor, page } from '../../../http/pagination';
import { sourceFiltersOf, type SourceFilters } from './filters';
import { recordOfRow } from '../records-of-rows';
import { presentSourceListItem } from '../list-item';
import { cursorOf, listSources, sourcesByIds, type SourceCursor } from './repo';
import type { SourceFilterQuery, SourceSearchQuery } from './schema';

const kept = new VersionedCache<SourceList>('sources.list');

/**
 * A cursor of the sort's shape: [exact time, id] for newest (UTC, microseconds, as repo.ts writes it), [count, id]
 * for the others; anything else a 400.
 */
export function decodeSourceCursor(sort: SourceSort, cursor: string | undefined): SourceCursor | null {
  return sort === 'newest' ? decodeCursor(cursor, ['time', 'id']) : decodeCursor(cursor, ['number', 'id']);
}

/** GET /sources: anyone. */
export async function searchSources(ctx: Ctx, q: SourceSearchQuery): Promise<SourceList> {
  // Checked before the kept answers are asked, so a bad query is never kept.
  const f = sourceFiltersOf(q);
  const after = decodeSourceCursor(f.sort, q.cursor);
  return kept.get(ctx.db, JSON.stringify([f, q.cursor ?? '', q.limit]), async () => {
    const rows = await listSources(ctx.db, f, after, q.limit);
    const { items, next } = page(rows, q.limit, (r) => cursorOf(f.sort, r));
    return { items: items.map(presentSourceListItem), next };
  });
}

export interface FoundRecord {
  id: number;
  record: SourceRecord;
}

/** Every source the search shows with these filters, in its order, at most `max` (page by page). */
export async function* sourcePages(db: Db, f: SourceFilters, size = 200) {
  let after: SourceCursor | null = null;
  for (;;) {
    const rows = await listSources(db, f, after, size);
    const chunk = rows.slice(0, size);
    const last = chunk.at(-1);
    if (!last) return;
    yield chunk;
    if (rows.length <= size) return;
    after = cursorOf(f.sort, last);
  }
}

/**
 * The records of the sources the search shows with the query's filters, in its order: the first `max`, and
 * whether there were more. What the downloads write, so that they hold exactly what the search shows.
 */
export async function matchingRecords(
  db: Db,
  q: SourceFilterQuery,
  max: number,
): Promise<{ items: FoundRecord[]; more: boolean }> {
  const items: FoundRecord[] = [];
  for await (const rows of sourcePages(db, sourceFiltersOf(q), 500)) {
    for (const r of rows) {
      if (items.length === max) return { items, more: true };
      items.push({ id: r.id, record: recordOfRow(r) });
    }
  }
  return { items, more: false };
}

/** The records of the sources with these ids, in the order asked (ids that name no source are left out). */
export async function recordsByIds(db: Db, ids: number[]): Promise<FoundRecord[]> {
  const found = new Map((await sourcesByIds(db, ids)).map((r) => [r.id, r]));
  return ids.flatMap((id) => {
    const r = found.get(id);
    return r ? [{ id: r.id, record: recordOfRow(r) }] : [];
  });
}
