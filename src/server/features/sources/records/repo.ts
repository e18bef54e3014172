// SQL of sources' records: the row and its record, the columns kept for duplicates and the search, revisions,
// and the addresses of merged sources.
import type { SourceRecord } from '../../../../contracts/sources';
import { markdownInsert } from '../../../markdown/stored';
import type { Db } from '../../../db/connection';
import { personRefColumns } from '../../people';
import { normalizeUrl } from '../identifiers';
import { authorsText, firstAuthorKey, textKey } from '../keys';

/** A source aliased `s` with its creator. */
export const findSource = (db: Db, id: number) =>
  db
    .selectFrom('sources as s')
    .leftJoin('users as a', 'a.id', 's.created_by')
    .selectAll('s')
    .select(personRefColumns('a'))
    .where('s.id', '=', id)
    .executeTakeFirst();
export type SourceRow = NonNullable<Awaited<ReturnType<typeof findSource>>>;

/** The row, locked until the transaction ends: edits, reverts and merges of one source queue behind each other. */
export const lockSource = (db: Db, id: number) =>
  db.selectFrom('sources').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();

/** The source a merged one became, or undefined. */
export const mergedInto = async (db: Db, id: number): Promise<number | undefined> =>
  (await db.selectFrom('source_merges').select('into_id').where('from_id', '=', id).executeTakeFirst())?.into_id;

/** The keys a record is found by: its identifiers, its URL's key, its title and first author. */
export function keysOf(record: SourceRecord) {
  return {
    isbn: record.identifiers.isbn,
    doi: record.identifiers.doi,
    url_key: record.identifiers.url ? (normalizeUrl(record.identifiers.url)?.key ?? null) : null,
    wikidata: record.identifiers.wikidata,
    title_key: textKey(record.title),
    first_author_key: firstAuthorKey(record.authors),
  };
}
export type SourceKeys = ReturnType<typeof keysOf>;

/** The columns a record is written to, with the keys computed from it. */
function columnsOf(record: SourceRecord) {
  const keys = keysOf(record);
  return {
    kind: record.kind,
    title: record.title,
    authors: JSON.stringify(record.authors),
    authors_text: authorsText(record.authors),
    year: record.year,
    publisher: record.publisher,
    languages: record.languages,
    isbn: keys.isbn,
    doi: keys.doi,
    url: record.identifiers.url,
    url_key: keys.url_key,
    wikidata: keys.wikidata,
    access: record.access,
    summary: record.summary,
    skills: record.skills,
    title_key: keys.title_key,
    first_author_key: keys.first_author_key,
  };
}

async function insertRevision(
  db: Db,
  sourceId: number,
  revision: number,
  record: SourceRecord,
  userId: number,
  comment: string,
  now: Date,
) {
  await db
    .insertInto('source_revisions')
    .values({
      source_id: sourceId,
      revision,
      record: JSON.stringify(record),
      comment,
      created_by: userId,
      created_at: now,
    })
    .execute();
}

/** A new source at revision 1, with that revision in its history. */
export async function insertSource(db: Db, record: SourceRecord, userId: number, now: Date): Promise<number> {
  const row = await db
    .insertInto('sources')
    .values({
      ...columnsOf(record),
      ...markdownInsert({ summary: record.summary }),
      created_by: userId,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await insertRevision(db, row.id, 1, record, userId, '', now);
  return row.id;
}

/** The source's record replaced as `revision`, with that revision in its history. */
export async function updateSource(
  db: Db,
  id: number,
  record: SourceRecord,
  revision: number,
  who: { userId: number; comment: string; now: Date },
): Promise<void> {
  await db
    .updateTable('sources')
    .set({ ...columnsOf(record), ...markdownInsert({ summary: record.summary }), revision, updated_at: who.now })
    .where('id', '=', id)
    .execute();
  await insertRevision(db, id, revision, record, who.userId, who.comment, who.now);
}

/** Sources other than `exceptId` that share an identifier, or the title and first author, with the keys. */
export const sourcesMatching = (db: Db, k: SourceKeys, exceptId: number | null) =>
  db
    .selectFrom('sources')
    .select(['id', 'title', 'isbn', 'doi', 'url_key', 'wikidata', 'title_key', 'first_author_key'])
    .where((eb) =>
      eb.or([
        ...(k.isbn ? [eb('isbn', '=', k.isbn)] : []),
        ...(k.doi ? [eb('doi', '=', k.doi)] : []),
        ...(k.url_key ? [eb('url_key', '=', k.url_key)] : []),
        ...(k.wikidata ? [eb('wikidata', '=', k.wikidata)] : []),
        eb.and([eb('title_key', '=', k.title_key), eb('first_author_key', '=', k.first_author_key)]),
      ]),
    )
    .$if(exceptId !== null, (q) => q.where('id', '<>', exceptId!))
    .orderBy('id')
    .limit(20)
    .execute();
