// Sources already in the database that a record would repeat: the same ISBN, DOI, normalized URL or Wikidata id
// (each a unique key), or the same title and first author as keys.ts reads them (offered, not refused).
import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { SourceDuplicate, SourceRecord } from '../../../../contracts/sources';
import type { Db } from '../../../db/connection';
import { normalizeUrl } from '../identifiers';
import { firstAuthorKey, textKey } from '../keys';

export async function findDuplicates(db: Db, record: SourceRecord): Promise<SourceDuplicate[]> {
  const ids = record.identifiers;
  const urlKey = ids.url ? (normalizeUrl(ids.url)?.key ?? null) : null;
  const titleKey = textKey(record.title);
  // Each condition is one of the unique indexes (or sources_title_author_idx), so the lookup reads a few rows.
  const conds: RawBuilder<SqlBool>[] = [];
  if (ids.isbn) conds.push(sql<SqlBool>`s.isbn = ${ids.isbn}`);
  if (ids.doi) conds.push(sql<SqlBool>`s.doi = ${ids.doi}`);
  if (urlKey) conds.push(sql<SqlBool>`s.url_key = ${urlKey}`);
  if (ids.wikidata) conds.push(sql<SqlBool>`s.wikidata = ${ids.wikidata}`);
  if (titleKey) {
    conds.push(sql<SqlBool>`(s.title_key = ${titleKey} and s.first_author_key = ${firstAuthorKey(record.authors)})`);
  }
  if (!conds.length) return [];
  const rows = await db
    .selectFrom('sources as s')
    .select(['s.id', 's.title', 's.isbn', 's.doi', 's.url_key', 's.wikidata', 's.title_key', 's.first_author_key'])
    .where(sql<SqlBool>`(${sql.join(conds, sql` or `)})`)
    .orderBy('s.id')
    .limit(20)
    .execute();
  return rows.map((r) => ({
    id: String(r.id),
    title: r.title,
    reason:
      ids.isbn && r.isbn === ids.isbn
        ? 'isbn'
        : ids.doi && r.doi === ids.doi
          ? 'doi'
          : urlKey && r.url_key === urlKey
            ? 'url'
            : ids.wikidata && r.wikidata === ids.wikidata
              ? 'wikidata'
              : 'title',
  }));
}
