// What the two directions of the Markdown <-> wikitext converter share: the marked span for wikitext kept verbatim,
// the error for unreadable wikitext, Meta's page addresses, and the escaping of plain text for each side (as little
// as needed, so a translator reads `[` and not `&#91;` where a bracket means nothing).

/**
 * Wikitext the converter does not translate into Markdown (templates, `<ref>`, `<tvar>`, comments, parser functions,
 * other tags...) is kept verbatim in Pandoc's raw attribute form: inline as a code span followed by `{=mediawiki}`,
 * a whole block as a fenced block with the info `{=mediawiki}`. Our renderer shows it as code (the suffix hidden),
 * and the export writes it back unchanged.
 */
export const RAW_ATTR = '{=mediawiki}';

/** Internal links `[[Page|text]]` are Markdown links to Meta-Wiki's page of that title. */
export const META_WIKI = 'https://meta.wikimedia.org/wiki/';

export type WikitextErrorReason =
  | 'unclosed-translate'
  | 'unopened-translate'
  | 'nested-translate'
  | 'unclosed-table'
  | 'unclosed-comment'
  | 'unclosed-tag'
  | 'duplicate-marker'
  | 'misplaced-marker';

/** Wikitext that cannot be read: `line` (1-based) names where, `reason` what. */
export class WikitextError extends Error {
  constructor(
    readonly line: number,
    readonly reason: WikitextErrorReason,
  ) {
    super(`${reason} at line ${line}`);
    this.name = 'WikitextError';
  }
}

const ENTITY_AT = /^&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});/;

// --- plain text -> wikitext

export type WikiMode = 'text' | 'link' | 'cell' | 'header-cell';

/**
 * Plain text as wikitext shows it literally. `before` is the output so far (line starts and junctions such as
 * `''` + `'` or `[` + `[` depend on it).
 */
export function escapeWikitext(text: string, before: string, mode: WikiMode): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    const prev = i > 0 ? (text[i - 1] as string) : before.slice(-1);
    const next = text[i + 1] ?? '';
    const lineStart = i === 0 ? before === '' || before.endsWith('\n') : prev === '\n';
    const rest = text.slice(i);
    let esc = false;
    if (c === '<') esc = true;
    else if (c === '&') esc = ENTITY_AT.test(rest);
    else if (c === '[') esc = mode === 'link' || next === '[' || prev === '[' || /^\[(?:[a-z+.-]+:|\/\/)/i.test(rest);
    else if (c === ']') esc = mode === 'link' || next === ']' || prev === ']';
    else if (c === '{') esc = next === '{' || prev === '{' || (lineStart && next === '|');
    else if (c === '}') esc = next === '}' || prev === '}';
    else if (c === "'") esc = next === "'" || prev === "'";
    else if (c === '~') esc = rest.startsWith('~~~');
    else if (c === '_') esc = next === '_';
    else if (c === '|') esc = mode === 'cell' || mode === 'header-cell';
    else if (c === '!') esc = mode === 'header-cell' && (next === '!' || prev === '!');
    else if (lineStart && /[*#:; =]/.test(c)) esc = true;
    else if (lineStart && c === '-') esc = rest.startsWith('----');
    out += esc ? (c === '<' ? '&lt;' : c === '&' ? '&amp;' : `&#${c.codePointAt(0) as number};`) : c;
  }
  return out;
}

/** A URL as wikitext reads it: one address, with nothing in it read as markup. */
export const wikiUrl = (url: string) =>
  url
    .replace(/[^\p{L}\p{N}\-._:/?#@!$&()*+,;=%]/gu, (c) =>
      encodeURIComponent(c).replace(/['~]/g, (x) => `%${x.charCodeAt(0).toString(16).toUpperCase()}`),
    )
    .replace(/''/g, "'%27")
    .replace(/__/g, '_%5F');

// --- plain text -> Markdown

export type MdMode = 'text' | 'link' | 'cell';

const PUNCT = /[!-/:-@[-`{-~]/;
const SPACE = /^$|\s/;
const ALNUM = /[\p{L}\p{N}]/u;
const AUTOLINK_AT = /^<(?:[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*|[\w.+-]+@[\w-]+(?:\.[\w-]+)+)>/;

/**
 * Plain text as Markdown shows it literally, escaped as little as needed. `before` and `after` are the characters
 * around it in the output (emphasis and line starts depend on them).
 */
export function escapeMarkdown(text: string, before: string, after: string, mode: MdMode): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    const prev = i > 0 ? (text[i - 1] as string) : before.slice(-1);
    const next = i + 1 < text.length ? (text[i + 1] as string) : after.slice(0, 1);
    const lineStart = i === 0 ? before === '' || before.endsWith('\n') : prev === '\n';
    const rest = text.slice(i);
    const lineRest = (rest.split('\n', 1)[0] ?? '') + (rest.includes('\n') ? '' : after.split('\n', 1)[0]);
    let esc = false;
    if (c === '\\') esc = next === '' || next === '\n' || PUNCT.test(next);
    else if (c === '`') esc = true;
    else if (c === '*') esc = !(SPACE.test(prev) && SPACE.test(next)) || (lineStart && SPACE.test(next));
    else if (c === '_') esc = !((ALNUM.test(prev) && ALNUM.test(next)) || (SPACE.test(prev) && SPACE.test(next)));
    else if (c === '~') esc = prev === '~' || next === '~';
    else if (c === '[' || c === ']') esc = mode === 'link' || (c === ']' && /[([:]/.test(next));
    else if (c === '<') esc = AUTOLINK_AT.test(rest + after);
    else if (c === '&') esc = ENTITY_AT.test(rest + after);
    else if (c === '|') esc = mode === 'cell';
    else if (lineStart) {
      if (c === '#') esc = /^#{1,6}(?:\s|$)/.test(lineRest);
      else if (c === '-' || c === '+') esc = /^.(?:\s|$)/.test(lineRest) || /^(?:-\s*){3,}$/.test(lineRest);
      else if (c === '>') esc = true;
      else if (c === '=') esc = /^=+\s*$/.test(lineRest);
    }
    if (!esc && lineStart && /^\d{1,9}[.)](?:\s|$)/.test(lineRest) && /\d/.test(c)) {
      const digits = /^\d+/.exec(lineRest)?.[0] ?? '';
      out += `${digits}\\`;
      i += digits.length - 1;
      continue;
    }
    out += esc ? `\\${c}` : c;
  }
  return out;
}

/** A code span around text, its fence longer than any run of backticks inside. */
export function codeSpan(text: string): string {
  const runs = text.match(/`+/g) ?? [];
  const fence = '`'.repeat(Math.max(0, ...runs.map((r) => r.length)) + 1);
  const pad = text.startsWith('`') || text.endsWith('`') || /^ .* $/.test(text) ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

/** A fenced block, its fence longer than any run of backticks at a line start inside. */
export function fencedBlock(text: string, info: string): string {
  const runs = text.match(/^\s*`{3,}/gm) ?? [];
  const fence = '`'.repeat(Math.max(2, ...runs.map((r) => r.trim().length)) + 1);
  return `${fence}${info}\n${text}\n${fence}`;
}

const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  ndash: '–',
  mdash: '—',
  hellip: '…',
  laquo: '«',
  raquo: '»',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  shy: '\u00ad',
  copy: '©',
  reg: '®',
  times: '×',
  middot: '·',
  bull: '•',
  zwj: '\u200d',
  zwnj: '\u200c',
  lrm: '\u200e',
  rlm: '\u200f',
};

/** The character an entity at the start of `s` stands for, and the entity's length; null when none is known. */
export function entityAt(s: string): { char: string; length: number } | null {
  const m = ENTITY_AT.exec(s);
  if (!m) return null;
  const body = m[0].slice(1, -1);
  let char: string | undefined;
  if (body.startsWith('#')) {
    const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
    char = code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : undefined;
  } else char = NAMED[body];
  return char === undefined ? null : { char, length: m[0].length };
}
