// A source's identifiers, checked and normalized (DECISIONS 17) so that one work has one key whatever way it was
// written: an ISBN-10 or ISBN-13 (hyphens, spaces, an "ISBN" prefix allowed) becomes the ISBN-13's digits with its
// check digit verified; a DOI is lower-cased without its resolver prefix; a URL gets its scheme and host
// lower-cased and loses its fragment, trailing slash and `utm_*` parameters; a Wikidata id is a Q-number.
// Each function answers null for what is not such an identifier: the schema turns that into a 400 naming the field.

/** ISBN-13's check digit over its first twelve digits. */
function isbn13Check(first12: string): string {
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(first12[i]) * (i % 2 === 0 ? 1 : 3);
  return String((10 - (sum % 10)) % 10);
}

/** ISBN-10's check character (0–9 or X) over its first nine digits. */
function isbn10Check(first9: string): string {
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(first9[i]) * (10 - i);
  const c = (11 - (sum % 11)) % 11;
  return c === 10 ? 'X' : String(c);
}

/** The ISBN-13 of an ISBN-10 or ISBN-13 whose check digit is right; null otherwise. */
export function normalizeIsbn(input: string): string | null {
  const s = input
    .trim()
    .replace(/^isbn(?:-1[03])?:?\s*/i, '')
    .replace(/[\s-]/g, '')
    .toUpperCase();
  if (/^\d{13}$/.test(s)) {
    if (!s.startsWith('978') && !s.startsWith('979')) return null;
    return isbn13Check(s.slice(0, 12)) === s[12] ? s : null;
  }
  if (/^\d{9}[\dX]$/.test(s)) {
    if (isbn10Check(s.slice(0, 9)) !== s[9]) return null;
    const first12 = `978${s.slice(0, 9)}`;
    return first12 + isbn13Check(first12);
  }
  return null;
}

/** The DOI `10.<registrant>/<suffix>`, lower-cased, from a bare DOI, `doi:…` or a resolver URL; null otherwise. */
export function normalizeDoi(input: string): string | null {
  let s = input.trim();
  s = s.replace(/^(?:https?:\/\/)?(?:dx\.)?doi\.org\//i, '').replace(/^doi:\s*/i, '');
  try {
    // A resolver URL may carry the DOI percent-encoded.
    if (s.includes('%')) s = decodeURIComponent(s);
  } catch {
    return null;
  }
  s = s.toLowerCase();
  return /^10\.\d{4,9}\/\S+$/.test(s) && s.length <= 300 ? s : null;
}

/**
 * A URL as written (trimmed) and its key for duplicates: http(s) only, scheme and host lower-cased, no fragment,
 * no `utm_*` parameters, no trailing slash. Null for anything else.
 */
export function normalizeUrl(input: string): { url: string; key: string } | null {
  const raw = input.trim();
  if (raw.length > 2000) return null;
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    return null;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
  if (!u.hostname.includes('.') && u.hostname !== 'localhost') return null;
  u.hash = '';
  for (const name of [...u.searchParams.keys()]) if (/^utm_/i.test(name)) u.searchParams.delete(name);
  // URL lower-cases the scheme and host itself; the path keeps its case (paths are case-sensitive).
  const key = u.toString().replace(/\?$/, '').replace(/\/+$/, '').replace(/\/\?/, '?');
  return { url: raw, key };
}

/** A Wikidata item id `Q<number>` (from `Q42`, `q42` or an item's URL); null otherwise. */
export function normalizeWikidata(input: string): string | null {
  const m = /^(?:https?:\/\/(?:www\.)?wikidata\.org\/(?:wiki|entity)\/)?([Qq][1-9]\d{0,11})$/.exec(input.trim());
  return m?.[1] ? m[1].toUpperCase() : null;
}

/** Which kind of identifier a lookup was given, and the identifier normalized. */
export type LookupIdentifier =
  { type: 'doi'; value: string } | { type: 'isbn'; value: string } | { type: 'wikidata'; value: string };

/** Reads what someone pasted into "Add by identifier": a DOI, an ISBN or a Wikidata id; null if none. */
export function readLookupIdentifier(input: string): LookupIdentifier | null {
  const doi = normalizeDoi(input);
  if (doi) return { type: 'doi', value: doi };
  const wikidata = normalizeWikidata(input);
  if (wikidata) return { type: 'wikidata', value: wikidata };
  const isbn = normalizeIsbn(input);
  if (isbn) return { type: 'isbn', value: isbn };
  return null;
}
