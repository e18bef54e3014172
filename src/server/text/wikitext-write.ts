// Markdown -> wikitext, walking markdown-it's tokens: headings (`#` n times <-> `=` n times), paragraphs, lists
// (`*`, `#`, nested), pipe tables (`{| class="wikitable"`), bold, italics, links (Meta-Wiki's pages as `[[Page|text]]`,
// others as `[url text]`), code, struck text, line breaks; spans and blocks marked `{=mediawiki}` go out verbatim.
// Plain text is escaped so that nothing in it becomes markup.
import MarkdownIt from 'markdown-it';
import { META_WIKI, RAW_ATTR, escapeWikitext, wikiUrl, type WikiMode } from './wikitext-escape';

const md = new MarkdownIt('default', { html: false, linkify: false, typographer: false });
type Token = ReturnType<typeof md.parse>[number];

export interface WriteOptions {
  /**
   * Write spans and blocks marked `{=mediawiki}` verbatim (the default: documents imported from Meta). False for
   * text people typed anywhere else, where such a span is shown as code and nothing can become markup.
   */
  keepWikitext?: boolean;
  /** Levels added to every heading (up to 6): 2 puts a `#` under a page's own level-2 sections, as pages show it. */
  headingShift?: number;
}

/** A Meta-Wiki page title from an address on Meta, or null. */
function metaTitle(href: string): string | null {
  if (!href.startsWith(META_WIKI)) return null;
  let title: string;
  try {
    title = decodeURIComponent(href.slice(META_WIKI.length));
  } catch {
    return null;
  }
  title = title.replace(/_/g, ' ').trim();
  if (title === '' || /[[\]{}|<>\n]|''|~~~|__/.test(title) || title.includes('?')) return null;
  return title;
}

/**
 * Text people typed outside documents is also kept from what MediaWiki reads in plain words: language-converter
 * markup (`-{ }-`) and the magic links `ISBN …`, `RFC …` and `PMID …`. Documents keep them as Meta wrote them.
 */
function defuse(t: string, before: string): string {
  return t
    .replace(/(^|-)\{/g, (m: string, dash: string, at: number) =>
      dash || (at === 0 && before.endsWith('-')) ? `${dash}&#123;` : m,
    )
    .replace(/\b(?:ISBN|RFC|PMID)(?=[\s\u00a0]|&nbsp;|&#)/g, (w) => `&#${w.charCodeAt(0)};${w.slice(1)}`);
}

class Inline {
  out = '';
  /** Whether the output's last character came from plain text (junctions with markup may need escaping). */
  lastText = false;

  constructor(
    readonly mode: WikiMode,
    readonly keep: boolean,
  ) {}

  text(s: string): void {
    if (s === '') return;
    let t = escapeWikitext(s, this.out, this.mode);
    if (!this.keep) t = defuse(t, this.out);
    // A letter right after a link would join its text (MediaWiki's link trail).
    if (this.out.endsWith(']]') && !this.lastText && /^[a-z]/.test(t)) t = `<nowiki/>${t}`;
    this.out += t;
    this.lastText = true;
  }

  markup(s: string): void {
    if (s === '') return;
    const last = this.out.slice(-1);
    // Text ending in `'`, `[` or `{` would join markup starting with the same sign (`''` + `'''`, `[` + `[url`).
    if (this.lastText && last === s[0] && "'[{".includes(last))
      this.out = `${this.out.slice(0, -1)}&#${last.codePointAt(0) as number};`;
    this.out += s;
    this.lastText = false;
  }

  run(tokens: Token[]): void {
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i] as Token;
      switch (t.type) {
        case 'text':
          this.text(t.content);
          break;
        case 'softbreak':
          this.markup('\n');
          break;
        case 'hardbreak':
          this.markup('<br />\n');
          break;
        case 'strong_open':
        case 'strong_close':
          this.markup("'''");
          break;
        case 'em_open':
        case 'em_close':
          this.markup("''");
          break;
        case 's_open':
          this.markup('<s>');
          break;
        case 's_close':
          this.markup('</s>');
          break;
        case 'code_inline': {
          const next = tokens[i + 1];
          if (next?.type === 'text' && next.content.startsWith(RAW_ATTR)) {
            if (this.keep) this.markup(t.content);
            else this.code(t.content);
            next.content = next.content.slice(RAW_ATTR.length);
          } else this.code(t.content);
          break;
        }
        case 'link_open': {
          const end = tokens.findIndex((x, j) => j > i && x.type === 'link_close');
          const inner = tokens.slice(i + 1, end < 0 ? tokens.length : end);
          this.link(String(t.attrGet('href') ?? ''), inner);
          i = end < 0 ? tokens.length : end;
          break;
        }
        case 'image': {
          const src = String(t.attrGet('src') ?? '');
          this.external(md.normalizeLinkText(src), t.children ?? []);
          break;
        }
        default:
          if (t.children) this.run(t.children);
          else if (t.content) this.text(t.content);
      }
    }
  }

  code(content: string): void {
    this.markup('<code>');
    this.text(content);
    this.markup('</code>');
  }

  link(href: string, inner: Token[]): void {
    const title = metaTitle(href);
    if (title !== null) {
      const sub = new Inline('link', this.keep);
      sub.run(inner);
      const plain = inner.every((x) => x.type === 'text') ? inner.map((x) => x.content).join('') : null;
      // A file, a category or another language's prefix would embed, categorize or add an interlanguage link: a
      // leading colon keeps each a plain link.
      const target = /^(?:category|file|image|media|[a-z]{2,3}(?:-[a-z]+)*)\s*:/i.test(title) ? `:${title}` : title;
      this.markup(
        plain === title && target === title && !title.startsWith('/') ? `[[${title}]]` : `[[${target}|${sub.out}]]`,
      );
      return;
    }
    const url = md.normalizeLinkText(href);
    if (/^(?:https?:|ftp:|mailto:|\/\/)/i.test(url)) return this.external(url, inner);
    this.run(inner);
  }

  external(url: string, inner: Token[]): void {
    const sub = new Inline('link', this.keep);
    sub.run(inner);
    this.markup(`[${wikiUrl(url)}${sub.out ? ` ${sub.out}` : ''}]`);
  }
}

function inline(token: Token | undefined, mode: WikiMode, keep: boolean): string {
  const w = new Inline(mode, keep);
  w.run(token?.children ?? []);
  return w.out;
}

/** The index of the token closing the one at `open` (same nesting level). */
function closing(tokens: Token[], open: number): number {
  const t = tokens[open] as Token;
  for (let j = open + 1; j < tokens.length; j++) {
    const x = tokens[j] as Token;
    if (x.level === t.level && x.nesting === -1) return j;
  }
  return tokens.length - 1;
}

/** Text inside <pre>: entities and tags are still read there, and a signature would be signed on saving. */
const escPre = (s: string) =>
  s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/~(?=~~)/g, '&#126;');

function list(tokens: Token[], prefix: string, keep: boolean): string[] {
  const lines: string[] = [];
  const sign = tokens[0]?.type === 'ordered_list_open' ? '#' : '*';
  for (let i = 1; i < tokens.length - 1; i++) {
    const t = tokens[i] as Token;
    if (t.type !== 'list_item_open') continue;
    const end = closing(tokens, i);
    const texts: string[] = [];
    const nested: string[] = [];
    for (let j = i + 1; j < end; j++) {
      const x = tokens[j] as Token;
      if (x.type === 'inline') texts.push(inline(x, 'text', keep).replace(/\n/g, ' '));
      else if (x.type === 'bullet_list_open' || x.type === 'ordered_list_open') {
        const e = closing(tokens, j);
        nested.push(...list(tokens.slice(j, e + 1), prefix + sign, keep));
        j = e;
      } else if (x.type === 'fence' || x.type === 'code_block') texts.push(`<code>${escPre(x.content.trim())}</code>`);
    }
    lines.push(`${prefix}${sign} ${texts.join('<br />')}`.trimEnd(), ...nested);
    i = end;
  }
  return lines;
}

function table(tokens: Token[], keep: boolean): string[] {
  const lines = ['{| class="wikitable"'];
  let row: string[] = [];
  let header = false;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (t.type === 'tr_open') row = [];
    else if (t.type === 'th_open' || t.type === 'td_open') {
      header = t.type === 'th_open';
      const align = /text-align:\s*(\w+)/.exec(String(t.attrGet('style') ?? ''))?.[1];
      const content = inline(tokens[i + 1], header ? 'header-cell' : 'cell', keep).replace(/\n/g, ' ');
      row.push(align ? `style="text-align:${align}" | ${content}` : content);
    } else if (t.type === 'tr_close') {
      if (lines.length > 1) lines.push('|-');
      const sign = header ? '!' : '|';
      lines.push(`${sign} ${row.join(` ${sign}${sign} `)}`.trimEnd());
    }
  }
  lines.push('|}');
  return lines;
}

/** One block of Markdown tokens (from an `_open` to its `_close`, or a single token) as wikitext lines. */
function block(tokens: Token[], keep: boolean, shift = 0): string[] {
  const t = tokens[0] as Token;
  switch (t.type) {
    case 'heading_open': {
      const level = Math.min(6, Number(t.tag.slice(1)) + shift);
      const bar = '='.repeat(level);
      let content = inline(tokens[1], 'text', keep).replace(/\n/g, ' ');
      content = content.replace(/^=/, '&#61;').replace(/=$/, '&#61;');
      return [`${bar} ${content} ${bar}`];
    }
    case 'paragraph_open':
      return [inline(tokens[1], 'text', keep)];
    case 'bullet_list_open':
    case 'ordered_list_open':
      return list(tokens, '', keep);
    case 'table_open':
      return table(tokens, keep);
    case 'hr':
      return ['----'];
    case 'fence':
      if (t.info.trim() === RAW_ATTR && keep) return [t.content.replace(/\n$/, '')];
      return [`<pre>${escPre(t.content.replace(/\n$/, ''))}</pre>`];
    case 'code_block':
      return [`<pre>${escPre(t.content.replace(/\n$/, ''))}</pre>`];
    case 'blockquote_open': {
      const inner = blocksOf(tokens.slice(1, -1), keep).map((b) => b.lines.join('<br />'));
      return [`<blockquote>${inner.join('<br /><br />')}</blockquote>`];
    }
    default:
      return tokens.filter((x) => x.type === 'inline').map((x) => inline(x, 'text', keep));
  }
}

function blocksOf(tokens: Token[], keep: boolean, shift = 0): { start: number; lines: string[] }[] {
  const out: { start: number; lines: string[] }[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    const end = t.nesting === 1 ? closing(tokens, i) : i;
    out.push({ start: t.map?.[0] ?? 0, lines: block(tokens.slice(i, end + 1), keep, shift) });
    i = end;
  }
  return out;
}

/**
 * Markdown as wikitext. Blocks the Markdown separates by a blank line are separated by one; blocks that follow
 * each other directly (a list right under a paragraph) stay together, as one unit of a Translate page.
 */
export function markdownToWikitext(markdown: string, options: WriteOptions = {}): string {
  const source = markdown.replace(/\r\n?/g, '\n');
  const lines = source.split('\n');
  const keep = options.keepWikitext ?? true;
  let out = '';
  for (const b of blocksOf(md.parse(source, {}), keep, options.headingShift ?? 0)) {
    if (out !== '') out += b.start > 0 && (lines[b.start - 1] ?? '').trim() === '' ? '\n\n' : '\n';
    out += b.lines.join('\n');
  }
  return out;
}
