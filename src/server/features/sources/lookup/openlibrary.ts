// An ISBN looked up in Open Library's books API (`/api/books?bibkeys=ISBN:…&jscmd=data&format=json`): an object
// keyed by the bibkey, empty when the book is unknown.
import type { SourceAuthor } from '../../../../contracts/sources';
import type { Config } from '../../../config';
import { baseOf, getJson, lookupFailed, lookupNotFound } from './fetch';

interface OpenLibraryBook {
  title?: unknown;
  subtitle?: unknown;
  authors?: { name?: unknown }[];
  publishers?: { name?: unknown }[];
  publish_date?: unknown;
  notes?: unknown;
}

const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);

/**
 * A person's name as Open Library writes it ("Chimamanda Ngozi Adichie") split at its last space: family name
 * last, as most catalogue names are; one word is kept whole as a literal name.
 */
export function splitName(name: string): SourceAuthor {
  const parts = name.trim().split(/\s+/);
  if (parts.length < 2) return { literal: name.trim() };
  return { family: parts.at(-1)!, given: parts.slice(0, -1).join(' ') };
}

export async function lookupIsbn(config: Config, isbn: string): Promise<Record<string, unknown>> {
  const base = baseOf(config.lookups.openLibraryBase);
  const url = `${base}/api/books?${new URLSearchParams({ bibkeys: `ISBN:${isbn}`, jscmd: 'data', format: 'json' })}`;
  const data = await getJson(config, url);
  if (data === null) throw lookupNotFound();
  if (!data || typeof data !== 'object') throw lookupFailed();
  const book = (data as Record<string, OpenLibraryBook | undefined>)[`ISBN:${isbn}`];
  if (!book || typeof book !== 'object') throw lookupNotFound();
  const title = [text(book.title), text(book.subtitle)].filter(Boolean).join(': ');
  const year = /\b(\d{4})\b/.exec(text(book.publish_date) ?? '')?.[1];
  return {
    kind: 'book',
    title,
    authors: (Array.isArray(book.authors) ? book.authors : [])
      .map((a) => text(a?.name))
      .filter((n): n is string => !!n)
      .map(splitName),
    year: year ? Number(year) : null,
    publisher: text(Array.isArray(book.publishers) ? book.publishers[0]?.name : undefined) ?? null,
    languages: [],
    identifiers: { isbn, doi: null, url: null, wikidata: null },
    // A book found by its ISBN is most often read in a library or bought; the person says otherwise if it is open.
    access: 'library',
    summary: '',
    skills: [],
  };
}
