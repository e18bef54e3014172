// The archive of past initiatives: archived (completed) and discontinued ones with their documentation,
// searched and filtered by region, language, group, skill, year and outcome. Anyone may read it, signed in or
// not (as they may read each initiative), so no use case here checks a permission, and an instance keeps its
// answers until the content changes.
import { ARCHIVE_OUTCOMES, type ArchiveOutcome } from '../../../../contracts/initiatives-archive';
import type { ArchivePage } from '../../../../contracts/initiatives-answers';
import type { Db } from '../../../db/connection';
import type { Ctx } from '../../../http/context';
import { VersionedCache } from '../../../http/content-cache';
import { badRequest, type FieldError } from '../../../http/errors';
import { decodeTimeIdCursor, page } from '../../../http/pagination';
import { checkSharedFilters, communityFilter } from '../filters';
import { presentArchived } from './present';
import { listArchived, type ArchiveFilters, type ArchivedRow } from './repo';
import type { ArchiveFilterQuery, ArchiveSearchQuery } from './schema';

/** At most this many words are searched; more are ignored. */
export const MAX_WORDS = 8;

/** The words of a search: split at spaces, each once, at most MAX_WORDS. */
export function wordsOf(q: string | undefined): string[] {
  const words = (q ?? '').trim().split(/\s+/u).filter(Boolean);
  return [...new Set(words.map((w) => w.toLowerCase()))].slice(0, MAX_WORDS);
}

/** The filters of a query; malformed values are a 400 naming each parameter; an unknown group matches nothing. */
export async function archiveFiltersOf(db: Db, q: ArchiveFilterQuery): Promise<ArchiveFilters> {
  const errors: FieldError[] = [];
  const f: ArchiveFilters = { words: wordsOf(q.q), ...checkSharedFilters(q, errors) };
  if (q.year) {
    if (/^\d{4}$/.test(q.year)) f.year = Number(q.year);
    else errors.push({ field: 'year', message: 'validation-format' });
  }
  if (q.outcome) {
    if ((ARCHIVE_OUTCOMES as readonly string[]).includes(q.outcome)) f.outcome = q.outcome as ArchiveOutcome;
    else errors.push({ field: 'outcome', message: 'validation-invalid-choice' });
  }
  if (errors.length) throw badRequest(errors);
  return { ...f, ...(await communityFilter(db, q.community)) };
}

/** Answers are the same for everyone: kept while the content stays the same (http/content-cache.ts). */
const kept = new VersionedCache<ArchivePage>('initiatives.archive');

/** Where an archived initiative stands in the archive's order: when it ended (always set in the archive), then its id. */
const endedKey = (r: ArchivedRow): [string, number] => [(r.ended_at ?? new Date(0)).toISOString(), r.id];

/** GET /initiatives/archive: anyone. */
export function archiveSearch(ctx: Ctx, q: ArchiveSearchQuery): Promise<ArchivePage> {
  const key = JSON.stringify([
    q.q ?? '',
    q.region ?? '',
    q.language ?? '',
    q.community ?? '',
    q.skill ?? '',
    q.year ?? '',
    q.outcome ?? '',
    q.cursor ?? '',
    q.limit,
  ]);
  return kept.get(ctx.db, key, async () => {
    const f = await archiveFiltersOf(ctx.db, q);
    const rows = await listArchived(ctx.db, f, decodeTimeIdCursor(q.cursor), q.limit);
    const { items, next } = page(rows, q.limit, endedKey);
    return { items: items.map(presentArchived), next };
  });
}

/** The whole archive with the filters, page by page (for the downloads). */
export async function* archivePages(db: Db, f: ArchiveFilters, size = 200): AsyncGenerator<ArchivedRow[]> {
  let after: [string, number] | null = null;
  for (;;) {
    const rows = await listArchived(db, f, after, size);
    const chunk = rows.slice(0, size);
    const last = chunk.at(-1);
    if (!last) return;
    yield chunk;
    if (rows.length <= size) return;
    after = endedKey(last);
  }
}

/**
 * The ids of the whole archive with the search's filters (newest ended first, at most `max`): what the downloads
 * (/initiatives/archive.json and .csv) should list, so that they hold exactly what the search shows.
 */
export async function archiveIds(db: Db, q: ArchiveFilterQuery, max: number): Promise<number[]> {
  const ids: number[] = [];
  for await (const rows of archivePages(db, await archiveFiltersOf(db, q), 500)) {
    ids.push(...rows.map((r) => r.id));
    if (ids.length >= max) return ids.slice(0, max);
  }
  return ids;
}
