import { beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { testApp } from '../../testing/harness';
import { TestClient, grantRole, signedUp } from '../../testing/client';
import { englishText, testGuide, type TestGuideText } from './testing';

let app: FastifyInstance;
let admin: TestClient & { username: string; userId: number };
const anon = () => new TestClient(app);

beforeAll(async () => {
  app = await testApp();
  admin = await signedUp(app);
  await grantRole(app, admin.username, 'admin');
});

const french: TestGuideText = {
  title: 'Guide en français',
  summary: 'De quoi parle ce guide.',
  body: '# Première étape\nFaire la première chose.',
  checklist: [
    { key: 'first', text: 'Faire la première chose.' },
    { key: 'second', text: 'Faire la deuxième chose.' },
  ],
};

const read = async (slug: string, lang: string) => (await anon().get(`/api/v1/guides/${slug}?lang=${lang}`)).body;

describe('editing a guide', () => {
  it('saves the English text as a new revision and marks translations outdated, for readers and editors', async () => {
    const slug = await testGuide(app, { fr: french });
    expect((await read(slug, 'fr')).outdated).toBe(false);
    const text = englishText(slug);
    const res = await admin.put(`/api/v1/guides/${slug}/versions/en`, {
      ...text,
      body: `${text.body}\n\n# Third step\nA new step.`,
      checklist: [...text.checklist, { text: 'Take the new step' }],
      note: 'Adds a third step',
      baseRevision: 1,
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ revision: 2, language: 'en', outdated: false });
    expect(res.body.bodyHtml).toContain('<h2>Third step</h2>');
    expect(res.body.checklist.map((i: { key: string }) => i.key)).toEqual(['first', 'second', 'take-the-new']);

    const fr = await read(slug, 'fr');
    expect(fr).toMatchObject({ language: 'fr', outdated: true, sourceRevision: 1, sourceCurrentRevision: 2 });
    // The new item shows in English until the translation has it.
    expect(fr.checklist[2]).toMatchObject({ key: 'take-the-new', text: 'Take the new step', language: 'en' });
    expect(fr.languages).toEqual([
      { language: 'en', outdated: false },
      { language: 'fr', outdated: true },
    ]);
    const list = await anon().get('/api/v1/guides?lang=fr');
    expect(list.body.items.find((i: { slug: string }) => i.slug === slug)).toMatchObject({ outdated: true });

    const changes = await anon().get(`/api/v1/guides/${slug}/versions/fr/source-changes`);
    expect(changes.body).toMatchObject({ from: 1, to: 2, changed: true });
    expect(
      changes.body.body.filter((p: { op: string }) => p.op === 'added').map((p: { text: string }) => p.text),
    ).toEqual(['', '# Third step', 'A new step.']);
    expect(changes.body.checklist).toEqual([
      { op: 'same', text: 'Do the first thing.' },
      { op: 'same', text: 'Do the second thing.' },
      { op: 'added', text: 'Take the new step' },
    ]);

    // The translator catches up: no longer outdated.
    const caught = await admin.put(`/api/v1/guides/${slug}/versions/fr`, {
      ...french,
      checklist: [...french.checklist, { key: 'take-the-new', text: 'Franchir la nouvelle étape' }],
      baseRevision: 1,
      sourceRevision: 2,
    });
    expect(caught.status).toBe(200);
    expect(caught.body).toMatchObject({ outdated: false, revision: 2, sourceRevision: 2 });
    expect((await anon().get(`/api/v1/guides/${slug}/versions/fr/source-changes`)).body.changed).toBe(false);
  });

  it('keeps translations up to date after a minor English edit, but not after a translation saved against an old text', async () => {
    const slug = await testGuide(app, { fr: french, es: { ...french, title: 'Guía' } });
    // Spanish is saved still translating revision 1 after English moved on: it must stay behind.
    await admin.put(`/api/v1/guides/${slug}/versions/en`, { ...englishText(slug), summary: 'Changed meaning.' });
    await admin.put(`/api/v1/guides/${slug}/versions/fr`, { ...french, sourceRevision: 2 });
    const minor = await admin.put(`/api/v1/guides/${slug}/versions/en`, {
      ...englishText(slug),
      summary: 'Changed meaning, typo fixed.',
      minor: true,
    });
    expect(minor.body.revision).toBe(3);
    expect((await read(slug, 'fr')).outdated).toBe(false);
    expect((await read(slug, 'es')).outdated).toBe(true);
    const history = await anon().get(`/api/v1/guides/${slug}/versions/en/revisions`);
    expect(history.body.items.map((r: { revision: number; minor: boolean }) => [r.revision, r.minor])).toEqual([
      [3, true],
      [2, false],
      [1, false],
    ]);
  });

  it('adds a language version with 201, and readers of that language see it instead of English', async () => {
    const slug = await testGuide(app);
    const before = await read(slug, 'ru');
    expect(before).toMatchObject({ language: 'en', fallback: true });
    const res = await admin.put(`/api/v1/guides/${slug}/versions/ru`, {
      title: 'Руководство',
      summary: 'О чём это руководство.',
      body: 'Текст.',
      checklist: [{ key: 'first', text: 'Сделать первое.' }],
      baseRevision: 0,
      note: 'Первый перевод',
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      language: 'ru',
      fallback: false,
      outdated: false,
      revision: 1,
      sourceRevision: 1,
    });
    expect(await read(slug, 'ru')).toMatchObject({ language: 'ru', title: 'Руководство' });
    const audit = await app.db
      .selectFrom('audit_log')
      .select(['action', 'details'])
      .where('object_type', '=', 'guide')
      .where('object_id', '=', slug)
      .execute();
    expect(audit).toEqual([{ action: 'guides.add-language', details: { language: 'ru', revision: 1, minor: false } }]);
  });

  it('keeps the history of every save with its editor and note, and each revision readable', async () => {
    const slug = await testGuide(app);
    await admin.put(`/api/v1/guides/${slug}/versions/en`, {
      ...englishText(slug),
      title: 'Second title',
      note: 'Clearer title',
    });
    await admin.put(`/api/v1/guides/${slug}/versions/en`, { ...englishText(slug), title: 'Third title' });
    const page1 = await anon().get(`/api/v1/guides/${slug}/versions/en/revisions?limit=2`);
    expect(page1.body.items.map((r: { revision: number }) => r.revision)).toEqual([3, 2]);
    expect(page1.body.items[1]).toMatchObject({
      title: 'Second title',
      note: 'Clearer title',
      editor: { username: admin.username },
    });
    const page2 = await anon().get(`/api/v1/guides/${slug}/versions/en/revisions?limit=2&cursor=${page1.body.next}`);
    expect(page2.body).toMatchObject({ next: null, items: [{ revision: 1, editor: null }] });
    const first = await anon().get(`/api/v1/guides/${slug}/versions/en/revisions/1`);
    expect(first.body).toMatchObject({ revision: 1, title: `Guide ${slug}`, body: englishText(slug).body });
    expect((await anon().get(`/api/v1/guides/${slug}/versions/en/revisions/9`)).status).toBe(404);
    expect((await anon().get(`/api/v1/guides/${slug}/versions/en/revisions/x`)).status).toBe(404);
  });

  it('refuses a save based on a revision someone else has replaced, writing nothing', async () => {
    const slug = await testGuide(app);
    await admin.put(`/api/v1/guides/${slug}/versions/en`, { ...englishText(slug), title: 'Theirs', baseRevision: 1 });
    const stale = await admin.put(`/api/v1/guides/${slug}/versions/en`, {
      ...englishText(slug),
      title: 'Mine',
      baseRevision: 1,
    });
    expect(stale.status).toBe(409);
    expect(stale.body.errors[0].field).toBe('baseRevision');
    expect((await read(slug, 'en')).title).toBe('Theirs');
    const exists = await admin.put(`/api/v1/guides/${slug}/versions/en`, { ...englishText(slug), baseRevision: 0 });
    expect(exists.status).toBe(409);
  });

  it('lets one of two simultaneous saves from the same revision through, and tells the other', async () => {
    const slug = await testGuide(app);
    const other = await signedUp(app);
    await grantRole(app, other.username, 'admin');
    const firsts = await Promise.all(
      [admin, other].map((who, i) =>
        who.put(`/api/v1/guides/${slug}/versions/hi`, { ...french, title: `T${i}`, baseRevision: 0 }),
      ),
    );
    expect(firsts.map((r) => r.status).sort()).toEqual([201, 409]);
    const edits = await Promise.all(
      [admin, other].map((who, i) =>
        who.put(`/api/v1/guides/${slug}/versions/en`, { ...englishText(slug), title: `E${i}`, baseRevision: 1 }),
      ),
    );
    expect(edits.map((r) => r.status).sort()).toEqual([200, 409]);
    const history = await anon().get(`/api/v1/guides/${slug}/versions/en/revisions`);
    expect(history.body.items.map((r: { revision: number }) => r.revision)).toEqual([2, 1]);
  });

  it('removes a translation, so its readers see English marked as such; English stays', async () => {
    const slug = await testGuide(app, { ar: { ...french, title: 'دليل' } });
    expect(await read(slug, 'ar')).toMatchObject({ language: 'ar', title: 'دليل' });
    expect((await admin.delete(`/api/v1/guides/${slug}/versions/ar`)).status).toBe(204);
    expect(await read(slug, 'ar')).toMatchObject({ language: 'en', requested: 'ar', fallback: true });
    expect((await admin.delete(`/api/v1/guides/${slug}/versions/ar`)).status).toBe(404);
    expect((await admin.delete(`/api/v1/guides/${slug}/versions/en`)).status).toBe(409);
    // Added again, its revisions continue where they were.
    const again = await admin.put(`/api/v1/guides/${slug}/versions/ar`, { ...french, title: 'دليل', baseRevision: 0 });
    expect(again.body.revision).toBe(2);
  });
});

describe('refusals', () => {
  it('refuses every change by members and moderators (403) and anonymous people (401), writing nothing', async () => {
    const slug = await testGuide(app, { fr: french });
    const moderator = await signedUp(app);
    await grantRole(app, moderator.username, 'moderator');
    const member = await signedUp(app);
    const nobody = await anon().start();
    for (const [who, status] of [
      [member, 403],
      [moderator, 403],
      [nobody, 401],
    ] as const) {
      expect(
        (await who.put(`/api/v1/guides/${slug}/versions/en`, { ...englishText(slug), title: 'Hijacked' })).status,
      ).toBe(status);
      expect(
        (await who.put(`/api/v1/guides/${slug}/versions/de`, { ...englishText(slug), title: 'Entführt' })).status,
      ).toBe(status);
      expect((await who.delete(`/api/v1/guides/${slug}/versions/fr`)).status).toBe(status);
    }
    expect(await read(slug, 'en')).toMatchObject({ title: `Guide ${slug}`, revision: 1 });
    expect((await read(slug, 'fr')).language).toBe('fr');
    expect((await read(slug, 'de')).language).toBe('en');
    const refused = await app.db
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'permission.refused')
      .where('actor_id', '=', member.userId)
      .execute();
    expect(refused.map((r) => (r.details as { attempted: string }).attempted).sort()).toEqual([
      'guides.delete-language',
      'guides.edit',
      'guides.edit',
    ]);
  });

  it('names each bad field and writes nothing', async () => {
    const slug = await testGuide(app, { fr: french });
    const url = `/api/v1/guides/${slug}/versions/en`;
    const empty = await admin.put(url, { title: ' ', summary: '', body: '', checklist: 'x', extra: 1 });
    expect(empty.status).toBe(400);
    expect(empty.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'body',
      'checklist',
      'extra',
      'summary',
      'title',
    ]);
    const keys = await admin.put(url, {
      ...englishText(slug),
      checklist: [
        { key: 'a', text: 'x' },
        { key: 'a', text: 'y' },
        { key: 'Bad Key', text: 'z' },
      ],
    });
    expect(keys.body.errors.map((e: { field: string; message: string }) => e.field).sort()).toEqual([
      'checklist',
      'checklist.2.key',
    ]);
    const tooMany = await admin.put(url, {
      ...englishText(slug),
      checklist: Array.from({ length: 21 }, (_, i) => ({ text: `item ${i}` })),
    });
    expect(tooMany.body.errors[0].field).toBe('checklist');
    expect((await admin.put(url, { ...englishText(slug), title: 'x'.repeat(201) })).body.errors[0].field).toBe('title');
    expect((await admin.put(url, { ...englishText(slug), sourceRevision: 1 })).body.errors[0].field).toBe(
      'sourceRevision',
    );
    const fr = `/api/v1/guides/${slug}/versions/fr`;
    expect((await admin.put(fr, { ...french, minor: true })).body.errors[0].field).toBe('minor');
    expect((await admin.put(fr, { ...french, sourceRevision: 5 })).body.errors[0].field).toBe('sourceRevision');
    const unknownKey = await admin.put(fr, { ...french, checklist: [{ key: 'nope', text: 'x' }, { text: 'no key' }] });
    expect(unknownKey.status).toBe(400);
    expect(unknownKey.body.errors).toEqual([
      { field: 'checklist.0.key', message: 'This checklist item is not in the English version.' },
      { field: 'checklist.1.key', message: 'Name the English checklist item this text translates.' },
    ]);
    const badLang = await admin.put(`/api/v1/guides/${slug}/versions/klingon`, { ...french });
    expect(badLang.status).toBe(400);
    expect(badLang.body.errors[0].field).toBe('lang');
    expect((await admin.put('/api/v1/guides/no-such-guide/versions/en', englishText('x'))).status).toBe(404);
    expect((await admin.request('PUT', url, undefined, { 'content-type': 'application/json' })).status).toBe(400);
    expect(await read(slug, 'en')).toMatchObject({ revision: 1, title: `Guide ${slug}` });
    expect(await read(slug, 'fr')).toMatchObject({ revision: 1, title: french.title });
  });

  it('answers 404 for the source changes of English or of a language without a version', async () => {
    const slug = await testGuide(app);
    expect((await anon().get(`/api/v1/guides/${slug}/versions/en/source-changes`)).status).toBe(404);
    expect((await anon().get(`/api/v1/guides/${slug}/versions/fr/source-changes`)).status).toBe(404);
  });
});
