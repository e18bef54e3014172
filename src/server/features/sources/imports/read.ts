// Entries read: citation-js turns a chunk of entry texts into CSL-JSON items, csl.ts into record bodies, and
// the record schema checks them as it checks a typed record. An entry citation-js cannot read gets no record
// and an error of its own; the rest of the file is read all the same.
import type { ImportFormat, SourceAuthor, SourceKind, SourceRecord } from '../../../../contracts/sources';
import { fieldErrorOfIssue } from '../../../http/errors';
import { cslToRecordInput, type CslItem } from '../exchange/csl';
import { parseEntries } from '../exchange/formats';
import { normalizeUrl } from '../identifiers';
import { authorsText, firstAuthorKey, textKey } from '../keys';
import { recordInput, toRecord } from '../schema';

export interface EntryError {
  field: string;
  message: string;
}

export interface EntryKeys {
  titleKey: string;
  firstAuthorKey: string;
  authorsText: string;
  urlKey: string | null;
}

export interface ReadEntry {
  n: number;
  record: SourceRecord | null;
  errors: EntryError[];
  /** Set for a record without errors: only those can become sources. */
  keys: EntryKeys | null;
}

const UNREADABLE: EntryError = { field: 'entry', message: 'sources-import-entry-unreadable' };

const text = (v: unknown): string => (typeof v === 'string' ? v : '');
const textOrNull = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

/** What was read of an entry with errors, shown beside them so the importer sees what is wrong. */
function recordAsRead(input: Record<string, unknown>): SourceRecord {
  const ids = (input.identifiers ?? {}) as Record<string, unknown>;
  return {
    kind: input.kind as SourceKind,
    title: text(input.title),
    authors: (input.authors as SourceAuthor[]) ?? [],
    year: typeof input.year === 'number' ? input.year : null,
    publisher: textOrNull(input.publisher),
    languages: (input.languages as string[]) ?? [],
    identifiers: {
      isbn: textOrNull(ids.isbn),
      doi: textOrNull(ids.doi),
      url: textOrNull(ids.url),
      wikidata: textOrNull(ids.wikidata),
    },
    access: 'open',
    summary: text(input.summary),
    skills: (input.skills as string[]) ?? [],
  };
}

/** One CSL-JSON item as an entry: its record and keys, or what was read with the record's errors. */
export function entryOfItem(n: number, item: CslItem): ReadEntry {
  let input: Record<string, unknown>;
  try {
    input = cslToRecordInput(item);
  } catch {
    return { n, record: null, errors: [UNREADABLE], keys: null };
  }
  const parsed = recordInput.safeParse(input);
  if (!parsed.success) {
    const errors = parsed.error.issues
      .flatMap((issue) => fieldErrorOfIssue(issue))
      .map(({ field, message }) => ({ field, message }));
    return { n, record: recordAsRead(input), errors, keys: null };
  }
  const record = toRecord(parsed.data);
  const keys: EntryKeys = {
    titleKey: textKey(record.title),
    firstAuthorKey: firstAuthorKey(record.authors),
    authorsText: authorsText(record.authors),
    urlKey: record.identifiers.url ? (normalizeUrl(record.identifiers.url)?.key ?? null) : null,
  };
  return { n, record, errors: [], keys };
}

function parseChunk(format: ImportFormat, preamble: string, texts: readonly string[]): CslItem[] {
  if (format === 'csl-json') return parseEntries(format, `[${texts.join(',')}]`);
  return parseEntries(format, `${preamble}${texts.join('\n\n')}\n`);
}

/**
 * Reads the entries `texts` (numbered from `firstN`) in one call to the parser; when it fails or does not give
 * one item per entry, each entry is read alone, so only the broken ones are marked unreadable.
 */
export function readChunk(
  format: ImportFormat,
  preamble: string,
  texts: readonly string[],
  firstN: number,
): ReadEntry[] {
  let items: CslItem[] | null = null;
  try {
    items = parseChunk(format, preamble, texts);
  } catch {
    items = null;
  }
  if (items && items.length === texts.length) return items.map((item, i) => entryOfItem(firstN + i, item));
  if (texts.length === 1) {
    const only = items?.length === 1 ? items[0] : undefined;
    return [only ? entryOfItem(firstN, only) : { n: firstN, record: null, errors: [UNREADABLE], keys: null }];
  }
  return texts.flatMap((t, i) => readChunk(format, preamble, [t], firstN + i));
}
