// The database of sources' tables (migration 0021): sources and their revisions, merges, reviews and their
// history, the initiatives that used them, reading lists, and imports waiting for their commit.
import type { ColumnType, Generated } from 'kysely';
import type {
  ImportAction,
  ImportFormat,
  ImportStatus,
  Judgement,
  SourceAccess,
  SourceAuthor,
  SourceKind,
  SourceRecord,
} from '../../../contracts/sources';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type TextArray = ColumnType<string[], string[] | undefined, string[]>;
/** jsonb: read as parsed JSON, written as a JSON string. */
type Json<T> = ColumnType<T, string | undefined, string>;
/** Kept by the database's triggers (source_counts_refresh): read only. */
type Kept<T> = ColumnType<T, never, never>;

export interface SourcesTable {
  id: Generated<number>;
  kind: SourceKind;
  title: string;
  authors: Json<SourceAuthor[]>;
  authors_text: Generated<string>;
  year: number | null;
  publisher: string | null;
  languages: TextArray;
  isbn: string | null;
  doi: string | null;
  url: string | null;
  url_key: string | null;
  wikidata: string | null;
  access: SourceAccess;
  summary: Generated<string>;
  /** Stored Markdown (src/server/markdown/stored.ts). */
  summary_html: string | null;
  html_version: number | null;
  skills: TextArray;
  title_key: string;
  first_author_key: Generated<string>;
  revision: Generated<number>;
  created_by: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  review_count: Kept<number>;
  judgement_counts: Kept<Partial<Record<Judgement, number>>>;
  usefulness_counts: Kept<Record<string, number>>;
  judgement: Kept<Judgement | null>;
  used_count: Kept<number>;
  /** The filters' values in one array ("k:book", "l:en", …) for one GIN index (0022): kept by the database. */
  facets: Kept<string[]>;
}

export interface SourceRevisionsTable {
  id: Generated<number>;
  source_id: number;
  revision: number;
  record: Json<SourceRecord>;
  comment: Generated<string>;
  created_by: number | null;
  created_at: Timestamp;
}

export interface SourceMergesTable {
  from_id: number;
  into_id: number;
  merged_by: number | null;
  merged_at: Timestamp;
}

export interface SourceReviewsTable {
  id: Generated<number>;
  source_id: number;
  user_id: number;
  judgement: Judgement;
  reasons: Generated<string>;
  intended_use: Generated<string>;
  /** Stored Markdown (src/server/markdown/stored.ts). */
  reasons_html: string | null;
  intended_use_html: string | null;
  html_version: number | null;
  audience: string | null;
  language: string | null;
  usefulness: number;
  revision: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface SourceReviewHistoryTable {
  id: Generated<number>;
  review_id: number;
  record: Json<{
    judgement: Judgement;
    reasons: string;
    intendedUse: string;
    audience: string | null;
    language: string | null;
    usefulness: number;
    sourceId: number;
  }>;
  revision: number;
  created_at: Timestamp;
}

export interface InitiativeSourcesTable {
  initiative_id: number;
  source_id: number;
  note: Generated<string>;
  added_by: number | null;
  created_at: Timestamp;
}

export interface ReadingListsTable {
  id: Generated<number>;
  title: string;
  description: Generated<string>;
  /** Stored Markdown (src/server/markdown/stored.ts). */
  description_html: string | null;
  html_version: number | null;
  owner_id: number | null;
  community_id: number | null;
  revision: Generated<number>;
  created_by: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ReadingListItemsTable {
  list_id: number;
  source_id: number;
  position: number;
  note: Generated<string>;
  /** Stored Markdown (src/server/markdown/stored.ts). */
  note_html: string | null;
  html_version: number | null;
}

export interface SourceImportsTable {
  id: Generated<number>;
  user_id: number;
  format: ImportFormat;
  status: Generated<ImportStatus>;
  file: string;
  total: Generated<number>;
  parsed: Generated<number>;
  counts: Json<{ added: number; merged: number; skipped: number } | null>;
  error: string | null;
  created_at: Timestamp;
  finished_at: Date | null;
}

export interface SourceImportEntriesTable {
  import_id: number;
  n: number;
  record: Json<SourceRecord | null>;
  errors: Json<{ field: string; message: string }[]>;
  duplicates: Json<{ id: string | null; n: number | null; title: string; reason: string }[]>;
  action: Generated<ImportAction>;
  into_id: number | null;
  source_id: number | null;
  /** The keys of a readable record (keys.ts, identifiers.ts), for the commit's one statement. */
  title_key: string | null;
  first_author_key: string | null;
  authors_text: string | null;
  url_key: string | null;
}

export interface SourcesTables {
  sources: SourcesTable;
  source_revisions: SourceRevisionsTable;
  source_merges: SourceMergesTable;
  source_reviews: SourceReviewsTable;
  source_review_history: SourceReviewHistoryTable;
  initiative_sources: InitiativeSourcesTable;
  reading_lists: ReadingListsTable;
  reading_list_items: ReadingListItemsTable;
  source_imports: SourceImportsTable;
  source_import_entries: SourceImportEntriesTable;
}
