// A merge of an imported entry into an existing source: the entry fills what the source leaves empty (authors,
// year, publisher, languages, identifiers, summary, skills), never what it already says. An identifier another
// source holds is left out (each identifier names one source).
import { sql } from 'kysely';
import type { SourceAccess, SourceAuthor, SourceKind, SourceRecord } from '../../../../contracts/sources';
import type { Db } from '../../../db/connection';
import { normalizeUrl } from '../identifiers';

export interface SourceRow {
  id: number | string;
  kind: SourceKind;
  title: string;
  authors: SourceAuthor[];
  year: number | null;
  publisher: string | null;
  languages: string[];
  isbn: string | null;
  doi: string | null;
  url: string | null;
  wikidata: string | null;
  access: SourceAccess;
  summary: string;
  skills: string[];
  revision: number;
}

/** Whether another source than `targetId` holds the identifier. */
async function heldElsewhere(trx: Db, column: string, value: string, targetId: number): Promise<boolean> {
  const r = await sql<{ one: number }>`
    select 1 as one from sources where ${sql.ref(column)} = ${value} and id <> ${targetId} limit 1`.execute(trx);
  return r.rows.length > 0;
}

/** The target's record with its empty fields filled from the entry's; the same object when nothing changes. */
export async function mergeInto(
  trx: Db,
  target: SourceRecord,
  entry: SourceRecord,
  targetId: number,
  /** Identifiers already given to a target in this commit (`isbn:…`), so two targets never get the same one. */
  given: Set<string>,
): Promise<SourceRecord> {
  const out: SourceRecord = { ...target, identifiers: { ...target.identifiers } };
  let changed = false;
  const fill = <K extends 'authors' | 'languages' | 'skills'>(field: K) => {
    if (out[field].length === 0 && entry[field].length > 0) {
      out[field] = entry[field];
      changed = true;
    }
  };
  fill('authors');
  fill('languages');
  fill('skills');
  if (out.year === null && entry.year !== null) [out.year, changed] = [entry.year, true];
  if (!out.publisher && entry.publisher) [out.publisher, changed] = [entry.publisher, true];
  if (!out.summary && entry.summary) [out.summary, changed] = [entry.summary, true];
  for (const id of ['isbn', 'doi', 'url', 'wikidata'] as const) {
    const value = entry.identifiers[id];
    if (out.identifiers[id] || !value) continue;
    const column = id === 'url' ? 'url_key' : id;
    const key = id === 'url' ? normalizeUrl(value)?.key : value;
    if (!key || given.has(`${id}:${key}`) || (await heldElsewhere(trx, column, key, targetId))) continue;
    given.add(`${id}:${key}`);
    out.identifiers[id] = value;
    changed = true;
  }
  return changed ? out : target;
}
