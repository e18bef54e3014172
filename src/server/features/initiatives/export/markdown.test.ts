// The wikitext export carries the Markdown people wrote (summary, updates, lessons) as wikitext: headings, bold,
// italics, links, lists and line breaks become wiki markup, and whatever else they typed (templates, tags,
// signatures, magic words, language-converter rules, magic links, table and list signs at a line's start) stays
// text. Read back with wikiparser-node, a MediaWiki-compatible parser.
import { describe, expect, it } from 'vitest';
import Parser from 'wikiparser-node';
import { testApp } from '../../../testing/harness';
import { TestClient } from '../../../testing/client';
import { ended, evaluationOf } from '../archive/testing';
import { someone } from '../testing';

interface Token {
  type: string;
  name?: string;
  bold?: boolean;
  italic?: boolean;
  level?: number;
  link?: unknown;
  innerText?: string;
  childNodes: Token[];
}

/** Every token of the parse tree, depth first. */
function tokens(root: Token): Token[] {
  const out: Token[] = [];
  const walk = (t: Token) => {
    out.push(t);
    for (const c of t.childNodes ?? []) walk(c);
  };
  walk(root);
  return out;
}

const summary = 'The **LDP** in *three* steps, with [the plan](https://example.org/plan).';
const update = [
  '## What we did',
  '',
  'We met **twice**  ',
  'and wrote *notes*:',
  '',
  '- in March',
  '- in [April](https://meta.wikimedia.org/wiki/Leadership_Development_Network)',
  '  - with a guest',
  '',
  '1. first',
  '2. second',
].join('\n');
// What must stay text: every line is a trap for the wiki parser.
const traps = [
  '{{Delete}} {{subst:PAGENAME}} {{#if:x|y}} {{{1}}} [[Evil]] [[Category:Spam]] [[File:X.png]]',
  '',
  '<script>x</script> <ref>r</ref> <div style="x">d</div> <!-- c --> <nowiki>n</nowiki> O\'\'Neil ~~~~ ~~~',
  '',
  'x__NOTOC__y __TOC__ -{zh-hans:x}- ISBN 9780306406157 RFC 1234 PMID 42 &nbsp;',
  '',
  '\\* not a list',
  '',
  '\\# not a list either',
  '',
  '{| not a table',
  '',
  '; no term',
  '',
  ': no indent',
  '',
  '\\=not a heading=',
  '',
  '#REDIRECT [[Elsewhere]]',
].join('\n');

describe("wikitext export of people's Markdown", () => {
  it('writes headings, bold, italics, links, lists and line breaks as wikitext, and nothing else as markup', async () => {
    const app = await testApp();
    const lead = await someone(app, 'Lead ');
    const i = await ended(lead, {
      idea: { summary },
      evaluation: evaluationOf(['met'], { lessons: traps }),
    });
    const posted = await lead.post(`/api/v1/initiatives/${i.id}/updates`, { title: 'Second session', body: update });
    expect(posted.status, posted.text).toBe(201);

    const res = await new TestClient(app).get(`/initiatives/${i.id}/export.wikitext`);
    expect(res.status).toBe(200);
    expect(res.text).toContain("The '''LDP''' in ''three'' steps, with [https://example.org/plan the plan].");
    const all = tokens(Parser.parse(res.text) as unknown as Token);
    const of = (type: string) => all.filter((t) => t.type === type);

    // Their formatting, as the parser reads it.
    expect(of('quote').some((q) => q.bold)).toBe(true);
    expect(of('quote').some((q) => q.italic)).toBe(true);
    const headings = of('heading').map((h) => [h.level, String(h.innerText).trim()]);
    expect(headings).toContainEqual([5, 'What we did']);
    expect(of('ext-link').map((l) => String(l.link))).toContain('https://example.org/plan');
    expect(of('link').map((l) => String(l.name).replace(/_/g, ' '))).toContain('Leadership Development Network');
    expect(res.text).toContain('* in March\n');
    expect(res.text).toContain('** with a guest\n');
    expect(res.text).toContain('# first\n# second');
    expect(of('html').map((h) => h.name)).toContain('br');

    // Nothing they typed became a template, a tag, a comment, a rule, a magic word or link, a category or a file.
    for (const type of [
      'template',
      'magic-word',
      'arg',
      'comment',
      'converter',
      'magic-link',
      'double-underscore',
      'category',
      'file',
      'dd',
    ])
      expect(of(type).map(String), type).toEqual([]);
    // The one table is the export's own (people reached); `{|` they typed is text.
    expect(of('table')).toHaveLength(1);
    // The only tags are the export's own: <nowiki> around plain values (titles, names) and the line breaks.
    expect([...new Set(of('ext').map((e) => e.name))]).toEqual(['nowiki']);
    expect([...new Set(of('html').map((h) => h.name))]).toEqual(['br']);
    expect(of('link').map((l) => String(l.name))).not.toContain('Evil');
    expect(res.text).not.toMatch(/^#REDIRECT/m);
    expect(res.text.replace(/<nowiki>[\s\S]*?<\/nowiki>/g, '')).not.toContain('~~~');
    // Lists come only from their lists: the lines that looked like one are text.
    expect(res.text).toMatch(/^&#42; not a list$/m);
    expect(res.text).toMatch(/^&#35; not a list either$/m);
  });
});
