// The downloads: Markdown with markers and wikitext for Meta, in the source or a language; export then import
// (POST /api/v1/documents) gives back the same units, ids and texts; what Meta reads is a Translate page.
import { beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import Parser from 'wikiparser-node';
import { testApp, unique } from '../../../testing/harness';
import { TestClient, signedUp } from '../../../testing/client';
import { anAdmin, testDocument, type Person } from '../testing';

let app: FastifyInstance;
let admin: Person;
const anon = () => new TestClient(app);

const RICH = [
  '## Purpose',
  'Leaders grow by **doing**, *listening* and reading the [Leadership Development Plan](https://meta.wikimedia.org/wiki/Special:MyLanguage/Leadership_Development_Plan).',
  '- listen\n  - first\n- decide\n- act',
  '1. one\n2. two',
  '| Channel | Purpose |\n| --- | ---: |\n| Telegram | Daily `{{ll\\|LDN}}`{=mediawiki} talk |',
  '```{=mediawiki}\n;Connect\n:Organise projects together.\n```',
  'A closing paragraph with a [link](https://example.org/x) and a note.`<ref>Source</ref>`{=mediawiki}',
].join('\n\n');

beforeAll(async () => {
  app = await testApp();
  admin = await anAdmin(app);
});

/** The source's units as the reader gives them: [id, text], the title left out. */
async function unitsOf(slug: string): Promise<[string, string][]> {
  const res = await anon().get(`/api/v1/documents/${slug}?lang=en`);
  expect(res.status).toBe(200);
  return (res.body.units as { id: string; text: string }[]).filter((u) => u.id !== '0').map((u) => [u.id, u.text]);
}

async function importAs(field: 'markdown' | 'wikitext', text: string): Promise<string> {
  const slug = unique('imported-').toLowerCase();
  const res = await admin.post('/api/v1/documents', { slug, title: 'Imported', [field]: text, summary: 'Import' });
  expect(res.status, res.text).toBe(201);
  return slug;
}

describe('document downloads', () => {
  it('give the source as a Translate page that imports back to the same units and ids', async () => {
    const slug = await testDocument(app, admin, RICH);
    // An edit so ids are not simply 1..n: a unit removed, one added after the first.
    const before = await unitsOf(slug);
    const doc = await anon().get(`/api/v1/documents/${slug}`);
    expect(
      (await admin.delete(`/api/v1/documents/${slug}/units/${before[2]![0]}?baseRevision=${doc.body.revision}`)).status,
    ).toBe(200);
    expect(
      (await admin.post(`/api/v1/documents/${slug}/units`, { after: before[0]![0], text: 'An added unit.' })).status,
    ).toBe(201);
    const units = await unitsOf(slug);

    const res = await anon().get(`/documents/${slug}/export.wikitext`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('text/plain');
    expect(res.headers['content-disposition']).toContain(`${slug}.en.wikitext`);
    expect(res.text.startsWith('<languages/>\n<translate>\n== Purpose == <!--T:')).toBe(true);
    const root = Parser.parse(res.text);
    expect(root.querySelectorAll('translate')).toHaveLength(1);
    expect(root.querySelectorAll('heading')).toHaveLength(1);
    expect(root.querySelectorAll('table')).toHaveLength(1);
    expect(root.querySelectorAll('template')).toHaveLength(1);
    expect(root.querySelectorAll('ext').map((e) => (e as unknown as { name: string }).name)).toEqual([
      'languages',
      'ref',
    ]);
    expect(await unitsOf(await importAs('wikitext', res.text))).toEqual(units);
  });

  it('give the source as Markdown with its markers, which imports back to the same units and ids', async () => {
    const slug = await testDocument(app, admin, RICH);
    const res = await anon().get(`/documents/${slug}/export.md`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('text/markdown');
    expect(res.headers['content-disposition']).toContain(`${slug}.en.md`);
    expect(res.text).toMatch(/^<!--T:\d+-->\n## Purpose\n\n<!--T:\d+-->\nLeaders grow/);
    expect(res.text).not.toContain(`Document ${slug}`);
    expect(await unitsOf(await importAs('markdown', res.text))).toEqual(await unitsOf(slug));
  });

  it('give a language as readers see it: translated units, the others from the fallback chain', async () => {
    const slug = await testDocument(app, admin, RICH);
    const [, second] = await unitsOf(slug);
    const translator = await signedUp(app);
    const saved = await translator.put(`/api/v1/documents/${slug}/units/${second![0]}/translations/fr`, {
      text: 'Les leaders grandissent en **agissant**.',
      baseRevision: 0,
    });
    expect(saved.status).toBe(200);
    const md = await anon().get(`/documents/${slug}/export.md?lang=fr`);
    expect(md.status).toBe(200);
    expect(md.headers['content-disposition']).toContain(`${slug}.fr.md`);
    expect(md.text).toContain(`<!--T:${second![0]}-->\nLes leaders grandissent en **agissant**.`);
    expect(md.text).toContain('## Purpose');
    const wikitext = await anon().get(`/documents/${slug}/export.wikitext?lang=fr`);
    expect(wikitext.text).toContain("Les leaders grandissent en '''agissant'''.");
    expect(wikitext.text).not.toContain('<translate>');
    expect(wikitext.text).not.toContain('<!--T:');
  });

  it('answer 404 for an unknown document and 400 naming lang for an unknown language', async () => {
    expect((await anon().get('/documents/no-such-document/export.md')).status).toBe(404);
    expect((await anon().get('/documents/no-such-document/export.wikitext')).status).toBe(404);
    const slug = await testDocument(app, admin);
    const bad = await anon().get(`/documents/${slug}/export.wikitext?lang=Klingon`);
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('lang');
  });
});
