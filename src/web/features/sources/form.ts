// The source form's fields as inputs hold them, and the conversions to and from the API's record.
import type { SourceAuthor, SourceDuplicate, SourceRecord } from '../../../contracts/sources';

/** One author row: a person (family and given names) or an organization (one name). */
export interface AuthorRow {
  type: 'person' | 'organization';
  family: string;
  given: string;
  literal: string;
}

export interface SourceFields {
  kind: string;
  title: string;
  authors: AuthorRow[];
  year: string;
  publisher: string;
  languages: string[];
  isbn: string;
  doi: string;
  url: string;
  wikidata: string;
  access: string;
  summary: string;
  skills: string[];
}

export const emptyAuthor = (): AuthorRow => ({ type: 'person', family: '', given: '', literal: '' });

const authorRow = (a: SourceAuthor): AuthorRow =>
  a.literal !== undefined && a.literal !== ''
    ? { type: 'organization', family: '', given: '', literal: a.literal }
    : { type: 'person', family: a.family ?? '', given: a.given ?? '', literal: '' };

export function fieldsOf(r: SourceRecord | null): SourceFields {
  return {
    kind: r?.kind ?? 'book',
    title: r?.title ?? '',
    authors: r?.authors.length ? r.authors.map(authorRow) : [emptyAuthor()],
    year: r?.year === null || r?.year === undefined ? '' : String(r.year),
    publisher: r?.publisher ?? '',
    languages: [...(r?.languages ?? [])],
    isbn: r?.identifiers.isbn ?? '',
    doi: r?.identifiers.doi ?? '',
    url: r?.identifiers.url ?? '',
    wikidata: r?.identifiers.wikidata ?? '',
    access: r?.access ?? 'open',
    summary: r?.summary ?? '',
    skills: [...(r?.skills ?? [])],
  };
}

const text = (s: string) => (s.trim() === '' ? undefined : s.trim());

/** The API's body: empty author rows and identifiers left out, a year as a number when one was typed. */
export function bodyOf(f: SourceFields): Record<string, unknown> {
  const authors = f.authors
    .map((a) =>
      a.type === 'organization' ? { literal: text(a.literal) } : { family: text(a.family), given: text(a.given) },
    )
    .filter((a) => Object.values(a).some((v) => v !== undefined));
  const identifiers: Record<string, string> = {};
  for (const k of ['isbn', 'doi', 'url', 'wikidata'] as const) {
    const v = text(f[k]);
    if (v !== undefined) identifiers[k] = v;
  }
  const year = f.year.trim();
  return {
    kind: f.kind,
    title: f.title,
    authors,
    // Empty is null, so that an edit clears them; a year that is not a number goes as typed, for the API to name.
    year: year === '' ? null : /^-?\d+$/.test(year) ? Number(year) : year,
    publisher: text(f.publisher) ?? null,
    languages: f.languages,
    identifiers,
    access: f.access,
    summary: f.summary,
    skills: f.skills,
  };
}

/** The duplicates a 409 named (a problem+json extension member), or none. */
export function duplicatesOf(value: unknown): SourceDuplicate[] {
  if (!Array.isArray(value)) return [];
  return value.filter(
    (d): d is SourceDuplicate =>
      typeof d === 'object' && d !== null && typeof (d as SourceDuplicate).id === 'string' && 'title' in d,
  );
}
