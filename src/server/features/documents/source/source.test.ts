import { beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { queryCounter, testApp, unique } from '../../../testing/harness';
import { TestClient, signedUp } from '../../../testing/client';
import { anAdmin, testDocument, type Person } from '../testing';

let app: FastifyInstance;
let admin: Person;
let other: Person;
const anon = () => new TestClient(app);

beforeAll(async () => {
  app = await testApp();
  admin = await anAdmin(app);
  other = await signedUp(app);
});

const revisionOf = async (slug: string) => (await anon().get(`/api/v1/documents/${slug}?lang=en`)).body.revision;

describe('creating a document', () => {
  it('splits Markdown into units, the title as unit 0', async () => {
    const slug = await testDocument(app, admin);
    const res = await anon().get(`/api/v1/documents/${slug}?lang=en`);
    expect(res.status).toBe(200);
    expect(res.body.units.map((u: { id: string; kind: string }) => [u.id, u.kind])).toEqual([
      ['0', 'title'],
      ['1', 'heading'],
      ['2', 'paragraph'],
      ['3', 'list'],
      ['4', 'table'],
      ['5', 'paragraph'],
    ]);
    expect(res.body.units[4].html).toContain('<table>');
    expect(res.body).toMatchObject({ revision: 1, shownRevision: 1, requested: 'en', dir: 'ltr' });
    const list = await anon().get('/api/v1/documents?limit=100');
    expect(list.body.items.some((d: { slug: string }) => d.slug === slug)).toBe(true);
  });

  it('refuses people who are not admins, and bad input naming the field, writing nothing', async () => {
    const slug = unique('doc-').toLowerCase();
    const body = { slug, title: 'T', markdown: 'x', summary: '' };
    expect((await other.post('/api/v1/documents', body)).status).toBe(403);
    expect((await (await anon().start()).post('/api/v1/documents', body)).status).toBe(401);
    const bad = await admin.post('/api/v1/documents', { ...body, slug: 'Not A Slug' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('slug');
    const both = await admin.post('/api/v1/documents', { ...body, wikitext: 'x' });
    expect(both.status).toBe(400);
    expect(both.body.errors[0].field).toBe('markdown');
    const unknown = await admin.post('/api/v1/documents', { ...body, colour: 'red' });
    expect(unknown.status).toBe(400);
    expect(JSON.stringify(unknown.body.errors)).toContain('colour');
    const dup = await admin.post('/api/v1/documents', { ...body, markdown: '<!--T:3-->\na\n\n<!--T:3-->\nb' });
    expect(dup.status).toBe(400);
    expect(dup.body.errors[0]).toMatchObject({ field: 'markdown' });
    expect(dup.body.errors[0].message).toContain('4');
    expect((await anon().get(`/api/v1/documents/${slug}`)).status).toBe(404);
    expect((await admin.post('/api/v1/documents', body)).status).toBe(201);
    expect((await admin.post('/api/v1/documents', body)).status).toBe(409);
  });
});

describe('importing wikitext', () => {
  it('keeps the unit ids of a Translate page, and names the line of unreadable wikitext', async () => {
    const slug = unique('doc-').toLowerCase();
    const wikitext =
      "<languages/>\n<translate>\n== Purpose == <!--T:4-->\n\n<!--T:7-->\nLeaders grow by '''doing'''.\n\nA new paragraph.\n</translate>\n";
    const res = await admin.post('/api/v1/documents', { slug, title: 'Imported', wikitext, summary: 'Import' });
    expect(res.status, res.text).toBe(201);
    const doc = await anon().get(`/api/v1/documents/${slug}?lang=en`);
    expect(doc.body.units.map((u: { id: string; text: string }) => [u.id, u.text])).toEqual([
      ['0', 'Imported'],
      ['4', '## Purpose'],
      ['7', 'Leaders grow by **doing**.'],
      ['8', 'A new paragraph.'],
    ]);
    const bad = await admin.post('/api/v1/documents', {
      slug: unique('doc-').toLowerCase(),
      title: 'Bad',
      wikitext: 'Intro\n\n<translate>\nNever closed.',
      summary: '',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0]).toMatchObject({ field: 'wikitext' });
    expect(bad.body.errors[0].message).toContain('3');
  });
});

describe("admins' edits", () => {
  it('change, add, move and remove units, each a revision, audited', async () => {
    const slug = await testDocument(app, admin);
    const changed = await admin.put(`/api/v1/documents/${slug}/units/2`, {
      text: 'Leaders grow by **doing**.',
      baseRevision: 1,
      summary: 'Bold',
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ revision: 2, unit: { id: '2', kind: 'paragraph' }, position: 2 });
    expect(changed.body.unit.html).toContain('<strong>doing</strong>');
    const added = await admin.post(`/api/v1/documents/${slug}/units`, { after: 2, text: 'A new paragraph.' });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ revision: 3, unit: { id: '6' }, position: 3 });
    const moved = await admin.put(`/api/v1/documents/${slug}/units/5`, { after: null, baseRevision: 3 });
    expect(moved.body).toMatchObject({ revision: 4, position: 1 });
    const removed = await admin.delete(`/api/v1/documents/${slug}/units/3?baseRevision=4`);
    expect(removed.status).toBe(200);
    expect(removed.body).toMatchObject({ revision: 5, position: null });
    const doc = await anon().get(`/api/v1/documents/${slug}?lang=en`);
    expect(doc.body.units.map((u: { id: string }) => u.id)).toEqual(['0', '5', '1', '2', '6', '4']);
    const revisions = await anon().get(`/api/v1/documents/${slug}/revisions?limit=2`);
    expect(revisions.body.items.map((r: { revision: number }) => r.revision)).toEqual([5, 4]);
    expect(revisions.body.items[0].author).toMatchObject({ username: admin.username });
    const page2 = await anon().get(`/api/v1/documents/${slug}/revisions?limit=10&cursor=${revisions.body.next}`);
    expect(page2.body.items.map((r: { revision: number }) => r.revision)).toEqual([3, 2, 1]);
    expect(page2.body.items[1].summary).toBe('Bold');
    const rows = await app.db
      .selectFrom('audit_log')
      .select('action')
      .where('object_type', '=', 'document')
      .where('object_id', '=', String(doc.body.id))
      .execute();
    expect(rows.filter((r) => r.action === 'documents.revise')).toHaveLength(4);
  });

  it('refuses non-admins every edit', async () => {
    const slug = await testDocument(app, admin);
    const tries = [
      other.put(`/api/v1/documents/${slug}/units/2`, { text: 'x', baseRevision: 1 }),
      other.post(`/api/v1/documents/${slug}/units`, { after: 2, text: 'x' }),
      other.delete(`/api/v1/documents/${slug}/units/2`),
      other.put(`/api/v1/documents/${slug}/text`, { markdown: 'x', baseRevision: 1, summary: '' }),
      other.get(`/api/v1/documents/${slug}/text`),
      other.patch(`/api/v1/documents/${slug}`, { priorityLanguages: ['fr'] }),
    ];
    for (const res of await Promise.all(tries)) expect(res.status).toBe(403);
    expect(await revisionOf(slug)).toBe(1);
  });

  it('answers bad input with 400 naming the field, writing nothing', async () => {
    const slug = await testDocument(app, admin);
    const cases: [Promise<{ status: number; body: { errors: { field: string }[] } }>, string][] = [
      [admin.put(`/api/v1/documents/${slug}/units/99`, { text: 'x', baseRevision: 1 }), 'unitId'],
      [admin.put(`/api/v1/documents/${slug}/units/2`, { text: '   ', baseRevision: 1 }), 'text'],
      [admin.put(`/api/v1/documents/${slug}/units/2`, { baseRevision: 1 }), 'text'],
      [admin.put(`/api/v1/documents/${slug}/units/2`, { text: 'x', baseRevision: 1, extra: 1 }), 'extra'],
      [admin.post(`/api/v1/documents/${slug}/units`, { after: 42, text: 'x' }), 'after'],
      [admin.post(`/api/v1/documents/${slug}/units`, { after: 'T:2', text: 'x' }), 'after'],
      [admin.put(`/api/v1/documents/${slug}/units/2`, { after: '-1', baseRevision: 1 }), 'after'],
      [admin.delete(`/api/v1/documents/${slug}/units/0`), 'unitId'],
      [admin.patch(`/api/v1/documents/${slug}`, { priorityLanguages: ['xx-nope'] }), 'priorityLanguages.0'],
    ];
    for (const [p, field] of cases) {
      const res = await p;
      expect(res.status).toBe(400);
      expect(res.body.errors.map((e) => e.field)).toContain(field);
    }
    expect(await revisionOf(slug)).toBe(1);
  });

  it('a save conflicts only when the unit it saves changed after its base, with the current text', async () => {
    const slug = await testDocument(app, admin);
    const second = await anAdmin(app);
    expect(
      (await admin.put(`/api/v1/documents/${slug}/units/2`, { text: 'First admin.', baseRevision: 1 })).status,
    ).toBe(200);
    // Another unit from the same base: fine.
    expect(
      (await second.put(`/api/v1/documents/${slug}/units/5`, { text: 'Elsewhere.', baseRevision: 1 })).status,
    ).toBe(200);
    const clash = await second.put(`/api/v1/documents/${slug}/units/2`, { text: 'Second admin.', baseRevision: 1 });
    expect(clash.status).toBe(409);
    expect(clash.body.current).toMatchObject({
      text: 'First admin.',
      revision: 2,
      editor: { username: admin.username },
    });
    expect(await revisionOf(slug)).toBe(3);
  });

  it('of two concurrent saves of one unit from one base, one wins and the other gets a 409', async () => {
    const slug = await testDocument(app, admin);
    const second = await anAdmin(app);
    const [a, b] = await Promise.all([
      admin.put(`/api/v1/documents/${slug}/units/2`, { text: 'From the first.', baseRevision: 1 }),
      second.put(`/api/v1/documents/${slug}/units/2`, { text: 'From the second.', baseRevision: 1 }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const [won, lost] = a.status === 200 ? [a, b] : [b, a];
    expect(lost.body.current).toMatchObject({ text: won.body.unit.text, revision: 2 });
    expect(await revisionOf(slug)).toBe(2);
  });

  it('saves the whole text by its markers: kept markers keep ids, vanished ones remove, new blocks get ids', async () => {
    const slug = await testDocument(app, admin);
    const text = await admin.get(`/api/v1/documents/${slug}/text`);
    expect(text.body.markdown).toContain('<!--T:0-->\nDocument');
    expect(text.body.markdown).toContain('<!--T:2-->\nLeaders grow by doing.');
    const edited = text.body.markdown
      .replace('<!--T:3-->\n- listen\n- decide\n- act\n\n', '')
      .replace('Leaders grow by doing.', 'Leaders grow by doing.\n\nA brand new block.')
      .replace('A closing paragraph.', 'A changed closing paragraph.');
    const res = await admin.put(`/api/v1/documents/${slug}/text`, {
      markdown: edited,
      baseRevision: 1,
      summary: 'Whole',
    });
    expect(res.status).toBe(200);
    expect(res.body.revision).toBe(2);
    const doc = await anon().get(`/api/v1/documents/${slug}?lang=en`);
    expect(doc.body.units.map((u: { id: string; text: string }) => [u.id, u.text])).toEqual([
      ['0', `Document ${slug}`],
      ['1', '## Purpose'],
      ['2', 'Leaders grow by doing.'],
      ['6', 'A brand new block.'],
      ['4', '| a | b |\n|---|---|\n| 1 | 2 |'],
      ['5', 'A changed closing paragraph.'],
    ]);
    const bad = await admin.put(`/api/v1/documents/${slug}/text`, {
      markdown: '<!--T:2-->\nA\n\n<!--T:77-->\nB',
      baseRevision: 2,
      summary: '',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('markdown');
    expect(await revisionOf(slug)).toBe(2);
  });

  it('sets priority languages, listed first with a bar', async () => {
    const slug = await testDocument(app, admin);
    const res = await admin.patch(`/api/v1/documents/${slug}`, { priorityLanguages: ['fr', 'ar'], title: 'Renamed' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ title: 'Renamed', revision: 2 });
    expect(res.body.languages.map((l: { language: string; priority: boolean }) => [l.language, l.priority])).toEqual([
      ['fr', true],
      ['ar', true],
    ]);
  });
});

describe('comparing revisions', () => {
  it('shows added, removed, moved and changed units, with a diff', async () => {
    const slug = await testDocument(app, admin);
    await admin.put(`/api/v1/documents/${slug}/units/2`, { text: 'Leaders grow by acting.', baseRevision: 1 });
    await admin.post(`/api/v1/documents/${slug}/units`, { after: '5', text: 'Appendix.' });
    await admin.delete(`/api/v1/documents/${slug}/units/3`);
    await admin.put(`/api/v1/documents/${slug}/units/1`, { after: 4, baseRevision: 4 });
    const res = await anon().get(`/api/v1/documents/${slug}/compare?from=1&to=5`);
    expect(res.status).toBe(200);
    const changes = Object.fromEntries(res.body.units.map((u: { id: string; change: string }) => [u.id, u.change]));
    expect(changes).toEqual({ 0: 'same', 1: 'moved', 2: 'changed', 3: 'removed', 4: 'same', 5: 'same', 6: 'added' });
    const two = res.body.units.find((u: { id: string }) => u.id === '2');
    expect(two.diff.some((p: { op: string }) => p.op === 'removed')).toBe(true);
    expect((await anon().get(`/api/v1/documents/${slug}/compare?from=1&to=9`)).status).toBe(400);
  });

  it('compares the translation in a language, as it stood for each revision', async () => {
    const slug = await testDocument(app, admin);
    const url = `/api/v1/documents/${slug}/units/2/translations/fr`;
    expect((await other.put(url, { text: 'Les leaders grandissent en faisant.', baseRevision: 0 })).status).toBe(200);
    await admin.put(`/api/v1/documents/${slug}/units/2`, { text: 'Leaders grow by acting.', baseRevision: 1 });
    expect((await other.put(url, { text: 'Les leaders grandissent en agissant.', baseRevision: 1 })).status).toBe(200);
    const res = await anon().get(`/api/v1/documents/${slug}/compare?from=1&to=2&lang=fr`);
    expect(res.body.language).toBe('fr');
    const two = res.body.units.find((u: { id: string }) => u.id === '2');
    expect(two.change).toBe('changed');
    const text = (op: string) =>
      two.diff
        .filter((p: { op: string }) => p.op === op)
        .map((p: { text: string }) => p.text)
        .join('');
    expect(text('removed')).toContain('faisant');
    expect(text('added')).toContain('agissant');
  });

  it('compares an Arabic translation word by word, never as a whole sentence removed and another added', async () => {
    const slug = await testDocument(app, admin);
    const url = `/api/v1/documents/${slug}/units/2/translations/ar`;
    expect((await other.put(url, { text: 'يكبر القادة بالعمل الجاد معا.', baseRevision: 0 })).status).toBe(200);
    await admin.put(`/api/v1/documents/${slug}/units/2`, { text: 'Leaders grow by acting.', baseRevision: 1 });
    expect((await other.put(url, { text: 'يكبر القادة بالعمل المشترك معا.', baseRevision: 1 })).status).toBe(200);
    const res = await anon().get(`/api/v1/documents/${slug}/compare?from=1&to=2&lang=ar`);
    const two = res.body.units.find((u: { id: string }) => u.id === '2');
    expect(two.change).toBe('changed');
    expect(two.diff).toEqual([
      { op: 'same', text: 'يكبر القادة بالعمل ' },
      { op: 'removed', text: 'الجاد' },
      { op: 'added', text: 'المشترك' },
      { op: 'same', text: ' معا.' },
    ]);
  });

  it('takes a fixed number of queries whatever the size', async () => {
    const counts: number[] = [];
    for (const n of [3, 30]) {
      const markdown = Array.from({ length: n }, (_, i) => `Paragraph ${i}.`).join('\n\n');
      const slug = await testDocument(app, admin, markdown);
      const edits = Array.from({ length: n }, (_, i) => `<!--T:${i + 1}-->\nParagraph ${i}, changed.`).join('\n\n');
      await admin.put(`/api/v1/documents/${slug}/text`, { markdown: edits, baseRevision: 1, summary: '' });
      const counter = queryCounter();
      const original = app.deps.db;
      counter.install(app);
      try {
        const res = await anon().get(`/api/v1/documents/${slug}/compare?from=1&to=2`);
        expect(res.status).toBe(200);
        counts.push(counter.count);
      } finally {
        app.deps.db = original;
      }
    }
    expect(counts[0]).toBe(counts[1]);
  });
});
