// Test fixtures for reading lists and initiatives' sources: sources inserted as rows (the records' routes are
// another capability), with their search keys computed as the records' use cases compute them.
import type { SourceRecord } from '../../../../contracts/sources';
import type { Db } from '../../../db/connection';
import { unique } from '../../../testing/harness';
import { normalizeUrl } from '../identifiers';
import { authorsText, firstAuthorKey, textKey } from '../keys';

export const RECORD: SourceRecord = {
  kind: 'book',
  title: 'The Art of Facilitation',
  authors: [{ family: 'Hunter', given: 'Dale' }, { literal: 'World Health Organization' }],
  year: 2007,
  publisher: 'Jossey-Bass',
  languages: ['en'],
  identifiers: { isbn: null, doi: null, url: null, wikidata: null },
  access: 'library',
  summary: 'Running meetings where *everyone* is heard.',
  skills: ['facilitation'],
};

/** A source row (a unique title unless given) in the app's (or any) database; answers its id. */
export async function sourceRow(app: { db: Db }, record: Partial<SourceRecord> = {}): Promise<number> {
  const r: SourceRecord = { ...RECORD, title: unique('Facilitation handbook '), ...record };
  const row = await app.db
    .insertInto('sources')
    .values({
      kind: r.kind,
      title: r.title,
      authors: JSON.stringify(r.authors),
      authors_text: authorsText(r.authors),
      year: r.year,
      publisher: r.publisher,
      languages: r.languages,
      isbn: r.identifiers.isbn,
      doi: r.identifiers.doi,
      url: r.identifiers.url,
      url_key: r.identifiers.url ? (normalizeUrl(r.identifiers.url)?.key ?? null) : null,
      wikidata: r.identifiers.wikidata,
      access: r.access,
      summary: r.summary,
      skills: r.skills,
      title_key: textKey(r.title),
      first_author_key: firstAuthorKey(r.authors),
      created_at: new Date(),
      updated_at: new Date(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}
