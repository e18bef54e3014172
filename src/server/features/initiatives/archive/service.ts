// The archive of past initiatives: archived (completed) and discontinued ones with their documentation,
// searched and filtered by region, language, group, skill, year and outcome. Anyone may read it, signed in or
// not (as they may read each initiative), so no use case here checks a permission, and an instance keeps its
// answers until the content changes.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { ARCHIVE_OUTCOMES, type ArchiveOutcome } from '../../../contracts/initiatives-archive';
import { VersionedCache } from '../../http/content-cache';
import { badRequest, type FieldError } from '../../http/errors';
import { decodeTimeIdCursor, listQuery, page } from '../../http/pagination';
import { listArchived, type ArchiveFilters, type ArchivedRow } from './archive-repo';
import { person } from './present';
import { checkSharedFilters, communityFilter } from './filters';

/** At most this many words are searched; more are ignored. */
export const MAX_WORDS = 8;
const EXCERPT = 280;

export const archiveFilterQuery = {
  q: z.string().max(200).optional(),
  region: z.string().max(10).optional(),
  language: z.string().max(30).optional(),
  community: z.string().max(100).optional(),
  skill: z.string().max(60).optional(),
  year: z.string().max(10).optional(),
  outcome: z.string().max(20).optional(),
};
export const archiveSearchQuery = z.object({ ...archiveFilterQuery, ...listQuery });
export type ArchiveFilterQuery = { [K in keyof typeof archiveFilterQuery]?: string };
export type ArchiveSearchQuery = z.infer<typeof archiveSearchQuery>;

const person$ = z.object({ username: z.string(), displayName: z.string() });
export const archivedItem = z.object({
  id: z.string(),
  title: z.string(),
  summary: z.string(),
  stage: z.enum(['archived', 'discontinued']),
  /** How it ended: completed (archived) or discontinued. */
  ended: z.enum(['completed', 'discontinued']),
  /** The evaluation's result over all goals; null when it was not evaluated. */
  outcome: z.enum(['met', 'partly_met', 'not_met']).nullable(),
  languages: z.array(z.string()),
  regions: z.array(z.string()),
  skills: z.array(z.string()),
  communities: z.array(z.object({ slug: z.string(), name: z.string() })),
  leads: z.array(person$),
  createdAt: z.string(),
  endedAt: z.string(),
  evaluated: z.boolean(),
  /** Goals by their result in the evaluation. */
  goals: z.object({ met: z.number(), partlyMet: z.number(), notMet: z.number() }),
  /** People reached, as counted in the evaluation. */
  reachedTotal: z.number(),
  /** People accepted into its jobs or as general help. */
  people: z.number(),
  /** The start of the lessons learned, as plain text ('' when none). */
  lessonsExcerpt: z.string(),
  /** Links to its documentation: reports, slides on Commons, Meta pages. */
  documentation: z.array(z.string()),
});
export const archivePageAnswer = z.object({ items: z.array(archivedItem), next: z.string().nullable() });

/** The words of a search: split at spaces, each once, at most MAX_WORDS. */
export function wordsOf(q: string | undefined): string[] {
  const words = (q ?? '').trim().split(/\s+/u).filter(Boolean);
  return [...new Set(words.map((w) => w.toLowerCase()))].slice(0, MAX_WORDS);
}

/** The filters of a query; malformed values are a 400 naming each parameter; an unknown group matches nothing. */
export async function archiveFiltersOf(app: FastifyInstance, q: ArchiveFilterQuery): Promise<ArchiveFilters> {
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
  return { ...f, ...(await communityFilter(app, q.community)) };
}

/** Plain text from the start of a Markdown text, cut at a word. */
export function excerpt(text: string | null, max = EXCERPT): string {
  const plain = (text ?? '').replace(/\s+/gu, ' ').trim();
  if (plain.length <= max) return plain;
  const cut = plain.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

export function presentArchived(r: ArchivedRow): z.infer<typeof archivedItem> {
  const outcomes = r.outcomes ?? [];
  const count = (result: string) => outcomes.filter((o) => o.result === result).length;
  return {
    id: String(r.id),
    title: r.title,
    summary: r.summary,
    stage: r.stage as 'archived',
    ended: r.stage === 'archived' ? 'completed' : 'discontinued',
    outcome: r.lessons === null ? null : ((r.outcome as 'met' | null) ?? null),
    languages: r.languages,
    regions: r.regions,
    skills: r.skills,
    communities: r.communities.map((c) => ({ slug: c.slug, name: c.name })),
    leads: r.leads.map((l) => person(l.username, l.display_name)!),
    createdAt: r.created_at.toISOString(),
    endedAt: r.ended_at!.toISOString(),
    evaluated: r.lessons !== null,
    goals: { met: count('met'), partlyMet: count('partly_met'), notMet: count('not_met') },
    reachedTotal: (r.reached ?? []).reduce((n, x) => n + Number(x.count), 0),
    people: Number(r.people),
    lessonsExcerpt: excerpt(r.lessons),
    documentation: r.documentation ?? [],
  };
}

type ArchivePage = z.infer<typeof archivePageAnswer>;
/** Answers are the same for everyone: kept while the content stays the same (http/content-cache.ts). */
const kept = new VersionedCache<ArchivePage>(500);

export function archiveSearch(app: FastifyInstance, q: ArchiveSearchQuery): Promise<ArchivePage> {
  const key = JSON.stringify([q.q ?? '', q.region ?? '', q.language ?? '', q.community ?? '', q.skill ?? '', q.year ?? '', q.outcome ?? '', q.cursor ?? '', q.limit]);
  return kept.get(app.db, key, async () => {
    const f = await archiveFiltersOf(app, q);
    const rows = await listArchived(app.db, f, decodeTimeIdCursor(q.cursor), q.limit);
    const { items, next } = page(rows, q.limit, (r) => [r.ended_at!.toISOString(), r.id]);
    return { items: items.map(presentArchived), next };
  });
}

/** The whole archive with the filters, page by page (for the downloads). */
export async function* archivePages(app: FastifyInstance, f: ArchiveFilters, size = 200): AsyncGenerator<ArchivedRow[]> {
  let after: [string, number] | null = null;
  for (;;) {
    const rows = await listArchived(app.db, f, after, size);
    const chunk = rows.slice(0, size);
    if (chunk.length) yield chunk;
    if (rows.length <= size) return;
    const last = chunk[chunk.length - 1];
    after = [last.ended_at!.toISOString(), last.id];
  }
}

/**
 * The ids of the whole archive with the search's filters (newest ended first, at most `max`): what the downloads
 * (/initiatives/archive.json and .csv) should list, so that they hold exactly what the search shows.
 */
export async function archiveIds(app: FastifyInstance, q: ArchiveFilterQuery, max: number): Promise<number[]> {
  const ids: number[] = [];
  for await (const rows of archivePages(app, await archiveFiltersOf(app, q), 500)) {
    ids.push(...rows.map((r) => r.id));
    if (ids.length >= max) return ids.slice(0, max);
  }
  return ids;
}
