// The one Markdown <-> wikitext converter (DECISIONS 13), for documents (import from and export to Meta-Wiki's
// Translate pages) and the initiatives' wikitext export.
//
// Mapping: Markdown headings keep their level (`## x` <-> `== x ==`, `#` <-> `=`), paragraphs, lists (`-` <-> `*`,
// `1.` <-> `#`, nested by indentation <-> by repeated signs), pipe tables <-> `{| class="wikitable"` (a header row
// first; column alignment <-> `style="text-align:..."`), `**bold**` <-> `'''bold'''`, `*italics*` <-> `''italics''`,
// `[text](https://meta.wikimedia.org/wiki/Page)` <-> `[[Page|text]]`, `[text](url)` <-> `[url text]`, inline code
// <-> `<code>`, `~~struck~~` <-> `<s>`, hard breaks <-> `<br />`, code blocks <-> `<pre>`, `---` <-> `----`.
// Anything else is kept verbatim, in Pandoc's raw attribute form: `` `{{Template}}`{=mediawiki} `` inline, a fenced
// block with the info `{=mediawiki}` for a whole block (definition lists, tables with spans, multi-line templates).
// Markdown written as wikitextToMarkdown writes it comes back identical through markdownToWikitext; other spellings
// (`_x_`, `+` items) come back in that form.
//
// Translate pages: readTranslatePage takes the units inside `<translate>` with the ids of their `<!--T:n-->` markers;
// writeTranslatePage writes units back with those markers, as Translate does.
import { kindOf, type MarkedBlock } from './units';
import { WikitextError } from './wikitext-escape';
import { blockToMarkdown, splitWikiBlocks } from './wikitext-read';

export { RAW_ATTR, META_WIKI, WikitextError, type WikitextErrorReason } from './wikitext-escape';
export { markdownToWikitext, type WriteOptions } from './wikitext-write';
export { wikitextToMarkdown } from './wikitext-read';
import { markdownToWikitext } from './wikitext-write';

const TRANSLATE_TAG = /<translate(?:\s+nowrap)?\s*>|<\/translate\s*>/g;
const LANGUAGES = /<languages\s*\/?>/g;
const MARKER = /<!--\s*T:(\d+)\s*-->/;
const MARKER_LINE = /^\s*<!--\s*T:\d+\s*-->\s*$/;

interface Section {
  inside: boolean;
  /** 1-based line of the section's first line. */
  line: number;
  lines: string[];
}

/** The text cut at `<translate>` and `</translate>` into sections inside and outside. */
function sections(text: string): Section[] {
  const out: Section[] = [];
  const lineAt = (offset: number) => text.slice(0, offset).split('\n').length;
  let inside = false;
  let openedAt = 0;
  let from = 0;
  const push = (to: number) => {
    const body = text.slice(from, to);
    out.push({ inside, line: lineAt(from), lines: body.split('\n') });
  };
  for (const m of text.matchAll(TRANSLATE_TAG)) {
    const closing = m[0].startsWith('</');
    if (closing && !inside) throw new WikitextError(lineAt(m.index), 'unopened-translate');
    if (!closing && inside) throw new WikitextError(lineAt(m.index), 'nested-translate');
    push(m.index);
    inside = !closing;
    if (inside) openedAt = m.index;
    from = m.index + m[0].length;
  }
  if (inside) throw new WikitextError(lineAt(openedAt), 'unclosed-translate');
  push(text.length);
  // A page without <translate> is read whole, as plain wikitext.
  if (out.length === 1 && out[0]) out[0].inside = true;
  return out;
}

/** Text outside `<translate>` that the reader leaves aside (navigation templates, categories...). */
export interface IgnoredText {
  line: number;
  text: string;
}

/**
 * Reads a Translate page: the units inside `<translate>` (blocks separated by blank lines, a heading a block of its
 * own), each with the id of its `<!--T:n-->` marker (null when it has none) and its text as Markdown. A page without
 * `<translate>` is read whole. Throws WikitextError (with the 1-based line) when the page cannot be read.
 */
export function readTranslatePage(wikitext: string): { units: MarkedBlock[]; ignored: IgnoredText[] } {
  const text = wikitext.replace(/\r\n?/g, '\n').replace(LANGUAGES, '');
  const units: MarkedBlock[] = [];
  const ignored: IgnoredText[] = [];
  const seen = new Set<number>();
  for (const section of sections(text)) {
    if (!section.inside) {
      const rest = section.lines.join('\n').trim();
      if (rest) ignored.push({ line: section.line + section.lines.findIndex((l) => l.trim() !== ''), text: rest });
      continue;
    }
    for (const block of splitWikiBlocks(section.lines, section.line, (l) => MARKER_LINE.test(l))) {
      const lines = [...block.lines];
      let id: number | null = null;
      let line = block.line;
      const first = lines[0] ?? '';
      const lead = /^\s*<!--\s*T:(\d+)\s*-->\s*/.exec(first);
      if (lead) {
        id = Number(lead[1]);
        const restOfLine = first.slice(lead[0].length);
        if (restOfLine.trim() === '') {
          lines.shift();
          line++;
        } else lines[0] = restOfLine;
      } else if (lines.length === 1) {
        const tail = /^(=.*=)\s*<!--\s*T:(\d+)\s*-->\s*$/.exec(first);
        if (tail) {
          id = Number(tail[2]);
          lines[0] = (tail[1] as string).trimEnd();
        }
      }
      const stray = lines.findIndex((l) => MARKER.test(l));
      if (stray >= 0) throw new WikitextError(line + stray, 'misplaced-marker');
      if (lines.every((l) => l.trim() === '')) continue;
      if (id !== null) {
        if (seen.has(id)) throw new WikitextError(block.line, 'duplicate-marker');
        seen.add(id);
      }
      const markdown = blockToMarkdown(lines);
      if (markdown === '') continue;
      units.push({ id, kind: kindOf(markdown), text: markdown, line });
    }
  }
  return { units, ignored };
}

/**
 * Units as a Translate page for Meta-Wiki: `<languages/>`, then one `<translate>` holding every unit, its marker on
 * the line above it (at the end of the line for a heading), units separated by blank lines.
 */
export function writeTranslatePage(units: readonly { id: number; text: string }[]): string {
  const blocks = units.map((u) => {
    const wikitext = markdownToWikitext(u.text).trim();
    if (kindOf(u.text) === 'heading' && !wikitext.includes('\n')) return `${wikitext} <!--T:${u.id}-->`;
    return `<!--T:${u.id}-->\n${wikitext}`;
  });
  return `<languages/>\n<translate>\n${blocks.join('\n\n')}\n</translate>\n`;
}
