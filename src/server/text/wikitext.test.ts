// The Markdown <-> wikitext converter and Translate pages, checked against wikiparser-node (a development
// dependency only): what we write parses as the structure we meant, and our reader agrees with it on a
// real-looking Translate page (fixtures/ldn-translate.wiki, from the Leadership Development Network's page).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import Parser from 'wikiparser-node';
import {
  WikitextError,
  markdownToWikitext,
  readTranslatePage,
  wikitextToMarkdown,
  writeTranslatePage,
} from './wikitext';

const fixture = readFileSync(new URL('./fixtures/ldn-translate.wiki', import.meta.url), 'utf8');

/** Markdown as wikitextToMarkdown writes it: each comes back identical through wikitext. */
const CANONICAL = [
  '# Title level',
  '## Leadership',
  '###### Deepest *heading*',
  'A plain paragraph.',
  'Two lines\nof one paragraph.',
  'Some **bold**, some *italics*, ***both*** and **bold with *italics* inside**.',
  'A [link to Meta](https://meta.wikimedia.org/wiki/Leadership_Development_Working_Group) and one [elsewhere](https://example.org/path?q=1&x=2).',
  'The [plan](https://meta.wikimedia.org/wiki/Special:MyLanguage/Leadership_Development_Plan#Syllabus) and [Résumé](https://example.org/é).',
  '[Leadership Development Network](https://meta.wikimedia.org/wiki/Leadership_Development_Network)',
  'A [**bold** link](https://example.org) here.',
  '- one\n- two\n- three',
  '- one\n  - nested\n    - deeper\n- two',
  '1. first\n2. second\n   - a bullet inside\n3. third',
  '- bullet\n  1. numbered inside\n  2. again',
  '| A | B |\n| --- | --- |\n| 1 | 2 |',
  '| Left | Centre | Right |\n| :--- | :---: | ---: |\n| a | **b** | [c](https://example.org) |',
  '| Name | Note |\n| --- | --- |\n| x \\| y | `{{tpl\\|a}}`{=mediawiki} |',
  'Kept `{{ll|Grants:Programs|MSIG}}`{=mediawiki} and a note.`<ref>Source</ref>`{=mediawiki}',
  'A `<tvar name="url">https://t.me/x</tvar>`{=mediawiki} variable.',
  '```{=mediawiki}\n;Term\n:Definition\n```',
  '```{=mediawiki}\n{{Template\n|a=1\n}}\n```',
  'Line one\\\nline two',
  '`inline code` and ~~struck~~ text.',
  '```\nconst a = 1 < 2 && b;\n```',
  '---',
  '> A quotation.',
  'Literal signs: 2 * 3, snake_case, [1], {{not a template}}, a|b, 50%, #hash, C#.',
  "Quotes ''not italic'' and '''not bold''', <b>not a tag</b>, a \\&amp; entity.",
  'Escaped \\*stars\\*, \\_under\\_, \\`tick\\`, a[x\\](y) non-link.',
  '\\# not a heading',
  '\\- not a list',
  '1\\. not a list',
  'Arabic: القيادة **المشتركة** و[رابط](https://meta.wikimedia.org/wiki/Special:MyLanguage/LDN).',
  'Chinese: 领导力发展网络的*成员*。',
  'A paragraph\n- with a list right under it',
  '```\ncode with\n\na blank line\n```',
  '```{=mediawiki}\n{{Template\n\n|a=1\n}}\n```',
];

/** Other spellings: the first trip gives the canonical form, the second changes nothing. */
const OTHER_SPELLINGS = [
  '_x_ and __y__',
  '* star\n+ plus',
  '1) one\n2) two',
  'Text with trailing spaces  \nhard break',
  '[x](https://meta.wikimedia.org/wiki/A%20B)',
  '<https://example.org>',
  '1. one\n1. one again',
];

const trip = (md: string) => wikitextToMarkdown(markdownToWikitext(md));

describe('Markdown -> wikitext', () => {
  it.each([
    ['## Heading', '== Heading =='],
    ['# One', '= One ='],
    ['**b** *i*', "'''b''' ''i''"],
    ['- a\n  - b\n- c', '* a\n** b\n* c'],
    ['1. a\n   - b', '# a\n#* b'],
    ['[t](https://meta.wikimedia.org/wiki/Leadership_Development_Plan)', '[[Leadership Development Plan|t]]'],
    ['[Page](https://meta.wikimedia.org/wiki/Page)', '[[Page]]'],
    ['[t](https://example.org/a)', '[https://example.org/a t]'],
    ['`{{x|y}}`{=mediawiki}', '{{x|y}}'],
    [
      '| A | B |\n| --- | ---: |\n| 1 | 2 |',
      '{| class="wikitable"\n! A !! style="text-align:right" | B\n|-\n| 1 || style="text-align:right" | 2\n|}',
    ],
    ['[Page](https://meta.wikimedia.org/wiki/Page)s', '[[Page]]<nowiki/>s'],
  ])('%j -> %j', (md, wikitext) => {
    expect(markdownToWikitext(md)).toBe(wikitext);
  });

  it('escapes text so nothing in it becomes markup', () => {
    const md =
      "{{Delete}} \\[\\[Page]] \\[https://x.org y] ''i'' '''b''' ~~~~ \\_\\_NOTOC\\_\\_ <ref>r</ref> \\&amp; {|";
    const wikitext = markdownToWikitext(md);
    const root = Parser.parse(wikitext);
    for (const type of ['template', 'link', 'ext-link', 'quote', 'ext', 'double-underscore', 'table'])
      expect(root.querySelectorAll(type).map(String)).toEqual([]);
    expect(wikitext).not.toContain('~~~');
    const once = wikitextToMarkdown(wikitext);
    expect(trip(once)).toBe(once);
    expect(once.replace(/\\/g, '')).toBe(md.replace(/\\/g, ''));
  });

  it('keeps wikitext verbatim only when asked, else shows it as code', () => {
    expect(markdownToWikitext('a `{{x}}`{=mediawiki}', { keepWikitext: false })).toBe(
      'a <code>&#123;&#123;x&#125;&#125;</code>',
    );
    expect(markdownToWikitext('```{=mediawiki}\n{{x}}\n```', { keepWikitext: false })).toBe('<pre>{{x}}</pre>');
  });

  it('writes an apostrophe beside italics as one entity, so no stray `&#39` shows', () => {
    expect(markdownToWikitext("'*x*' and l'*x*")).toBe("&#39;''x''&#39; and l&#39;''x''");
    expect(markdownToWikitext("**b**'s *i*'")).toBe("'''b'''&#39;s ''i''&#39;");
  });

  it("keeps language-converter markup and magic links as text in people's text, and as written in documents", () => {
    const md = 'A -{zh-hans:x}- rule, ISBN 9780306406157, RFC 1234 and PMID 42';
    const wikitext = markdownToWikitext(md, { keepWikitext: false });
    expect(wikitext).toBe('A -&#123;zh-hans:x}- rule, &#73;SBN 9780306406157, &#82;FC 1234 and &#80;MID 42');
    const root = Parser.parse(wikitext);
    for (const type of ['converter', 'magic-link']) expect(root.querySelectorAll(type).map(String)).toEqual([]);
    expect(markdownToWikitext(md)).toBe(md);
  });

  it('links to categories, files and other languages with a leading colon, and shifts headings when asked', () => {
    const md =
      '[the category](https://meta.wikimedia.org/wiki/Category:Leadership) [fr](https://meta.wikimedia.org/wiki/fr:Page)';
    const wikitext = markdownToWikitext(md);
    expect(wikitext).toBe('[[:Category:Leadership|the category]] [[:fr:Page|fr]]');
    expect(wikitextToMarkdown(wikitext)).toBe(md);
    expect(wikitextToMarkdown('[[Category:Leadership]] [[fr:Page]]')).toBe(
      '`[[Category:Leadership]]`{=mediawiki} `[[fr:Page]]`{=mediawiki}',
    );
    expect(markdownToWikitext('# One\n\n##### Five', { headingShift: 2 })).toBe('=== One ===\n\n====== Five ======');
    expect(markdownToWikitext('```\n~~~~ & <b>\n```')).toBe('<pre>&#126;&#126;~~ &amp; &lt;b></pre>');
  });

  it('writes what wikiparser-node reads as the structure meant', () => {
    const md = [
      '## Section',
      'Intro with **bold**, *italics*, a [Meta link](https://meta.wikimedia.org/wiki/Talk:LDN) and [another](https://example.org).',
      '- one\n  - one.one\n- two',
      '1. first\n2. second',
      '| H1 | H2 | H3 |\n| --- | --- | --- |\n| a | b | c |\n| d | e | f |',
      '### Sub *section*',
      'Kept `{{ll|Page}}`{=mediawiki}.',
    ].join('\n\n');
    const root = Parser.parse(markdownToWikitext(md));
    expect(
      root.querySelectorAll('heading').map((h) => [
        (h as unknown as { level: number }).level,
        h
          .text()
          .replace(/^=+|=+$/g, '')
          .trim(),
      ]),
    ).toEqual([
      [2, 'Section'],
      [3, "Sub ''section''"],
    ]);
    expect(root.querySelectorAll('list').map(String)).toEqual(['* ', '** ', '* ', '# ', '# ']);
    const cells = root
      .querySelectorAll('td')
      .map((c) => [
        (c as unknown as { subtype: string }).subtype,
        String((c as unknown as { innerText: string }).innerText).trim(),
      ]);
    expect(cells.filter(([k]) => k === 'th').map(([, t]) => t)).toEqual(['H1', 'H2', 'H3']);
    expect(cells.filter(([k]) => k === 'td').map(([, t]) => t)).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
    expect(root.querySelectorAll('link').map((l) => String((l as unknown as { name: string }).name))).toEqual([
      'Talk:LDN',
    ]);
    expect(root.querySelectorAll('ext-link').length).toBe(1);
    expect(root.querySelectorAll('template').length).toBe(1);
    expect(root.querySelectorAll('quote').map(String)).toEqual(["'''", "'''", "''", "''", "''", "''"]);
  });
});

describe('wikitext -> Markdown', () => {
  it.each([
    ['== Heading ==', '## Heading'],
    ["'''''both''''' ''i'' '''b'''", '***both*** *i* **b**'],
    [
      '[[Page]]s and [[Page|the page]]',
      '[Pages](https://meta.wikimedia.org/wiki/Page) and [the page](https://meta.wikimedia.org/wiki/Page)',
    ],
    ['[https://example.org site]', '[site](https://example.org)'],
    ['[https://example.org]', '`[https://example.org]`{=mediawiki}'],
    ['[[File:X.jpg|thumb]] [[Category:Y]]', '`[[File:X.jpg|thumb]]`{=mediawiki} `[[Category:Y]]`{=mediawiki}'],
    ['a <!-- note --> b __TOC__', 'a `<!-- note -->`{=mediawiki} b `__TOC__`{=mediawiki}'],
    ['&#91;x&#93; <nowiki>[[y]]</nowiki> &lt;b&gt;', '[x] [[y]] <b>'],
    ["''open italics\nnext line", '*open italics*\nnext line'],
    [
      '{| class="wikitable"\n|+ Caption\n! A\n|-\n| 1\n|}',
      '```{=mediawiki}\n{| class="wikitable"\n|+ Caption\n! A\n|-\n| 1\n|}\n```',
    ],
    ['{|\n! A\n|-\n| colspan="2" | 1\n|}', '```{=mediawiki}\n{|\n! A\n|-\n| colspan="2" | 1\n|}\n```'],
    ['{|\n! A\n! B\n|-\n| 1\n| 2\n|}', '| A | B |\n| --- | --- |\n| 1 | 2 |'],
    [' preformatted', '```{=mediawiki}\n preformatted\n```'],
    ["a '' b '' c and ''' Bold:''' text", 'a  *b*  c and  **Bold:** text'],
    ["''' # not a heading'''", '**# not a heading**'],
    ["# a list item\n ''' pre'''", "```{=mediawiki}\n# a list item\n ''' pre'''\n```"],
    ['<pre>a < b</pre>', '```\na < b\n```'],
  ])('%j -> %j', (wikitext, md) => {
    expect(wikitextToMarkdown(wikitext)).toBe(md);
  });
});

describe('round trips', () => {
  it('gives back canonical Markdown unchanged', () => {
    for (const md of CANONICAL) expect(trip(md), md).toBe(md);
  });

  it('gives back paragraphs, headings, items and cells made of random canonical pieces (seeded)', () => {
    const pieces = [
      'word',
      '**bold**',
      '*it*',
      '[link](https://example.org/a)',
      '[Meta](https://meta.wikimedia.org/wiki/Some_Page)',
      '`{{t|x}}`{=mediawiki}',
      '`code`',
      'a_b',
      '2 * 3',
      '[1]',
      "it's",
      '50%',
      '"q"',
      '~~s~~',
      '(paren)',
      'é',
      'القيادة',
      '领导力',
      '&',
      '<x>',
      'x\\_',
      '#tag',
      '!',
      '—',
      ':',
      ';',
    ];
    let seed = 42;
    const rnd = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    for (let i = 0; i < 2000; i++) {
      const seps = [' ', ' ', ', ', '\n'];
      const pick = (list: string[]) => list[rnd(list.length)] as string;
      let md = Array.from({ length: 1 + rnd(6) }, (_, k) => (k ? pick(seps) : '') + pick(pieces)).join('');
      const oneLine = md.replace(/\n/g, ' ');
      md = [
        md,
        `## ${oneLine}`,
        `- ${oneLine}\n- x`,
        `| a | b |\n| --- | --- |\n| ${oneLine.replace(/\|/g, '\\|')} | y |`,
      ][rnd(4)] as string;
      expect(trip(md), md).toBe(md);
    }
  });

  it('settles other spellings after one trip', () => {
    for (const md of OTHER_SPELLINGS) {
      const once = trip(md);
      expect(trip(once), md).toBe(once);
    }
  });

  it('export then import of a Translate page is the identity (ids and texts)', () => {
    const units = CANONICAL.filter((t) => !t.startsWith('# ') || true).map((text, k) => ({ id: 3 * k + 1, text }));
    const read = readTranslatePage(writeTranslatePage(units));
    expect(read.units.map((u) => ({ id: u.id, text: u.text }))).toEqual(units);
    expect(read.ignored).toEqual([]);
  });

  it('reads the fixture page and writes it back readable to the same units', () => {
    const first = readTranslatePage(fixture).units;
    const again = readTranslatePage(writeTranslatePage(first.map((u) => ({ id: u.id as number, text: u.text })))).units;
    expect(again.map((u) => [u.id, u.kind, u.text])).toEqual(first.map((u) => [u.id, u.kind, u.text]));
  });
});

describe('readTranslatePage', () => {
  const page = readTranslatePage(fixture);

  it('reads units with their markers, kinds and lines', () => {
    expect(page.units.map((u) => [u.id, u.kind])).toEqual([
      [1, 'paragraph'],
      [2, 'heading'],
      [3, 'paragraph'],
      [4, 'heading'],
      [5, 'paragraph'],
      [6, 'heading'],
      [7, 'list'],
      [8, 'list'],
      [9, 'table'],
      [10, 'other'],
      [11, 'heading'],
      [12, 'paragraph'],
    ]);
    expect(page.units[1]).toMatchObject({ text: '## Leadership Development Network', line: 7 });
    expect(page.units[0]?.text).toContain(
      '[Leadership Development Working Group](https://meta.wikimedia.org/wiki/Special:MyLanguage/Leadership_Development_Working_Group)',
    );
    expect(page.units[0]?.text).toContain('`<ref>See the <tvar name="report">');
    expect(page.ignored.map((i) => i.line)).toEqual([2, 52]);
  });

  it('agrees with wikiparser-node on headings, markers, lists and tables', () => {
    const root = Parser.parse(fixture);
    const headings = root.querySelectorAll('heading').map((h) =>
      h
        .text()
        .replace(/<!--.*?-->/g, '')
        .replace(/^=+|=+\s*$/g, '')
        .trim(),
    );
    expect(page.units.filter((u) => u.kind === 'heading').map((u) => u.text.replace(/^#+ /, ''))).toEqual(headings);
    const markers = root
      .querySelectorAll('comment')
      .map(String)
      .map((c) => /T:(\d+)/.exec(c)?.[1])
      .filter(Boolean)
      .map(Number);
    expect(page.units.map((u) => u.id)).toEqual(markers);
    const items = root
      .querySelectorAll('list')
      .map(String)
      .filter((l) => /^[*#]+ ?$/.test(l));
    const mdItems = page.units.filter((u) => u.kind === 'list').flatMap((u) => u.text.split('\n'));
    expect(mdItems.length).toBe(items.length);
    const cells = root.querySelectorAll('td').length;
    expect(
      page.units
        .find((u) => u.kind === 'table')
        ?.text.split('\n')
        .filter((l) => !/---/.test(l))
        .flatMap((l) => l.split(' | ')).length,
    ).toBe(cells);
  });

  it('reads a page without <translate> whole, markers optional', () => {
    expect(readTranslatePage('== A ==\n\ntext\n\n<!--T:4-->\n* x').units.map((u) => [u.id, u.text])).toEqual([
      [null, '## A'],
      [null, 'text'],
      [4, '- x'],
    ]);
  });

  it('keeps a template holding a blank line whole, and reads braces that never close as text', () => {
    expect(readTranslatePage('<!--T:1-->\n{{Box\n\n|text=a}}\n\n<!--T:2-->\nb').units.map((u) => u.id)).toEqual([1, 2]);
    expect(readTranslatePage('<!--T:1-->\na {{ b\n\n<!--T:2-->\nc').units.map((u) => [u.id, u.text])).toEqual([
      [1, 'a {{ b'],
      [2, 'c'],
    ]);
  });

  it.each([
    ['<translate>\n<!--T:1-->\ntext\n', 1, 'unclosed-translate'],
    ['text\n</translate>', 2, 'unopened-translate'],
    ['<translate>\n<translate>\n</translate>', 2, 'nested-translate'],
    ['<translate>\n<!--T:1-->\na\n\n<!--T:2-->\n{| class="wikitable"\n! A\n</translate>', 6, 'unclosed-table'],
    ['<translate>\n<!--T:1-->\na\n\n<!--T:1-->\nb\n</translate>', 5, 'duplicate-marker'],
    ['<translate>\n<!--T:1-->\na\n<!-- open\n</translate>', 4, 'unclosed-comment'],
    ['<translate>\n<!--T:1-->\na <ref>open\n</translate>', 3, 'unclosed-tag'],
    ['<translate>\n<!--T:1-->\na\nb <!--T:2--> c\n</translate>', 4, 'misplaced-marker'],
  ])('refuses %j at line %i (%s)', (wikitext, line, reason) => {
    let error: unknown;
    try {
      readTranslatePage(wikitext);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(WikitextError);
    expect(error).toMatchObject({ line, reason });
  });
});

describe('writeTranslatePage', () => {
  it('writes markers as Translate does and parses as one translate section', () => {
    const text = writeTranslatePage([
      { id: 1, text: '## Heading' },
      { id: 2, text: 'Paragraph.' },
    ]);
    expect(text).toBe('<languages/>\n<translate>\n== Heading == <!--T:1-->\n\n<!--T:2-->\nParagraph.\n</translate>\n');
    const root = Parser.parse(text);
    expect(root.querySelectorAll('translate').length).toBe(1);
    expect(root.querySelectorAll('heading').length).toBe(1);
  });
});
