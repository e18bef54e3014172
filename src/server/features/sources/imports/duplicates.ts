// Duplicates of an import's entries: an earlier entry of the same file with the same normalized ISBN, DOI, URL
// or Wikidata id, or the same title and first author (the later entry points at the earlier `n`); and sources
// already in the database with the same (found in a few set-based queries, whatever the file's size).
import { sql } from 'kysely';
import type { SourceRecord } from '../../../../contracts/sources';
import type { Db } from '../../../db/connection';
import type { EntryKeys } from './read';

export type DuplicateReason = 'isbn' | 'doi' | 'url' | 'wikidata' | 'title';

export interface EntryDuplicate {
  id: string | null;
  n: number | null;
  title: string;
  reason: DuplicateReason;
}

export interface KeyedEntry {
  n: number;
  record: SourceRecord;
  keys: EntryKeys;
}

/** The keys by which an entry names its work, strongest first. */
function keysOf(e: KeyedEntry): [DuplicateReason, string][] {
  const ids = e.record.identifiers;
  const out: [DuplicateReason, string | null][] = [
    ['isbn', ids.isbn],
    ['doi', ids.doi],
    ['url', e.keys.urlKey],
    ['wikidata', ids.wikidata],
    ['title', e.keys.titleKey ? `${e.keys.titleKey}\u0000${e.keys.firstAuthorKey}` : null],
  ];
  return out.filter((k): k is [DuplicateReason, string] => !!k[1]);
}

/** For each entry that repeats an earlier one of the file: that earlier entry. */
export function duplicatesInFile(entries: readonly KeyedEntry[]): Map<number, EntryDuplicate> {
  const first = new Map<string, KeyedEntry>();
  const found = new Map<number, EntryDuplicate>();
  for (const e of entries) {
    for (const [reason, key] of keysOf(e)) {
      const earlier = first.get(`${reason}:${key}`);
      if (earlier && !found.has(e.n)) found.set(e.n, { id: null, n: earlier.n, title: earlier.record.title, reason });
      if (!earlier) first.set(`${reason}:${key}`, e);
    }
  }
  return found;
}

const IDENTIFIER_COLUMNS = { isbn: 'isbn', doi: 'doi', url: 'url_key', wikidata: 'wikidata' } as const;

/** For each entry: the sources already in the database that name the same work, one per source. */
export async function duplicatesInDatabase(
  db: Db,
  entries: readonly KeyedEntry[],
): Promise<Map<number, EntryDuplicate[]>> {
  const found = new Map<number, EntryDuplicate[]>();
  const note = (n: number, d: EntryDuplicate) => {
    const list = found.get(n) ?? [];
    if (!list.some((x) => x.id === d.id)) list.push(d);
    found.set(n, list);
  };
  for (const [reason, column] of Object.entries(IDENTIFIER_COLUMNS) as [DuplicateReason, string][]) {
    const byValue = new Map<string, number[]>();
    for (const e of entries) {
      const value = reason === 'url' ? e.keys.urlKey : e.record.identifiers[reason as 'isbn' | 'doi' | 'wikidata'];
      if (value) byValue.set(value, [...(byValue.get(value) ?? []), e.n]);
    }
    if (!byValue.size) continue;
    const rows = await sql<{ id: number; title: string; value: string }>`
      select id, title, ${sql.ref(column)} as value from sources
      where ${sql.ref(column)} = any(${sql.val([...byValue.keys()])}::text[])`.execute(db);
    for (const r of rows.rows)
      for (const n of byValue.get(r.value) ?? []) note(n, { id: String(r.id), n: null, title: r.title, reason });
  }
  const titled = entries.filter((e) => e.keys.titleKey);
  if (titled.length) {
    const rows = await sql<{ id: number; title: string; title_key: string; first_author_key: string }>`
      select s.id, s.title, s.title_key, s.first_author_key from sources s
      join unnest(${sql.val(titled.map((e) => e.keys.titleKey))}::text[], ${sql.val(titled.map((e) => e.keys.firstAuthorKey))}::text[])
        as k(title_key, first_author_key)
        on s.title_key = k.title_key and s.first_author_key = k.first_author_key`.execute(db);
    const byKey = new Map<string, number[]>();
    for (const e of titled) {
      const key = `${e.keys.titleKey}\u0000${e.keys.firstAuthorKey}`;
      byKey.set(key, [...(byKey.get(key) ?? []), e.n]);
    }
    for (const r of rows.rows)
      for (const n of byKey.get(`${r.title_key}\u0000${r.first_author_key}`) ?? [])
        note(n, { id: String(r.id), n: null, title: r.title, reason: 'title' });
  }
  return found;
}
