// "This source exists already": the same ISBN, DOI, normalized URL or Wikidata id is always a 409 naming the
// existing source; the same title and first author is one too, unless the writer says it is a different work
// (`force`). The unique indexes of 0021 settle a race the check before the write cannot see: two adds of one
// ISBN at once give one 201 and one 409, the loser's unique violation answered like the check's.
import type { SourceDuplicate, SourceRecord } from '../../../../contracts/sources';
import type { Db } from '../../../db/connection';
import { isUniqueViolation } from '../../../db/errors';
import { HttpError } from '../../../http/errors';
import { keysOf, sourcesMatching } from './repo';

type Reason = SourceDuplicate['reason'];
const IDENTIFIERS = ['isbn', 'doi', 'url_key', 'wikidata'] as const;
const REASON: Record<(typeof IDENTIFIERS)[number], Reason> = {
  isbn: 'isbn',
  doi: 'doi',
  url_key: 'url',
  wikidata: 'wikidata',
};

/** The sources the record would duplicate, each with what matched first (an identifier before the title). */
export async function duplicatesOf(db: Db, record: SourceRecord, exceptId: number | null): Promise<SourceDuplicate[]> {
  const k = keysOf(record);
  const rows = await sourcesMatching(db, k, exceptId);
  return rows.map((r) => {
    const id = IDENTIFIERS.find((name) => k[name] !== null && r[name] === k[name]);
    return { id: String(r.id), title: r.title, reason: id ? REASON[id] : 'title' };
  });
}

export const duplicateError = (duplicates: SourceDuplicate[]) =>
  new HttpError(409, 'error-conflict', { detailKey: 'sources-duplicate', extensions: { duplicates } });

/**
 * Refuses the record when it duplicates another source: any identifier match, or a title match unless forced
 * (`titleChanged` false: an edit that keeps the title and first author is not asked again).
 */
export async function refuseDuplicates(
  db: Db,
  record: SourceRecord,
  o: { exceptId: number | null; force: boolean; titleChanged: boolean },
): Promise<void> {
  const found = await duplicatesOf(db, record, o.exceptId);
  const blocking = found.filter((d) => d.reason !== 'title' || (!o.force && o.titleChanged));
  if (blocking.length > 0) throw duplicateError(blocking);
}

/** Runs a write; a unique violation (another write took the identifier meanwhile) becomes the duplicates' 409. */
export async function answeringDuplicates<T>(
  db: Db,
  attempted: () => SourceRecord | undefined,
  exceptId: number | null,
  write: () => Promise<T>,
): Promise<T> {
  try {
    return await write();
  } catch (err) {
    const record = isUniqueViolation(err) ? attempted() : undefined;
    if (!record) throw err;
    const found = (await duplicatesOf(db, record, exceptId)).filter((d) => d.reason !== 'title');
    throw duplicateError(found);
  }
}
