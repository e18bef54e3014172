// Wikitext's inline markup -> Markdown: bold and italics (apostrophes, closed at each line's end as MediaWiki
// does), internal and external links, <br>, <s>, <code>, <nowiki> and entities; anything else (templates, tags,
// comments, magic words, signatures, files and categories) is kept verbatim in a `{=mediawiki}` code span.
import { META_WIKI, RAW_ATTR, codeSpan, entityAt, escapeMarkdown, type MdMode } from './wikitext-escape';

/** Thrown when a kept span would cross a line: the caller keeps the whole block verbatim instead. */
export class NotInline extends Error {}

type Piece = { text: string } | { md: string; emphasis?: 'open' | 'close' };

/** The end (exclusive) of a balanced construct opened at `from` by `open`, or -1. */
function balanced(s: string, from: number, open: string, close: string): number {
  let depth = 0;
  for (let i = from; i < s.length;) {
    if (s.startsWith(open, i)) {
      depth++;
      i += open.length;
    } else if (s.startsWith(close, i)) {
      depth--;
      i += close.length;
      if (depth === 0) return i;
    } else i++;
  }
  return -1;
}

const TAG = /^<(\/?)([A-Za-z][\w-]*)(\s[^<>]*?)?(\/?)>/;
const EXT_LINK = /^\[((?:https?:|ftp:|mailto:|\/\/)[^\s[\]<>"]+)(?:[ \t]+([^\]\n]*))?\]/i;
const RAW_LINK = /^(?:file|image|media|category|[a-z]{2,3}(?:-[a-z]+)*)\s*:/i;

/** Where the tag opened at `from` closes (after its `</name>`), nesting the same name; -1 when it does not. */
function tagEnd(s: string, from: number, name: string): number {
  const re = new RegExp(`<(/?)${name}(?:\\s[^<>]*?)?(/?)>`, 'gi');
  re.lastIndex = from;
  let depth = 0;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    if (m[2]) continue;
    depth += m[1] ? -1 : 1;
    if (depth === 0) return m.index + m[0].length;
  }
  return -1;
}

class Reader {
  pieces: Piece[] = [];
  /** Open emphasis, innermost last. */
  open: ('i' | 'b')[] = [];

  constructor(readonly mode: MdMode) {}

  text(s: string): void {
    const last = this.pieces[this.pieces.length - 1];
    if (last && 'text' in last) last.text += s;
    else this.pieces.push({ text: s });
  }

  md(s: string, emphasis?: 'open' | 'close'): void {
    this.pieces.push(emphasis ? { md: s, emphasis } : { md: s });
  }

  raw(s: string): void {
    if (s.includes('\n')) throw new NotInline();
    if (this.mode === 'cell') s = s.replace(/\|/g, '\\|');
    this.md(`${codeSpan(s)}${RAW_ATTR}`);
  }

  toggle(kind: 'i' | 'b'): void {
    const mark = kind === 'i' ? '*' : '**';
    const at = this.open.lastIndexOf(kind);
    if (at < 0) {
      this.open.push(kind);
      this.md(mark, 'open');
      return;
    }
    const reopen = this.open.slice(at + 1);
    for (const k of [...reopen].reverse()) this.close(k);
    this.close(kind);
    for (const k of reopen) {
      this.open.push(k);
      this.md(k === 'i' ? '*' : '**', 'open');
    }
  }

  close(kind: 'i' | 'b'): void {
    const mark = kind === 'i' ? '*' : '**';
    this.open.splice(this.open.lastIndexOf(kind), 1);
    const last = this.pieces[this.pieces.length - 1];
    if (last && 'md' in last && last.md === mark && last.emphasis === 'open') this.pieces.pop();
    else this.md(mark, 'close');
  }

  closeAll(): void {
    for (const k of [...this.open].reverse()) this.close(k);
  }

  apostrophes(n: number): void {
    if (n === 4) {
      this.text("'");
      n = 3;
    } else if (n > 5) {
      this.text("'".repeat(n - 5));
      n = 5;
    }
    if (n === 2) this.toggle('i');
    else if (n === 3) this.toggle('b');
    else if (this.open.length === 0) {
      this.toggle('i');
      this.toggle('b');
    } else if (this.open.length === 2) {
      this.toggle(this.open[1] as 'i' | 'b');
      this.toggle(this.open[0] as 'i' | 'b');
    } else {
      const other = this.open[0] === 'i' ? 'b' : 'i';
      this.toggle(this.open[0] as 'i' | 'b');
      this.toggle(other);
    }
  }

  /** Reads `s` into pieces. */
  read(s: string): void {
    let i = 0;
    while (i < s.length) {
      const c = s[i] as string;
      const rest = s.slice(i);
      if (c === '\n') {
        this.closeAll();
        this.md('\n');
        i++;
      } else if (c === "'" && rest.startsWith("''")) {
        const n = /^'+/.exec(rest)?.[0].length ?? 2;
        this.apostrophes(n);
        i += n;
      } else if (rest.startsWith('[[')) i = this.internal(s, i);
      else if (c === '[' && EXT_LINK.test(rest)) i = this.external(s, i);
      else if (rest.startsWith('{{')) {
        const end = balanced(s, i, '{{', '}}');
        if (end < 0) {
          this.text('{{');
          i += 2;
        } else {
          this.raw(s.slice(i, end));
          i = end;
        }
      } else if (rest.startsWith('<!--')) {
        const end = s.indexOf('-->', i + 4);
        if (end < 0) throw new NotInline();
        this.raw(s.slice(i, end + 3));
        i = end + 3;
      } else if (c === '<' && TAG.test(rest)) i = this.tag(s, i);
      else if (c === '&' && entityAt(rest)) {
        const e = entityAt(rest) as { char: string; length: number };
        this.text(e.char);
        i += e.length;
      } else if (/^__[A-Z]+__/.test(rest) || rest.startsWith('~~~')) {
        const m = (/^__[A-Z]+__/.exec(rest) ?? /^~{3,5}/.exec(rest)) as RegExpExecArray;
        this.raw(m[0]);
        i += m[0].length;
      } else {
        this.text(c);
        i++;
      }
    }
    this.closeAll();
  }

  internal(s: string, i: number): number {
    const end = s.indexOf(']]', i + 2);
    const body = end < 0 ? '' : s.slice(i + 2, end);
    if (end < 0 || /[[\]{}<\n]/.test(body)) {
      const close = balanced(s, i, '[[', ']]');
      if (close < 0 || s.slice(i, close).includes('\n')) {
        this.text('[[');
        return i + 2;
      }
      this.raw(s.slice(i, close));
      return close;
    }
    const bar = body.indexOf('|');
    const target = (bar < 0 ? body : body.slice(0, bar)).trim();
    const label = bar < 0 ? target.replace(/^:/, '') : body.slice(bar + 1);
    if (target === '' || label === '' || RAW_LINK.test(target) || target.startsWith('#')) {
      this.raw(s.slice(i, end + 2));
      return end + 2;
    }
    const trail = /^[a-z]+/.exec(s.slice(end + 2))?.[0] ?? '';
    const sub = new Reader('link');
    if (bar < 0) sub.text(label);
    else sub.read(label);
    sub.text(trail);
    const url = META_WIKI + target.replace(/^:/, '').replace(/ /g, '_');
    this.md(`[${sub.render()}](${destination(url)})`);
    return end + 2 + trail.length;
  }

  external(s: string, i: number): number {
    const m = EXT_LINK.exec(s.slice(i)) as RegExpExecArray;
    const label = (m[2] ?? '').trim();
    if (label === '') {
      this.raw(m[0]);
      return i + m[0].length;
    }
    const sub = new Reader('link');
    sub.read(label);
    this.md(`[${sub.render()}](${destination(m[1] as string)})`);
    return i + m[0].length;
  }

  tag(s: string, i: number): number {
    const m = TAG.exec(s.slice(i)) as RegExpExecArray;
    const [whole, slash, rawName, attrs, self] = m;
    const name = (rawName as string).toLowerCase();
    const after = i + whole.length;
    if (name === 'br' && !attrs?.trim()) {
      this.md('\\\n');
      return s[after] === '\n' ? after + 1 : after;
    }
    if (name === 'nowiki' && !slash) {
      if (self) return after;
      const end = s.indexOf('</nowiki>', after);
      if (end >= 0) {
        let inner = s.slice(after, end);
        for (let k = 0; k < inner.length; k++) {
          const e = entityAt(inner.slice(k));
          if (e) inner = inner.slice(0, k) + e.char + inner.slice(k + e.length);
        }
        this.text(inner);
        return end + '</nowiki>'.length;
      }
    }
    if ((name === 's' || name === 'del') && !attrs?.trim() && !self) {
      this.md('~~');
      return after;
    }
    if (name === 'code' && !slash && !self && !attrs?.trim()) {
      const end = s.indexOf('</code>', after);
      const inner = end < 0 ? null : s.slice(after, end);
      if (inner !== null && !inner.includes('\n')) {
        const sub = new Reader('text');
        sub.read(inner);
        if (sub.pieces.every((p) => 'text' in p)) {
          const text = sub.pieces.map((p) => ('text' in p ? p.text : '')).join('');
          this.md(this.mode === 'cell' ? codeSpan(text).replace(/\|/g, '\\|') : codeSpan(text));
          return end + '</code>'.length;
        }
      }
    }
    if (slash || self) {
      this.raw(whole);
      return after;
    }
    const end = tagEnd(s, i, name);
    this.raw(s.slice(i, end < 0 ? after : end));
    return end < 0 ? after : end;
  }

  /**
   * Markdown emphasis cannot open before a space or close after one (MediaWiki's `'' a ''` can): spaces move
   * outside the markers.
   */
  private moveSpaces(): void {
    const p = this.pieces;
    for (let k = 0; k < p.length; k++) {
      const piece = p[k] as Piece;
      if (!('md' in piece) || !piece.emphasis) continue;
      if (piece.emphasis === 'open') {
        const next = p[k + 1];
        const lead = next && 'text' in next ? (/^\s+/.exec(next.text)?.[0] ?? '') : '';
        if (lead && next && 'text' in next) {
          next.text = next.text.slice(lead.length);
          p.splice(k, 0, { text: lead });
          k++;
        }
      } else {
        const prev = p[k - 1];
        const trail = prev && 'text' in prev ? (/\s+$/.exec(prev.text)?.[0] ?? '') : '';
        if (trail && prev && 'text' in prev) {
          prev.text = prev.text.slice(0, -trail.length);
          p.splice(k + 1, 0, { text: trail });
        }
      }
    }
  }

  /** The pieces as Markdown, plain text escaped against its neighbours. */
  render(): string {
    this.moveSpaces();
    let out = '';
    this.pieces.forEach((p, k) => {
      if ('md' in p) {
        out += p.md;
        return;
      }
      const next = this.pieces[k + 1];
      const after = next ? ('md' in next ? next.md : next.text) : '';
      // Spaces at a line's start mean nothing in a paragraph (and would hide a `#` from the escaping).
      const text = out === '' || out.endsWith('\n') ? p.text.replace(/^[ \t]+/, '') : p.text;
      out += escapeMarkdown(text, out, after, this.mode);
    });
    // Spaces before a line break would make a hard break in Markdown.
    return out.replace(/[ \t]+\n/g, '\n').replace(/[ \t]+$/, '');
  }
}

/** A link destination as Markdown reads it whole. */
function destination(url: string): string {
  let depth = 0;
  let balancedParens = true;
  for (const ch of url) {
    if (ch === '(') depth++;
    if (ch === ')' && --depth < 0) balancedParens = false;
  }
  if (depth !== 0) balancedParens = false;
  const safe = url.replace(/[\s<>\\]/g, (c) => encodeURIComponent(c));
  return balancedParens ? safe : safe.replace(/[()]/g, (c) => `\\${c}`);
}

/** Inline wikitext (one paragraph, heading text or cell) as Markdown; throws NotInline when it cannot stay inline. */
export function inlineToMarkdown(wikitext: string, mode: MdMode = 'text'): string {
  const r = new Reader(mode);
  r.read(wikitext);
  return r.render();
}
