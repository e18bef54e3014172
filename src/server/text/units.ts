// A text split into units as MediaWiki's Translate extension splits a page: blocks separated by blank lines,
// a heading always a unit of its own, a list or a table whole. Units keep their ids through edits by markers
// (`<!--T:n-->`) written on the line before each block: a block keeping its marker keeps its id.
export type BlockKind = 'heading' | 'paragraph' | 'list' | 'table' | 'other';

export interface Block {
  kind: BlockKind;
  /** Markdown, trimmed, without markers. */
  text: string;
}

export interface MarkedBlock extends Block {
  /** The id its marker gave, or null for a new block. */
  id: number | null;
  /** 1-based line of the block's first line in the text read (for error messages). */
  line: number;
}

/** A text whose markers cannot be read (a marker given twice): the line names where. */
export class MarkerError extends Error {
  constructor(
    readonly line: number,
    readonly reason: 'duplicate-marker',
  ) {
    super(`${reason} at line ${line}`);
  }
}

const MARKER = /<!--\s*T:(\d+)\s*-->/;
const MARKER_G = /[ \t]*<!--\s*T:(\d+)\s*-->[ \t]*/g;
const HEADING = /^#{1,6}\s/;
const LIST_ITEM = /^\s*(?:[-*+]|\d+[.)])\s/;
const TABLE_ROW = /^\s*\|/;
const FENCE = /^\s*(```|~~~)/;

export function kindOf(text: string): BlockKind {
  const first = text.split('\n', 1)[0] ?? '';
  if (HEADING.test(first) && !text.includes('\n')) return 'heading';
  if (LIST_ITEM.test(first)) return 'list';
  if (TABLE_ROW.test(first)) return 'table';
  if (FENCE.test(first) || first.startsWith('<')) return 'other';
  return 'paragraph';
}

interface RawBlock {
  lines: string[];
  line: number;
}

/** Blocks separated by blank lines; a fenced code block stays whole; a heading line is a block of its own. */
function rawBlocks(text: string): RawBlock[] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const blocks: RawBlock[] = [];
  let current: RawBlock | null = null;
  let fence: string | null = null;
  const close = () => {
    if (current) blocks.push(current);
    current = null;
  };
  lines.forEach((raw, i) => {
    const line = raw.replace(/\s+$/, '');
    const fenceMark = FENCE.exec(line)?.[1];
    if (fence) {
      current?.lines.push(line);
      if (fenceMark === fence) fence = null;
      return;
    }
    if (line.trim() === '') return close();
    const bare = line.replace(MARKER_G, '').trim();
    // A marker alone on its line starts the next block (Translate writes it above paragraphs).
    if (bare === '' && MARKER.test(line)) {
      close();
      current = { lines: [line], line: i + 1 };
      return;
    }
    if (HEADING.test(bare)) {
      const startsOwn =
        current !== null && (current as RawBlock).lines.every((l) => l.replace(MARKER_G, '').trim() === '');
      if (!startsOwn) close();
      if (current) (current as RawBlock).lines.push(line);
      else current = { lines: [line], line: i + 1 };
      close();
      return;
    }
    if (fenceMark) fence = fenceMark;
    if (current) (current as RawBlock).lines.push(line);
    else current = { lines: [line], line: i + 1 };
  });
  close();
  return blocks;
}

/** Reads a text with or without markers into blocks, each with the id its marker gave (null when none). */
export function readMarked(text: string): MarkedBlock[] {
  const seen = new Set<number>();
  const out: MarkedBlock[] = [];
  for (const block of rawBlocks(text)) {
    const joined = block.lines.join('\n');
    const ids = [...joined.matchAll(new RegExp(MARKER.source, 'g'))].map((m) => Number(m[1]));
    const body = block.lines
      .map((l) => l.replace(MARKER_G, ''))
      .filter((l, i) => !(i === 0 && l.trim() === ''))
      .join('\n')
      .trim();
    if (body === '') continue;
    const id = ids[0] ?? null;
    if (id !== null) {
      if (seen.has(id)) throw new MarkerError(block.line, 'duplicate-marker');
      seen.add(id);
    }
    out.push({ id, kind: kindOf(body), text: body, line: block.line });
  }
  return out;
}

/** Splits Markdown into blocks, ignoring any markers. */
export const splitBlocks = (text: string): Block[] => readMarked(text).map(({ kind, text: t }) => ({ kind, text: t }));

/** The text with a marker line before each unit: what admins edit whole, read back by readMarked. */
export const writeMarked = (units: readonly { id: number; text: string }[]): string =>
  units.map((u) => `<!--T:${u.id}-->\n${u.text}`).join('\n\n') + '\n';
