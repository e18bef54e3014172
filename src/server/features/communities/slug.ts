// Group slugs: the name in lower case, Unicode letters and digits kept (no transliteration), anything else
// a single '-'. Names are unique regardless of letter case; slugs get -2, -3, … when two names meet.
const MAX = 80;
/** Slugs that would shadow a page of the communities section. */
const RESERVED = new Set(['new', 'languages']);

export function slugBase(name: string): string {
  const s = name
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX)
    .replace(/-+$/, '');
  return s || 'group';
}

export function freeSlug(base: string, taken: Set<string>): string {
  if (!taken.has(base) && !RESERVED.has(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base}-${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/** The key that decides whether a name is taken: NFC, single spaces, lower case. */
export const nameKey = (name: string): string => name.normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase();
