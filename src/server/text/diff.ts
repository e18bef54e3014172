// What changed between two texts, by jsdiff (`diff`): a line diff (guides' source changes: parts of one line each
// so the page can mark every line) and a word diff (documents' units, revisions compared), as DiffPart[].
import { diffArrays, diffWords as jsdiffWords } from 'diff';

export interface DiffPart {
  op: 'same' | 'added' | 'removed';
  text: string;
}

const opOf = (c: { added?: boolean; removed?: boolean }): DiffPart['op'] =>
  c.added ? 'added' : c.removed ? 'removed' : 'same';

export function diffLines(before: string[], after: string[]): DiffPart[] {
  return diffArrays(before, after).flatMap((change) => change.value.map((text) => ({ op: opOf(change), text })));
}

export const diffText = (before: string, after: string): DiffPart[] => diffLines(before.split('\n'), after.split('\n'));

// Word segmenters by language, made once each (a handful of languages are ever asked for).
const segmenters = new Map<string, Intl.Segmenter>();

function segmenter(lang: string | undefined): Intl.Segmenter {
  const key = lang ?? 'en';
  let s = segmenters.get(key);
  if (!s) {
    try {
      s = new Intl.Segmenter(key, { granularity: 'word' });
    } catch {
      s = new Intl.Segmenter('en', { granularity: 'word' });
    }
    if (segmenters.size < 200) segmenters.set(key, s);
  }
  return s;
}

/** Parts of one op next to each other as one part; empty parts dropped. */
function merge(parts: DiffPart[]): DiffPart[] {
  const out: DiffPart[] = [];
  for (const p of parts) {
    if (p.text === '') continue;
    const last = out[out.length - 1];
    if (last && last.op === p.op) last.text += p.text;
    else out.push({ ...p });
  }
  return out;
}

/**
 * A word diff. Words are cut by `Intl.Segmenter` in the text's language, so scripts written without spaces
 * (Chinese, Japanese, Thai, Lao, Khmer, Burmese) diff by word too, and so do scripts jsdiff's own tokenizer
 * reads letter by letter (Arabic, Cyrillic, Devanagari...). Whitespace between words rides along with them.
 */
export function diffWords(before: string, after: string, lang?: string): DiffPart[] {
  const changes = jsdiffWords(before, after, { intlSegmenter: segmenter(lang) });
  return merge(changes.map((c) => ({ op: opOf(c), text: c.value })));
}
