// Names people see (usernames, display names, group names) must show what they are: no characters that reorder
// text (a right-to-left override turns "Nadia\u202Egnp.exe" into "Nadiaexe.png"), no invisible or control
// characters, so two names never differ by something no one can see. What a script needs stays: Arabic,
// Hebrew and every other script are ordinary letters (their direction comes from the letters themselves, never
// from a control); the zero-width joiners where a script or an emoji sequence needs them; a variation selector
// right after the character it varies.
import { z } from 'zod';

/** White space of any kind, read as one space in names; U+FEFF is left out (\s counts it) so it is refused. */
export const NAME_SPACES = /[^\S\ufeff]+/g;

/** What is wrong in a name: the kind, the character as "U+202E", where it is (code units) and its length. */
export type NameProblem = { kind: 'bidi' | 'invisible'; char: string; index: number; length: number };

/** Directional formatting characters: embeddings, overrides, isolates and marks (Unicode's Bidi_Control). */
const BIDI = /\p{Bidi_Control}/u;
/** Controls, format characters, private use, unassigned, lone surrogates, default-ignorables, blank Braille. */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Co}\p{Cn}\p{Cs}\p{Default_Ignorable_Code_Point}\u2800]/u;
const VARIATION_SELECTOR = /\p{Variation_Selector}/u;
/** What a variation selector may follow: a visible character of its own (not a space, mark or another selector). */
const VARIED_BASE = /[\p{L}\p{N}\p{S}\p{P}]/u;
const ZWNJ = '\u200c';
const ZWJ = '\u200d';
/** Viramas (and the like): a zero-width (non-)joiner after one chooses how Indic consonants join. */
const VIRAMA =
  /[\u094d\u09cd\u0a4d\u0acd\u0b4d\u0bcd\u0c4d\u0ccd\u0d3b\u0d3c\u0d4d\u0dca\u0e3a\u0f84\u1039\u103a\u1714\u1734\u17d2\u1a60\u1b44\u1baa\u1bab\u1bf2\u1bf3\ua806\ua8c4\ua953\ua9c0\uaaf6\uabed\u{10a3f}\u{11046}\u{1107f}\u{110b9}\u{11133}\u{111c0}\u{11235}\u{112ea}\u{1134d}\u{11442}\u{114c2}\u{115bf}\u{1163f}\u{116b6}\u{1172b}\u{11839}\u{119e0}\u{11a34}\u{11a47}\u{11a99}\u{11c3f}\u{11d44}\u{11d45}\u{11d97}]/u;
/** Scripts whose letters join: a zero-width non-joiner between two of their letters keeps them apart (Persian). */
const JOINING_LETTER =
  /[\p{Script=Arabic}\p{Script=Syriac}\p{Script=Nko}\p{Script=Mongolian}\p{Script=Mandaic}\p{Script=Adlam}\p{Script=Hanifi_Rohingya}]/u;
const PICTOGRAPH = /\p{Extended_Pictographic}/u;
/** A subdivision flag (🏴 + tag letters + cancel tag), the one place tag characters belong. */
const FLAG_TAGS = /\u{1f3f4}[\u{e0020}-\u{e007e}]+\u{e007f}/gu;

const hex = (ch: string) => `U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;

/** The letter before `i` and after it, stepping over combining marks (they do not break joining). */
function neighbours(chars: string[], i: number): [string, string] {
  let before = i - 1;
  while (before >= 0 && /\p{M}/u.test(chars[before] ?? '')) before--;
  let after = i + 1;
  while (after < chars.length && /\p{M}/u.test(chars[after] ?? '')) after++;
  return [chars[before] ?? '', chars[after] ?? ''];
}

/** Whether a joiner or selector at `i` does what its script or emoji sequence needs (RFC 5892's CONTEXTJ, roughly). */
function belongs(chars: string[], i: number): boolean {
  const ch = chars[i] ?? '';
  const prev = chars[i - 1] ?? '';
  if (VARIATION_SELECTOR.test(ch)) return VARIED_BASE.test(prev);
  if (ch !== ZWNJ && ch !== ZWJ) return false;
  if (VIRAMA.test(prev)) return true;
  if (ch === ZWNJ) {
    const [before, after] = neighbours(chars, i);
    return [before, after].every((c) => JOINING_LETTER.test(c) && /\p{L}/u.test(c));
  }
  // An emoji ZWJ sequence (👩‍💻): a pictograph, perhaps with a selector or skin tone, then another pictograph.
  const base = /[\ufe0f\u{1f3fb}-\u{1f3ff}]/u.test(prev) ? (chars[i - 2] ?? '') : prev;
  return PICTOGRAPH.test(base) && PICTOGRAPH.test(chars[i + 1] ?? '');
}

/** The first character that has no place in a name, and why; null when the name is clean. */
export function nameProblem(name: string): NameProblem | null {
  // Tag characters belong only to a subdivision flag: those are read as the flag alone.
  const flagTags = new Set<number>();
  for (const m of name.matchAll(FLAG_TAGS)) for (let i = 2; i < m[0].length; i++) flagTags.add(m.index + i);
  const chars: string[] = [];
  const starts: number[] = [];
  let at = 0;
  for (const ch of name) {
    if (!flagTags.has(at)) {
      chars.push(ch);
      starts.push(at);
    }
    at += ch.length;
  }
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i] ?? '';
    const where = { char: hex(ch), index: starts[i] ?? 0, length: ch.length };
    if (BIDI.test(ch)) return { kind: 'bidi', ...where };
    if (INVISIBLE.test(ch) && !belongs(chars, i)) return { kind: 'invisible', ...where };
  }
  return null;
}

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** Length as people count it: "👩‍💻" and "क्षि" are one character each, not five. */
export function graphemeLength(text: string): number {
  let n = 0;
  for (const _ of segmenter.segment(text)) n++;
  return n;
}

/** The first `max` graphemes of a text (never half a character). */
export function truncateGraphemes(text: string, max: number): string {
  let out = '';
  let n = 0;
  for (const { segment } of segmenter.segment(text)) {
    if (n++ >= max) break;
    out += segment;
  }
  return out;
}

/**
 * Checks of a name field, after its own normalization: no bidi controls or invisible characters, and a length
 * between `min` and `max` in graphemes. The code units are capped too (8 per grapheme), so a "letter" stacked
 * with hundreds of combining marks is refused as too long.
 */
export function nameChecks(schema: z.ZodString, min: number, max: number) {
  return schema.superRefine((name, ctx) => {
    const issue = (message: string, param: unknown) =>
      ctx.addIssue({ code: 'custom', message, params: { i18n: [param] } });
    const problem = nameProblem(name);
    if (problem)
      return issue(problem.kind === 'bidi' ? 'names-bidi-control' : 'names-invisible-character', problem.char);
    const length = graphemeLength(name);
    if (length === 0 && min > 0) return issue('validation-required', min);
    if (length < min) return issue('validation-too-short', min);
    if (length > max || name.length > max * 8) return issue('validation-too-long', max);
  });
}
