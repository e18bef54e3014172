// Finding a language as one types in a language picker: by its name in the interface language, its own name or
// its code, ignoring case and accents; the closest matches first. And how a language reads as a menu item.
import type { LanguageChoice } from '../../contracts/language-autonyms';
import { toBcp47 } from '../../contracts/language-names';

/** Lower case without accents ("Español" and "espanol" meet). */
export const fold = (s: string): string => s.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase('en');

/** How well a language matches: 0 its code, 1 a name starts so, 2 a word of a name starts so, 3 a name holds it. */
function rank(l: LanguageChoice, q: string): number | null {
  if (fold(l.code) === q) return 0;
  const names = [fold(l.name), fold(l.autonym)];
  if (names.some((n) => n.startsWith(q))) return 1;
  if (names.some((n) => n.split(/[\s(),/-]+/u).some((w) => w.startsWith(q)))) return 2;
  if (names.some((n) => n.includes(q)) || fold(l.code).startsWith(q)) return 3;
  return null;
}

/** The languages matching what was typed, best first (in the list's order within a rank), at most `limit`. */
export function searchLanguages(languages: readonly LanguageChoice[], query: string, limit = 100): LanguageChoice[] {
  const q = fold(query.trim());
  if (!q) return [];
  const ranked: { l: LanguageChoice; r: number; i: number }[] = [];
  languages.forEach((l, i) => {
    const r = rank(l, q);
    if (r !== null) ranked.push({ l, r, i });
  });
  return ranked
    .sort((a, b) => a.r - b.r || a.i - b.i)
    .slice(0, limit)
    .map((x) => x.l);
}

export interface LanguageMenuItem {
  value: string;
  label: string;
  supportingText?: string;
  language?: { label?: string; supportingText?: string };
}

/**
 * A language as a Codex menu item or chip: its name in the interface language, then its own name marked with its
 * language (a name the runtime lacks shows the own name alone, marked too).
 */
export function menuItemOf(l: LanguageChoice): LanguageMenuItem {
  const tag = toBcp47(l.code);
  if (l.name === l.autonym) return { value: l.code, label: l.name, language: { label: tag } };
  return { value: l.code, label: l.name, supportingText: l.autonym, language: { supportingText: tag } };
}
