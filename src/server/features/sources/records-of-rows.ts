// A source's record rebuilt from its `sources` row: what downloads, citations and exports write. The row holds
// the record's fields as kept (identifiers normalized), so the record is the row's columns under their names.
import type { Selectable } from 'kysely';
import type { SourceRecord } from '../../../contracts/sources';
import type { SourcesTable } from './tables';

export type SourceRow = Selectable<SourcesTable>;

/** The record's columns of the sources aliased `s`, for queries whose rows recordOfRow reads. */
export const RECORD_COLUMNS = [
  's.kind',
  's.title',
  's.authors',
  's.year',
  's.publisher',
  's.languages',
  's.isbn',
  's.doi',
  's.url',
  's.wikidata',
  's.access',
  's.summary',
  's.skills',
] as const;

/** The columns it reads. */
export type RecordColumns = Pick<
  SourceRow,
  | 'kind'
  | 'title'
  | 'authors'
  | 'year'
  | 'publisher'
  | 'languages'
  | 'isbn'
  | 'doi'
  | 'url'
  | 'wikidata'
  | 'access'
  | 'summary'
  | 'skills'
>;

export function recordOfRow(row: RecordColumns): SourceRecord {
  return {
    kind: row.kind,
    title: row.title,
    authors: row.authors,
    year: row.year,
    publisher: row.publisher,
    languages: row.languages,
    identifiers: { isbn: row.isbn, doi: row.doi, url: row.url, wikidata: row.wikidata },
    access: row.access,
    summary: row.summary,
    skills: row.skills,
  };
}
