// The database of sources: books, chapters, articles, talks… with their identifiers, one review per person
// (a judgement of reliability, how they use it, usefulness 1–5), the initiatives that used them, reading lists,
// and imports of BibTeX, RIS and CSL-JSON. Shared by the server (answers' schemas) and the pages (types).
// Maps keyed by an enum use its snake_case values (DECISIONS 8); years are `YYYY` (DECISIONS 6).
import { z } from 'zod';
import { diffPart } from './guides';
import { hiddenState } from './moderation';
import { personRef } from './people';

export const SOURCE_KINDS = [
  'book',
  'chapter',
  'article',
  'paper',
  'talk',
  'video',
  'podcast',
  'course',
  'toolkit',
  'website',
] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];
export const SOURCE_ACCESS = ['open', 'paywalled', 'library'] as const;
export type SourceAccess = (typeof SOURCE_ACCESS)[number];
export const JUDGEMENTS = ['reliable', 'mixed', 'unreliable', 'not_sure'] as const;
export type Judgement = (typeof JUDGEMENTS)[number];
export const SOURCE_SORTS = ['newest', 'reviewed', 'used'] as const;
export type SourceSort = (typeof SOURCE_SORTS)[number];
export const IMPORT_FORMATS = ['bibtex', 'ris', 'csl-json'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];
export const IMPORT_STATUSES = ['parsing', 'ready', 'committing', 'done', 'failed'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];
export const IMPORT_ACTIONS = ['add', 'skip', 'merge'] as const;
export type ImportAction = (typeof IMPORT_ACTIONS)[number];
/** The content types of an upload, by format (POST /api/v1/source-imports). */
export const IMPORT_CONTENT_TYPES: Record<ImportFormat, string> = {
  bibtex: 'application/x-bibtex',
  ris: 'application/x-research-info-systems',
  'csl-json': 'application/vnd.citationstyles.csl+json',
};
/** An upload's limit (a 413 beyond it). */
export const IMPORT_MAX_BYTES = 10 * 1024 * 1024;

/** A person as family and given names, or an organization (or a name that cannot be split) as `literal`. */
export const sourceAuthor = z.object({
  family: z.string().optional(),
  given: z.string().optional(),
  literal: z.string().optional(),
});
export type SourceAuthor = z.infer<typeof sourceAuthor>;

export const sourceIdentifiers = z.object({
  isbn: z.string().nullable(),
  doi: z.string().nullable(),
  url: z.string().nullable(),
  wikidata: z.string().nullable(),
});
export type SourceIdentifiers = z.infer<typeof sourceIdentifiers>;

/** A source's record as written and kept in each revision (identifiers normalized). */
export const sourceRecord = z.object({
  kind: z.enum(SOURCE_KINDS),
  title: z.string(),
  authors: z.array(sourceAuthor),
  year: z.number().int().nullable(),
  publisher: z.string().nullable(),
  languages: z.array(z.string()),
  identifiers: sourceIdentifiers,
  access: z.enum(SOURCE_ACCESS),
  summary: z.string(),
  skills: z.array(z.string()),
});
export type SourceRecord = z.infer<typeof sourceRecord>;

export const judgementCounts = z.object({
  reliable: z.number().int(),
  mixed: z.number().int(),
  unreliable: z.number().int(),
  not_sure: z.number().int(),
});
export type JudgementCounts = z.infer<typeof judgementCounts>;

export const sourceListItem = z.object({
  id: z.string(),
  kind: z.enum(SOURCE_KINDS),
  title: z.string(),
  authors: z.array(sourceAuthor),
  year: z.number().int().nullable(),
  languages: z.array(z.string()),
  access: z.enum(SOURCE_ACCESS),
  judgements: judgementCounts,
  /** The most common judgement (ties: mixed); null before any review. */
  judgement: z.enum(JUDGEMENTS).nullable(),
  reviews: z.number().int(),
  /** Archived initiatives that used it and met or partly met their goals (DECISIONS 17). */
  usedBy: z.number().int(),
});
export type SourceListItem = z.infer<typeof sourceListItem>;
export const sourceList = z.object({ items: z.array(sourceListItem), next: z.string().nullable() });
export type SourceList = z.infer<typeof sourceList>;

export const sourceDetail = sourceRecord.extend({
  id: z.string(),
  summaryHtml: z.string(),
  judgements: judgementCounts,
  judgement: z.enum(JUDGEMENTS).nullable(),
  /** How many reviews gave each usefulness, "1" to "5". */
  usefulness: z.record(z.string(), z.number().int()),
  reviews: z.number().int(),
  usedBy: z.number().int(),
  /** Every initiative that recorded it, with its stage and outcome. */
  initiatives: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      stage: z.string(),
      outcome: z.string().nullable(),
      note: z.string(),
    }),
  ),
  readingLists: z.array(z.object({ id: z.string(), title: z.string() })),
  /** A formatted citation (CSL, APA style) and the wiki template to copy ({{cite book}}, …). */
  citation: z.object({ text: z.string(), wikitext: z.string() }),
  revision: z.number().int(),
  createdBy: personRef.nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** The viewer's own review. */
  mine: z.lazy(() => sourceReview).nullable(),
  can: z.object({ edit: z.boolean(), review: z.boolean(), moderate: z.boolean() }),
});
export type SourceDetail = z.infer<typeof sourceDetail>;

export const sourceReview = z.object({
  id: z.string(),
  author: personRef.nullable(),
  judgement: z.enum(JUDGEMENTS),
  reasons: z.string(),
  reasonsHtml: z.string(),
  intendedUse: z.string(),
  intendedUseHtml: z.string(),
  audience: z.string().nullable(),
  language: z.string().nullable(),
  usefulness: z.number().int(),
  revision: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  replies: z.number().int(),
  hidden: hiddenState,
});
export type SourceReview = z.infer<typeof sourceReview>;
export const sourceReviewList = z.object({ items: z.array(sourceReview), next: z.string().nullable() });
export type SourceReviewList = z.infer<typeof sourceReviewList>;

/** A 409 for a source that exists already: the problem+json answer carries `duplicates`. */
export const sourceDuplicate = z.object({
  id: z.string(),
  title: z.string(),
  /** What matched: an identifier, or the title with the first author (`force` passes that one only). */
  reason: z.enum(['isbn', 'doi', 'url', 'wikidata', 'title']),
});
export type SourceDuplicate = z.infer<typeof sourceDuplicate>;

export const sourceRevisionItem = z.object({
  revision: z.number().int(),
  author: personRef.nullable(),
  comment: z.string(),
  createdAt: z.string(),
  /** What changed from the revision before, field by field (fields that did not change are left out). */
  changes: z.array(z.object({ field: z.string(), diff: z.array(diffPart) })),
});
export const sourceRevisionList = z.object({ items: z.array(sourceRevisionItem), next: z.string().nullable() });
export type SourceRevisionList = z.infer<typeof sourceRevisionList>;

/** A filled, unsaved record from a DOI, an ISBN or a Wikidata id (POST /api/v1/sources/lookup). */
export const sourceLookup = z.object({
  record: sourceRecord,
  duplicates: z.array(sourceDuplicate),
});
export type SourceLookup = z.infer<typeof sourceLookup>;

export const importEntry = z.object({
  n: z.number().int(),
  record: sourceRecord.nullable(),
  errors: z.array(z.object({ field: z.string(), message: z.string() })),
  /** Matches in the file (`n`) or the database (`id`). */
  duplicates: z.array(
    z.object({
      id: z.string().nullable(),
      n: z.number().int().nullable(),
      title: z.string(),
      reason: sourceDuplicate.shape.reason,
    }),
  ),
  action: z.enum(IMPORT_ACTIONS),
  into: z.string().nullable(),
  /** After the commit: the source it became or was merged into. */
  source: z.string().nullable(),
});
export type ImportEntry = z.infer<typeof importEntry>;
export const sourceImport = z.object({
  id: z.string(),
  format: z.enum(IMPORT_FORMATS),
  status: z.enum(IMPORT_STATUSES),
  total: z.number().int(),
  parsed: z.number().int(),
  counts: z.object({ added: z.number().int(), merged: z.number().int(), skipped: z.number().int() }).nullable(),
  error: z.string().nullable(),
  items: z.array(importEntry),
  next: z.string().nullable(),
});
export type SourceImport = z.infer<typeof sourceImport>;

export const initiativeSource = z.object({
  source: z.object({
    id: z.string(),
    kind: z.enum(SOURCE_KINDS),
    title: z.string(),
    authors: z.array(sourceAuthor),
    year: z.number().int().nullable(),
  }),
  note: z.string(),
  addedBy: personRef.nullable(),
  addedAt: z.string(),
});
export const initiativeSources = z.object({
  items: z.array(initiativeSource),
  next: z.null(),
  can: z.object({ manage: z.boolean() }),
});
export type InitiativeSources = z.infer<typeof initiativeSources>;

export const readingListItem = z.object({
  source: sourceListItem,
  note: z.string(),
  noteHtml: z.string(),
});
export const readingListSummary = z.object({
  id: z.string(),
  title: z.string(),
  owner: personRef.nullable(),
  community: z.object({ slug: z.string(), name: z.string() }).nullable(),
  count: z.number().int(),
  updatedAt: z.string(),
});
export type ReadingListSummary = z.infer<typeof readingListSummary>;
export const readingLists = z.object({ items: z.array(readingListSummary), next: z.string().nullable() });
export const readingList = readingListSummary.extend({
  description: z.string(),
  descriptionHtml: z.string(),
  items: z.array(readingListItem),
  revision: z.number().int(),
  can: z.object({ edit: z.boolean() }),
});
export type ReadingList = z.infer<typeof readingList>;

/** Authors as a line: "Family, G.; Organization" (lists, exports' previews). */
export function authorLine(authors: readonly SourceAuthor[]): string {
  return authors
    .map((a) => a.literal ?? [a.family, a.given].filter((s) => s && s.length > 0).join(', '))
    .filter((s) => s.length > 0)
    .join('; ');
}

/** A merged source's address: the 301's body names the source it became (its address in `location`). */
export const sourceMoved = z.object({ id: z.string(), location: z.string() });
export type SourceMoved = z.infer<typeof sourceMoved>;
// Appended for the initiatives' sources (links): one link's type.
export type InitiativeSource = z.infer<typeof initiativeSource>;
