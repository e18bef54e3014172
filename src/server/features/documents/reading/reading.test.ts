import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { documentDetail } from '../../../../contracts/documents';
import { queryCounter, testApp } from '../../../testing/harness';
import { TestClient, signedUp } from '../../../testing/client';
import { anAdmin, testDocument, type Person } from '../testing';

let app: FastifyInstance;
let admin: Person;
let translator: Person;
const anon = () => new TestClient(app);

beforeAll(async () => {
  app = await testApp();
  admin = await anAdmin(app);
  translator = await signedUp(app);
});

const save = (slug: string, unit: number, lang: string, text: string, baseRevision = 0) =>
  translator.put(`/api/v1/documents/${slug}/units/${unit}/translations/${lang}`, { text, baseRevision });

type Unit = { id: string; language: string; dir: string; state: string; text: string; proofread: boolean };

describe('reading a document in a language', () => {
  it('marks each unit current, outdated or fallback, with its language and direction', async () => {
    const slug = await testDocument(app, admin);
    await save(slug, 0, 'ar', 'وثيقة');
    await save(slug, 2, 'ar', 'القادة ينمون بالفعل.');
    await save(slug, 5, 'ar', 'فقرة ختامية.');
    await admin.put(`/api/v1/documents/${slug}/units/5`, { text: 'A new closing paragraph.', baseRevision: 1 });
    const res = await anon().get(`/api/v1/documents/${slug}?lang=ar`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ requested: 'ar', dir: 'rtl', title: 'وثيقة', revision: 2, shownRevision: 2 });
    const units = res.body.units as Unit[];
    expect(units[0]).toMatchObject({ language: 'ar', dir: 'rtl', state: 'current' });
    expect(units[1]).toMatchObject({ language: 'en', dir: 'ltr', state: 'fallback' });
    expect(units[2]).toMatchObject({ language: 'ar', dir: 'rtl', state: 'current', text: 'القادة ينمون بالفعل.' });
    expect(units[5]).toMatchObject({ language: 'ar', state: 'outdated', text: 'فقرة ختامية.' });
    expect(res.body.progress).toMatchObject({ language: 'ar', translated: 2, outdated: 1, untranslated: 3 });
    expect(res.body.following).toEqual({ document: false, language: false });
    expect(res.body.can).toEqual({ edit: false, translate: false });
  });

  it('falls back along the language chain before English', async () => {
    const slug = await testDocument(app, admin);
    await save(slug, 2, 'ar', 'بالعربية.');
    const res = await anon().get(`/api/v1/documents/${slug}?lang=arz`);
    const units = res.body.units as Unit[];
    expect(units[2]).toMatchObject({ language: 'ar', dir: 'rtl', state: 'fallback' });
    expect(units[3]).toMatchObject({ language: 'en', dir: 'ltr', state: 'fallback' });
  });

  it('shows an older revision of the source and of its translations', async () => {
    const slug = await testDocument(app, admin);
    await save(slug, 2, 'fr', 'Ancienne traduction.');
    await admin.put(`/api/v1/documents/${slug}/units/2`, { text: 'Leaders grow by acting.', baseRevision: 1 });
    await save(slug, 2, 'fr', 'Nouvelle traduction.', 1);
    const old = await anon().get(`/api/v1/documents/${slug}?lang=fr&revision=1`);
    expect(old.body).toMatchObject({ revision: 2, shownRevision: 1 });
    expect((old.body.units as Unit[])[2]).toMatchObject({ text: 'Ancienne traduction.', state: 'current' });
    const oldEn = await anon().get(`/api/v1/documents/${slug}?lang=en&revision=1`);
    expect((oldEn.body.units as Unit[])[2]).toMatchObject({ text: 'Leaders grow by doing.', state: 'source' });
    const now = await anon().get(`/api/v1/documents/${slug}?lang=fr`);
    expect((now.body.units as Unit[])[2]).toMatchObject({ text: 'Nouvelle traduction.', state: 'current' });
    const bad = await anon().get(`/api/v1/documents/${slug}?lang=fr&revision=9`);
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('revision');
    const unknown = await anon().get(`/api/v1/documents/${slug}?lang=xx-nope`);
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors[0].field).toBe('lang');
    expect((await anon().get('/api/v1/documents/no-such-document')).status).toBe(404);
  });

  it('tells a signed-in translator what they follow and may do', async () => {
    const slug = await testDocument(app, admin);
    await save(slug, 2, 'es', 'Traducido.');
    const res = await translator.get(`/api/v1/documents/${slug}?lang=es`);
    expect(res.body.following).toEqual({ document: false, language: true });
    expect(res.body.can).toEqual({ edit: false, translate: true });
    expect((await admin.get(`/api/v1/documents/${slug}?lang=es`)).body.can).toEqual({ edit: true, translate: true });
  });

  it('a document is followed and commented on as a subject; followers hear of a new revision, not of a minor one', async () => {
    const slug = await testDocument(app, admin);
    const id = (await anon().get(`/api/v1/documents/${slug}?lang=en`)).body.id as string;
    const followed = await translator.post('/api/v1/follows', { subject: { type: 'document', id } });
    expect(followed.status, followed.text).toBeLessThan(300);
    expect((await translator.get(`/api/v1/documents/${slug}?lang=en`)).body.following.document).toBe(true);
    const comment = await translator.post('/api/v1/comments', {
      subject: { type: 'document', id },
      body: 'Should the table come first?',
    });
    expect(comment.status, comment.text).toBe(201);
    const refused = await translator.post('/api/v1/follows', { subject: { type: 'unit_translation', id: '1' } });
    expect(refused.status).toBe(400);
    await admin.put(`/api/v1/documents/${slug}/units/2`, { text: 'Typo fixed.', baseRevision: 1, minor: true });
    await admin.put(`/api/v1/documents/${slug}/units/2`, { text: 'Rewritten.', baseRevision: 2 });
    const told = await app.db
      .selectFrom('notifications as n')
      .innerJoin('notification_events as e', 'e.id', 'n.event_id')
      .select(['n.kind', 'e.link'])
      .where('n.user_id', '=', translator.userId)
      .where('n.kind', '=', 'document_revised')
      .where('e.subject_id', '=', Number(id))
      .execute();
    expect(told).toEqual([{ kind: 'document_revised', link: `/documents/${slug}/compare?from=2&to=3` }]);
  });

  it('sends a long document as its contract says, compressed for clients that accept Brotli, kept afresh after a save', async () => {
    const markdown = Array.from({ length: 200 }, (_, i) => `Paragraph ${i} of a long document, in several words.`);
    const slug = await testDocument(app, admin, markdown.join('\n\n'));
    const url = `/api/v1/documents/${slug}?lang=fr`;
    const plain = await app.inject({ url });
    expect(plain.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(documentDetail.parse(plain.json())).toEqual(plain.json());
    expect(plain.json()).toMatchObject({ following: { document: false, language: false }, can: { edit: false } });
    const br = await app.inject({ url, headers: { 'accept-encoding': 'gzip, br' } });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toContain('Accept-Encoding');
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(plain.body);
    // Brotli refused: the answer goes with gzip, as every other text answer (http/compression).
    const refused = await app.inject({ url, headers: { 'accept-encoding': 'br;q=0, gzip' } });
    expect(refused.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(refused.rawPayload).toString()).toBe(plain.body);
    await save(slug, 2, 'fr', 'Traduit.');
    const after = await app.inject({ url, headers: { 'accept-encoding': 'br' } });
    const units = (JSON.parse(brotliDecompressSync(after.rawPayload).toString()) as { units: Unit[] }).units;
    expect(units.find((u) => u.id === '2')).toMatchObject({ text: 'Traduit.', language: 'fr' });
    const mine = await translator.get(url);
    expect(mine.body.can).toEqual({ edit: false, translate: true });
  });

  it('lists documents with a bar for priority languages and languages with a translated unit', async () => {
    const slug = await testDocument(app, admin);
    await admin.patch(`/api/v1/documents/${slug}`, { priorityLanguages: ['hi'] });
    await save(slug, 2, 'fr', 'Traduit.');
    const list = await anon().get('/api/v1/documents?limit=100');
    const item = list.body.items.find((d: { slug: string }) => d.slug === slug);
    expect(item.languages).toEqual([
      { language: 'hi', translated: 0, proofread: 0, outdated: 0, untranslated: 6, priority: true },
      { language: 'fr', translated: 1, proofread: 0, outdated: 0, untranslated: 5, priority: false },
    ]);
  });
});

describe('fixed cost', () => {
  const counted = async (url: string, who: TestClient = anon()) => {
    const counter = queryCounter();
    const original = app.deps.db;
    counter.install(app);
    try {
      const res = await who.get(url);
      expect(res.status, res.text).toBe(200);
      return counter.count;
    } finally {
      app.deps.db = original;
    }
  };

  it('a document page and the progress of 40 languages take as many queries at any size', async () => {
    const languages = [
      'fr',
      'es',
      'ar',
      'de',
      'it',
      'pt',
      'ru',
      'hi',
      'ja',
      'ko',
      'zh',
      'tr',
      'pl',
      'nl',
      'sv',
      'fi',
      'cs',
      'da',
      'el',
      'he',
      'hu',
      'id',
      'ms',
      'nb',
      'ro',
      'sk',
      'sl',
      'sr',
      'th',
      'uk',
      'vi',
      'bn',
      'ta',
      'te',
      'ur',
      'fa',
      'sw',
      'ca',
      'eu',
      'gl',
    ];
    expect(languages).toHaveLength(40);
    const sizes: number[][] = [];
    for (const [n, langs] of [
      [3, 1],
      [20, languages.length],
    ] as const) {
      const markdown = Array.from({ length: n }, (_, i) => `Paragraph ${i}.`).join('\n\n');
      const slug = await testDocument(app, admin, markdown);
      for (const lang of languages.slice(0, langs)) await save(slug, 1, lang, `${lang}`);
      for (let u = 2; u <= n; u++) await save(slug, u, 'fr', `fr ${u}`);
      await admin.put(`/api/v1/documents/${slug}/units/2`, { text: 'Changed.', baseRevision: 1 });
      sizes.push([
        await counted(`/api/v1/documents/${slug}?lang=fr&revision=1`),
        await counted(`/api/v1/documents/${slug}?lang=arz`),
        await counted(`/api/v1/documents/${slug}?lang=fr`, translator),
        await counted(`/api/v1/documents/${slug}/progress`),
        await counted(`/api/v1/documents?limit=50`),
      ]);
    }
    expect(sizes[0]).toEqual(sizes[1]);
  });
});
