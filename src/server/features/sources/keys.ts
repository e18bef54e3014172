// The keys that find a work already in the database by its title and first author, and the authors as words
// for the search. "The Art of Facilitation" and "the art of facilitation!" by "Ngũgĩ" and "Ngugi" are one key:
// lower-cased, accents and punctuation removed, spaces collapsed (Unicode letters of every script kept).
import type { SourceAuthor } from '../../../contracts/sources';

export function textKey(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The first author's family name, else their literal name (an organization), as a key; '' when none. */
export function firstAuthorKey(authors: readonly SourceAuthor[]): string {
  const first = authors[0];
  if (!first) return '';
  return textKey(first.family ?? first.literal ?? first.given ?? '');
}

/** "Given Family; Literal": what the search reads of the authors. */
export function authorsText(authors: readonly SourceAuthor[]): string {
  return authors
    .map((a) => a.literal ?? [a.given, a.family].filter((s) => s && s.length > 0).join(' '))
    .filter((s) => s.length > 0)
    .join('; ');
}
