// Confusable skeletons (Unicode UTS #39 §4): two names whose skeletons are equal look alike on screen, like
// "Newcomer" in Latin letters and "Nеwcomer" with a Cyrillic "е". The mappings are Unicode's confusables.txt,
// pinned in unicode/confusables.txt (made by scripts/confusables.mjs); no npm package offered current data
// with the standard's normalization steps. Read once, on first use (6,565 lines, a few milliseconds).
import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../paths';

let prototypes: Map<string, string> | null = null;

function loadPrototypes(): Map<string, string> {
  const map = new Map<string, string>();
  const text = fs.readFileSync(path.join(repoRoot, 'src/server/text/unicode/confusables.txt'), 'utf8');
  for (const line of text.split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const [from = '', to = ''] = line.split(';');
    const char = (hex: string) => String.fromCodePoint(parseInt(hex, 16));
    map.set(char(from), to.split(' ').map(char).join(''));
  }
  return map;
}

const DEFAULT_IGNORABLE = /\p{Default_Ignorable_Code_Point}/gu;

/** UTS #39 skeleton: NFD, default-ignorable characters removed, each character by its prototype, NFD again. */
export function skeleton(text: string): string {
  prototypes ??= loadPrototypes();
  let out = '';
  for (const ch of text.normalize('NFD').replace(DEFAULT_IGNORABLE, '')) out += prototypes.get(ch) ?? ch;
  return out.normalize('NFD');
}

/**
 * The key under which names are compared for looking alike, regardless of letter case as our names are: the
 * skeleton, in lower case, skeletoned again (lower-casing can make a letter that has a prototype, "M" → "m" →
 * "rn"). So "PayPaI" (capital i) meets "paypal", and "Nеwcomer" (Cyrillic е) meets "newcomer".
 */
export const nameSkeleton = (name: string): string => skeleton(skeleton(name).toLowerCase());
