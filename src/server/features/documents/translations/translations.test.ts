import { beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { queryCounter, testApp } from '../../../testing/harness';
import { TestClient, grantRole, signedUp } from '../../../testing/client';
import { anAdmin, testDocument, type Person } from '../testing';

let app: FastifyInstance;
let admin: Person;
let translator: Person;
let reviewer: Person;
const anon = () => new TestClient(app);

beforeAll(async () => {
  app = await testApp();
  admin = await anAdmin(app);
  translator = await signedUp(app);
  reviewer = await signedUp(app);
});

const save = (who: Person, slug: string, unit: number, lang: string, body: object) =>
  who.put(`/api/v1/documents/${slug}/units/${unit}/translations/${lang}`, body);

describe('translating a unit', () => {
  it('saves a translation, follows its language, and counts it in the progress', async () => {
    const slug = await testDocument(app, admin);
    const res = await save(translator, slug, 2, 'fr', {
      text: 'Les leaders grandissent en agissant.',
      baseRevision: 0,
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      unitId: '2',
      language: 'fr',
      revision: 1,
      sourceRevision: 1,
      state: 'translated',
    });
    expect(res.body.progress).toMatchObject({ language: 'fr', translated: 1, untranslated: 5, outdated: 0 });
    const again = await save(translator, slug, 2, 'fr', {
      text: 'Les leaders grandissent en faisant.',
      baseRevision: 1,
    });
    expect(again.body.revision).toBe(2);
    const follows = await app.db
      .selectFrom('follows as f')
      .innerJoin('document_languages as l', 'l.id', 'f.subject_id')
      .select('l.language')
      .where('f.user_id', '=', translator.userId)
      .where('f.subject_type', '=', 'document_language')
      .execute();
    expect(follows.map((f) => f.language)).toContain('fr');
    const progress = await anon().get(`/api/v1/documents/${slug}/progress`);
    expect(progress.body).toMatchObject({ units: 6, next: null });
    expect(progress.body.items).toEqual([
      { language: 'fr', translated: 1, proofread: 0, outdated: 0, untranslated: 5, priority: false },
    ]);
  });

  it('of two saves from one base, one wins and the other gets a 409 with the current text', async () => {
    const slug = await testDocument(app, admin);
    const [a, b] = await Promise.all([
      save(translator, slug, 2, 'es', { text: 'Primera.', baseRevision: 0 }),
      save(reviewer, slug, 2, 'es', { text: 'Segunda.', baseRevision: 0 }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const [won, lost] = a.status === 200 ? [a, b] : [b, a];
    expect(lost.body.current).toMatchObject({ text: won.body.text, revision: 1 });
    const [c, d] = await Promise.all([
      save(translator, slug, 2, 'es', { text: 'Tercera.', baseRevision: 1 }),
      save(reviewer, slug, 2, 'es', { text: 'Cuarta.', baseRevision: 1 }),
    ]);
    expect([c.status, d.status].sort()).toEqual([200, 409]);
    const texts = await app.db
      .selectFrom('unit_translation_texts as x')
      .innerJoin('unit_translations as t', 't.id', 'x.translation_id')
      .select('x.revision')
      .where('t.language', '=', 'es')
      .where('t.document_id', '=', (await anon().get(`/api/v1/documents/${slug}?lang=en`)).body.id)
      .execute();
    expect(texts.map((t) => t.revision).sort()).toEqual([1, 2]);
  });

  it('refuses anonymous people, English, unknown languages and units, empty texts, writing nothing', async () => {
    const slug = await testDocument(app, admin);
    expect((await save((await anon().start()) as Person, slug, 2, 'fr', { text: 'x', baseRevision: 0 })).status).toBe(
      401,
    );
    const cases: [number, string, object, string][] = [
      [2, 'en', { text: 'x', baseRevision: 0 }, 'lang'],
      [2, 'xx-nope', { text: 'x', baseRevision: 0 }, 'lang'],
      [99, 'fr', { text: 'x', baseRevision: 0 }, 'unitId'],
      [2, 'fr', { text: '  ', baseRevision: 0 }, 'text'],
      [2, 'fr', { text: 'x', baseRevision: 0, sourceRevision: 50 }, 'sourceRevision'],
      [2, 'fr', { text: 'x', baseRevision: 0, other: 1 }, 'other'],
    ];
    for (const [unit, lang, body, field] of cases) {
      const res = await save(translator, slug, unit, lang, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(JSON.stringify(res.body.errors)).toContain(field);
    }
    expect((await anon().get(`/api/v1/documents/${slug}/progress`)).body.items).toEqual([]);
  });
});

describe('proofreading', () => {
  it('anyone but the last translator marks a unit proofread; an edit clears it', async () => {
    const slug = await testDocument(app, admin);
    await save(translator, slug, 2, 'fr', { text: 'Traduit.', baseRevision: 0 });
    const url = `/api/v1/documents/${slug}/units/2/translations/fr/proofread`;
    expect((await translator.post(url)).status).toBe(403);
    const ok = await reviewer.post(url);
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ state: 'proofread', progress: { proofread: 1, translated: 0 } });
    const view = await anon().get(`/api/v1/documents/${slug}/translations/fr`);
    expect(view.body.units[2].translation.proofreadBy).toMatchObject({ username: reviewer.username });
    const edited = await reviewer.put(`/api/v1/documents/${slug}/units/2/translations/fr`, {
      text: 'Traduit, revu.',
      baseRevision: 1,
    });
    expect(edited.body.state).toBe('translated');
    // Now the reviewer is the last translator: they may not proofread their own text.
    expect((await reviewer.post(url)).status).toBe(403);
    expect((await reviewer.post(`/api/v1/documents/${slug}/units/3/translations/fr/proofread`)).status).toBe(404);
  });
});

describe('outdated translations', () => {
  it('a source change outdates translations and tells followers; a minor one does not', async () => {
    const slug = await testDocument(app, admin);
    await save(translator, slug, 2, 'ar', { text: 'القادة ينمون بالفعل.', baseRevision: 0 });
    await save(translator, slug, 5, 'ar', { text: 'فقرة ختامية.', baseRevision: 0 });
    await admin.put(`/api/v1/documents/${slug}/units/5`, {
      text: 'A closing paragraph!',
      baseRevision: 1,
      minor: true,
    });
    await admin.put(`/api/v1/documents/${slug}/units/2`, { text: 'Leaders grow by acting.', baseRevision: 1 });
    const changes = await anon().get(`/api/v1/documents/${slug}/translations/ar/source-changes`);
    expect(changes.body.items).toHaveLength(1);
    expect(changes.body.items[0]).toMatchObject({ unitId: '2', from: 1, to: 3 });
    expect(changes.body.items[0].diff.some((p: { op: string }) => p.op === 'added')).toBe(true);
    const view = await anon().get(`/api/v1/documents/${slug}/translations/ar`);
    expect(view.body).toMatchObject({ language: 'ar', dir: 'rtl', progress: { outdated: 1, translated: 1 } });
    expect(view.body.units[2]).toMatchObject({ state: 'outdated' });
    expect(view.body.units[2].sourceChanges).not.toBeNull();
    expect(view.body.units[5]).toMatchObject({ state: 'translated', sourceChanges: null });
    const told = await app.db
      .selectFrom('notifications as n')
      .innerJoin('notification_events as e', 'e.id', 'n.event_id')
      .select(['n.kind'])
      .where('n.user_id', '=', translator.userId)
      .where('n.kind', '=', 'translation_outdated')
      .execute();
    expect(told).toHaveLength(1);
    // Catching up: up to date again.
    const caught = await save(translator, slug, 2, 'ar', { text: 'القادة ينمون بالعمل.', baseRevision: 1 });
    expect(caught.body).toMatchObject({ state: 'translated', sourceRevision: 3 });
    expect((await anon().get(`/api/v1/documents/${slug}/translations/ar/source-changes`)).body.items).toEqual([]);
  });

  it('offers the translation of an identical source text as a suggestion', async () => {
    const one = await testDocument(app, admin, 'A sentence shared by two documents.');
    await save(translator, one, 1, 'fr', { text: 'Une phrase partagée.', baseRevision: 0 });
    const two = await testDocument(app, admin, 'Something else.\n\nA sentence shared by two documents.');
    const view = await anon().get(`/api/v1/documents/${two}/translations/fr`);
    expect(view.body.units[2]).toMatchObject({ state: 'untranslated', suggestion: 'Une phrase partagée.' });
    expect(view.body.units[1].suggestion).toBeNull();
  });

  it('a hidden translation reads as missing', async () => {
    const slug = await testDocument(app, admin);
    await save(translator, slug, 2, 'fr', { text: 'Cachée.', baseRevision: 0 });
    const view = await anon().get(`/api/v1/documents/${slug}/translations/fr`);
    const moderator = await signedUp(app);
    await grantRole(app, moderator.username, 'moderator');
    const hidden = await moderator.post('/api/v1/moderation/hide', {
      subject: { type: 'unit_translation', id: String(view.body.units[2].translation.id) },
      reason: 'Spam',
    });
    expect(hidden.status, hidden.text).toBeLessThan(300);
    const read = await anon().get(`/api/v1/documents/${slug}?lang=fr&revision=1`);
    expect(read.body.units[2]).toMatchObject({ state: 'fallback', language: 'en' });
    expect((await anon().get(`/api/v1/documents/${slug}/progress`)).body.items).toEqual([]);
    // A save from "none yet" is told the hidden one's revision, never its text.
    const over = await save(reviewer, slug, 2, 'fr', { text: 'Nouvelle.', baseRevision: 0 });
    expect(over.status).toBe(409);
    expect(over.body.current).toMatchObject({ text: '', revision: 1 });
  });

  it('the translators view and the progress take a fixed number of queries', async () => {
    const counts: number[][] = [];
    for (const n of [3, 30]) {
      const markdown = Array.from({ length: n }, (_, i) => `Paragraph ${i}.`).join('\n\n');
      const slug = await testDocument(app, admin, markdown);
      for (const lang of ['fr', 'es', 'de', 'it'].slice(0, n === 3 ? 1 : 4)) {
        for (let u = 1; u <= Math.min(n, 5); u++)
          await save(translator, slug, u, lang, { text: `${lang} ${u}`, baseRevision: 0 });
      }
      await admin.put(`/api/v1/documents/${slug}/units/1`, { text: 'Changed.', baseRevision: 1 });
      const counter = queryCounter();
      const original = app.deps.db;
      counter.install(app);
      const these: number[] = [];
      try {
        for (const url of [`translations/fr`, `progress`, `translations/fr/source-changes`]) {
          counter.reset();
          expect((await anon().get(`/api/v1/documents/${slug}/${url}`)).status).toBe(200);
          these.push(counter.count);
        }
      } finally {
        app.deps.db = original;
      }
      counts.push(these);
    }
    expect(counts[0]).toEqual(counts[1]);
  });
});
