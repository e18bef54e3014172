// Wikitext -> Markdown, block by block: blocks are separated by blank lines (as Translate splits a page), except
// inside a table, a comment or a tag that must close; within a block, heading lines, runs of list lines, tables
// and runs of other lines (a paragraph) each convert on their own. A block that cannot be said in Markdown
// (definition lists, preformatted lines, tables with spans or captions...) is kept verbatim in a fenced
// `{=mediawiki}` block.
import { RAW_ATTR, WikitextError, entityAt, fencedBlock, type WikitextErrorReason } from './wikitext-escape';
import { NotInline, inlineToMarkdown } from './wikitext-inline';

export interface WikiBlock {
  lines: string[];
  /** 1-based line of the block's first line. */
  line: number;
}

/** Tags whose content may hold blank lines and that must close. */
const PAIRED = ['pre', 'syntaxhighlight', 'source', 'nowiki', 'ref', 'tvar', 'poem', 'gallery', 'math', 'blockquote'];
const PAIRED_RE = new RegExp(`<(/?)(${PAIRED.join('|')})(?:\\s[^<>]*?)?(/?)>`, 'gi');
const HEADING = /^(={1,6})(.*[^=].*)\1\s*$/;

/** What is open at the end of a line: tables, a comment, tags. */
interface Open {
  tables: number[];
  comment: number | null;
  tags: { name: string; line: number }[];
  /** Templates open (`{{` not yet closed), when counted. */
  braces: number;
}

function track(open: Open, text: string, line: number): void {
  let i = 0;
  while (i < text.length) {
    if (open.comment !== null) {
      const end = text.indexOf('-->', i);
      if (end < 0) return;
      open.comment = null;
      i = end + 3;
      continue;
    }
    const start = text.indexOf('<!--', i);
    const part = start < 0 ? text.slice(i) : text.slice(i, start);
    const first = i === 0;
    if (open.braces >= 0) open.braces = Math.max(0, open.braces + count(part, '{{') - count(part, '}}'));
    if (first && /^\s*\{\|/.test(part)) open.tables.push(line);
    else if (first && /^\s*\|\}/.test(part)) open.tables.pop();
    for (const m of part.matchAll(PAIRED_RE)) {
      if (m[3]) continue;
      const name = (m[2] as string).toLowerCase();
      if (!m[1]) open.tags.push({ name, line });
      else {
        const at = open.tags.map((t) => t.name).lastIndexOf(name);
        if (at >= 0) open.tags.splice(at, 1);
      }
    }
    if (start < 0) return;
    open.comment = line;
    i = start + 4;
  }
}

const count = (s: string, what: string) => s.split(what).length - 1;
const isOpen = (o: Open) => o.tables.length > 0 || o.comment !== null || o.tags.length > 0 || o.braces > 0;

function failOpen(o: Open): never {
  if (o.comment !== null) throw new WikitextError(o.comment, 'unclosed-comment');
  const table = o.tables[0];
  const tag = o.tags[0];
  const reason: WikitextErrorReason =
    table !== undefined && (!tag || table <= tag.line) ? 'unclosed-table' : 'unclosed-tag';
  throw new WikitextError(reason === 'unclosed-table' ? (table as number) : (tag as { line: number }).line, reason);
}

/**
 * Lines into blocks separated by blank lines (not inside anything open); a heading line is a block of its own,
 * and a line `startsBlock` says so starts a new one. `first` is the 1-based number of the first line.
 */
export function splitWikiBlocks(lines: string[], first: number, startsBlock?: (l: string) => boolean): WikiBlock[] {
  // A template may hold blank lines; braces that never close are text, as MediaWiki shows them: read again
  // without counting them.
  return split(lines, first, startsBlock, true) ?? (split(lines, first, startsBlock, false) as WikiBlock[]);
}

function split(
  lines: string[],
  first: number,
  startsBlock: ((l: string) => boolean) | undefined,
  braces: boolean,
): WikiBlock[] | null {
  const blocks: WikiBlock[] = [];
  const open: Open = { tables: [], comment: null, tags: [], braces: braces ? 0 : -1 };
  let current: WikiBlock | null = null;
  const close = () => {
    if (current) blocks.push(current);
    current = null;
  };
  lines.forEach((raw, k) => {
    const line = raw.replace(/\s+$/, '');
    const n = first + k;
    if (!isOpen(open)) {
      if (line.trim() === '') return close();
      if (startsBlock?.(line) || HEADING.test(line.replace(/<!--\s*T:\d+\s*-->/g, '').trim())) {
        const marker = current !== null && (current as WikiBlock).lines.every((l) => startsBlock?.(l));
        if (!marker) close();
      }
    }
    if (current) (current as WikiBlock).lines.push(line);
    else current = { lines: [line], line: n };
    track(open, line, n);
    if (!isOpen(open) && HEADING.test(line.replace(/<!--\s*T:\d+\s*-->/g, '').trim())) close();
  });
  if (open.braces > 0) return null;
  if (isOpen(open)) failOpen(open);
  close();
  return blocks;
}

const raw = (text: string) => fencedBlock(text, RAW_ATTR);

function listToMarkdown(lines: string[]): string | null {
  const out: string[] = [];
  const stack: { sign: string; indent: number; count: number }[] = [];
  for (const line of lines) {
    const m = /^([*#]+)\s*(.*)$/.exec(line);
    if (!m) return null;
    const prefix = m[1] as string;
    if (prefix.length > stack.length + 1) return null;
    // Keep the levels this item shares with the one before; a change of sign starts a new list.
    let keep = 0;
    while (keep < prefix.length - 1 && keep < stack.length && stack[keep]?.sign === prefix[keep]) keep++;
    if (keep < prefix.length - 1) return null;
    const same = stack[prefix.length - 1];
    stack.length = prefix.length - 1;
    const sign = prefix[prefix.length - 1] as string;
    const count = same && same.sign === sign ? same.count + 1 : 1;
    const indent = stack.reduce((w, s) => w + (s.sign === '*' ? 2 : String(s.count).length + 2), 0);
    stack.push({ sign, indent, count });
    const text = inlineToMarkdown(m[2] as string);
    out.push(`${' '.repeat(indent)}${sign === '*' ? '-' : `${count}.`}${text ? ` ${text}` : ''}`);
  }
  return out.join('\n');
}

/** Splits a table row's line into cells at `||` (or `!!`), outside links, templates and tags. */
function cells(text: string, sep: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const two = text.slice(i, i + 2);
    if (two === '[[' || two === '{{') depth++;
    else if ((two === ']]' || two === '}}') && depth > 0) depth--;
    else if (depth === 0 && (two === '||' || two === sep)) {
      out.push(text.slice(start, i));
      start = i + 2;
      i++;
      continue;
    } else continue;
    i++;
  }
  out.push(text.slice(start));
  return out;
}

type Cell = { text: string; align: string | null };

function cell(text: string): Cell | null {
  const parts = cells(text, '||').length === 1 ? splitAttr(text) : null;
  if (!parts) return null;
  const [attrs, content] = parts;
  if (attrs === null) return { text: content.trim(), align: null };
  const m = /^\s*style\s*=\s*"\s*text-align:\s*(left|center|right)\s*;?\s*"\s*$/.exec(attrs);
  return m ? { text: content.trim(), align: m[1] as string } : null;
}

/** A cell's attributes and content (split at a lone `|` outside links and templates). */
function splitAttr(text: string): [string | null, string] {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const two = text.slice(i, i + 2);
    if (two === '[[' || two === '{{') {
      depth++;
      i++;
    } else if ((two === ']]' || two === '}}') && depth > 0) {
      depth--;
      i++;
    } else if (depth === 0 && text[i] === '|') return [text.slice(0, i), text.slice(i + 1)];
  }
  return [null, text];
}

function tableToMarkdown(lines: string[]): string | null {
  const head = /^\{\|\s*(.*)$/.exec(lines[0] ?? '');
  if (!head || !/^(?:class\s*=\s*"wikitable"\s*)?$/.test(head[1] as string)) return null;
  if ((lines[lines.length - 1] ?? '').trim() !== '|}') return null;
  const rows: { header: boolean; cells: Cell[] }[] = [];
  let row: { header: boolean; cells: Cell[] } | null = null;
  for (const line of lines.slice(1, -1)) {
    if (/^\|-\s*$/.test(line)) {
      row = null;
      continue;
    }
    const sign = line[0];
    if ((sign !== '|' && sign !== '!') || line.startsWith('|+') || line.startsWith('|}')) return null;
    const header = sign === '!';
    if (!row) {
      row = { header, cells: [] };
      rows.push(row);
    }
    if (row.header !== header) return null;
    for (const part of cells(line.slice(1), header ? '!!' : '||')) {
      const c = cell(part);
      if (!c) return null;
      row.cells.push(c);
    }
  }
  const [first, ...body] = rows;
  if (!first?.header || body.some((r) => r.header || r.cells.length !== first.cells.length)) return null;
  const md = (c: Cell) => inlineToMarkdown(c.text, 'cell');
  const line = (cs: string[]) => `| ${cs.join(' | ')} |`.replace(/ {2}\|/g, ' |');
  const rule = first.cells.map((c) =>
    c.align === 'left' ? ':---' : c.align === 'center' ? ':---:' : c.align === 'right' ? '---:' : '---',
  );
  return [line(first.cells.map(md)), line(rule), ...body.map((r) => line(r.cells.map(md)))].join('\n');
}

const decode = (s: string) => s.replace(/&[#\w]+;/g, (e) => entityAt(e)?.char ?? e);

/** One piece of a block (a heading line, a list, a table, a paragraph) as Markdown. */
function pieceToMarkdown(kind: 'heading' | 'list' | 'table' | 'para' | 'hr', lines: string[]): string | null {
  const text = lines.join('\n');
  switch (kind) {
    case 'hr':
      return /^-{4,}$/.test(text.trim()) ? '---' : null;
    case 'heading': {
      const m = HEADING.exec(text.trim()) as RegExpExecArray;
      const content = inlineToMarkdown((m[2] as string).trim());
      return content ? `${'#'.repeat((m[1] as string).length)} ${content}` : null;
    }
    case 'list':
      return listToMarkdown(lines);
    case 'table':
      return tableToMarkdown(lines);
    case 'para': {
      if (lines.some((l) => /^[ \t]/.test(l))) return null;
      return inlineToMarkdown(text);
    }
  }
}

/** One block (no blank line inside, or only inside something open) as Markdown. */
export function blockToMarkdown(lines: string[]): string {
  const whole = lines.join('\n');
  const pre = /^<pre>([\s\S]*)<\/pre>$/.exec(whole);
  if (pre && !(pre[1] as string).includes('</pre>')) return fencedBlock(decode(pre[1] as string), '');
  const quote = /^<blockquote>([^\n]*)<\/blockquote>$/.exec(whole);
  if (quote && !/<\/?blockquote/.test(quote[1] as string)) {
    try {
      const inner = inlineToMarkdown(quote[1] as string);
      if (!inner.includes('\n')) return `> ${inner}`;
    } catch (e) {
      if (!(e instanceof NotInline)) throw e;
    }
  }
  const pieces: { kind: 'heading' | 'list' | 'table' | 'para' | 'hr'; lines: string[] }[] = [];
  let depth = 0;
  for (const line of lines) {
    const last = pieces[pieces.length - 1];
    if (depth > 0 || /^\s*\{\|/.test(line)) {
      if (depth === 0) pieces.push({ kind: 'table', lines: [] });
      (pieces[pieces.length - 1] as { lines: string[] }).lines.push(line);
      if (/^\s*\{\|/.test(line)) depth++;
      else if (/^\s*\|\}/.test(line)) depth--;
      continue;
    }
    const kind = HEADING.test(line)
      ? 'heading'
      : /^[*#:;]/.test(line)
        ? 'list'
        : /^-{4,}\s*$/.test(line)
          ? 'hr'
          : 'para';
    if (last && last.kind === kind && (kind === 'list' || kind === 'para')) last.lines.push(line);
    else pieces.push({ kind, lines: [line] });
  }
  const out: string[] = [];
  for (const p of pieces) {
    let md: string | null;
    try {
      md = pieceToMarkdown(p.kind, p.lines);
    } catch (e) {
      if (!(e instanceof NotInline)) throw e;
      md = null;
    }
    if (md === null) return raw(lines.join('\n'));
    out.push(md);
  }
  return out.join('\n');
}

/** Wikitext as Markdown (blocks separated by blank lines). Throws WikitextError when it cannot be read. */
export function wikitextToMarkdown(wikitext: string): string {
  const lines = wikitext.replace(/\r\n?/g, '\n').split('\n');
  return splitWikiBlocks(lines, 1)
    .map((b) => blockToMarkdown(b.lines))
    .filter((t) => t !== '')
    .join('\n\n');
}
