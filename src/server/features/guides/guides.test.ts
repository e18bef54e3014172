import { beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { testApp } from '../../testing/harness';
import { TestClient } from '../../testing/client';
import { SHIPPED, SHIPPED_SLUGS } from './content';
import { ensureGuides, phaseChecklist, PHASES } from './service';
import { testGuide } from './testing';

let app: FastifyInstance;
const anon = () => new TestClient(app);
type Item = {
  slug: string;
  phase: string | null;
  language: string;
  fallback: boolean;
  outdated: boolean;
  title: string;
};

beforeAll(async () => {
  app = await testApp();
  await ensureGuides(app.db);
});

describe('the shipped guides', () => {
  it('are loaded once, into an empty table only', async () => {
    expect(await ensureGuides(app.db)).toBe(false);
    const rows = await app.db
      .selectFrom('guides')
      .select('slug')
      .where('slug', 'in', [...SHIPPED_SLUGS])
      .execute();
    expect(rows).toHaveLength(6);
  });

  it('exist in every interface language, each translation giving every checklist item its text', () => {
    for (const [language, guides] of Object.entries(SHIPPED)) {
      for (const slug of SHIPPED_SLUGS) {
        const g = guides[slug];
        expect(g.title.length, `${language}/${slug}`).toBeGreaterThan(5);
        expect(g.body.length, `${language}/${slug}`).toBeGreaterThan(1200);
        expect(Object.keys(g.checklist), `${language}/${slug}`).toEqual(Object.keys(SHIPPED.en[slug].checklist));
        if (language !== 'en') expect(g.title, `${language}/${slug}`).not.toBe(SHIPPED.en[slug].title);
      }
    }
    expect(Object.keys(SHIPPED).sort()).toEqual(['ar', 'en', 'es', 'fr', 'hi', 'ru']);
  });

  it('list in reading order: the overview, then the five phases', async () => {
    const res = await anon().get('/api/v1/guides?lang=en');
    expect(res.status).toBe(200);
    const shipped = (res.body.items as Item[]).filter((i) => (SHIPPED_SLUGS as readonly string[]).includes(i.slug));
    expect(shipped.map((i) => i.phase)).toEqual([null, ...PHASES]);
    expect(shipped[1]).toMatchObject({
      slug: 'define',
      language: 'en',
      fallback: false,
      outdated: false,
      title: 'Define: who, what problem, what resources',
    });
    expect(res.body.next).toBeNull();
  });

  it('are read in the interface language by default, and in the language asked for', async () => {
    const arabic = await anon().get('/api/v1/guides/define?uselang=ar');
    expect(arabic.status).toBe(200);
    expect(arabic.body).toMatchObject({
      language: 'ar',
      requested: 'ar',
      fallback: false,
      outdated: false,
      title: SHIPPED.ar.define.title,
    });
    expect(arabic.body.checklist.every((i: { language: string }) => i.language === 'ar')).toBe(true);
    const spanish = await anon().get('/api/v1/guides/define?lang=es&uselang=ar');
    expect(spanish.body).toMatchObject({ language: 'es', title: SHIPPED.es.define.title });
  });

  it('give a guide its sections as second-level headings, its checklist and its neighbours', async () => {
    const res = await anon().get('/api/v1/guides/design?lang=en');
    expect(res.body.bodyHtml).toContain('<h2>Write learning objectives</h2>');
    expect(res.body.bodyHtml).not.toMatch(/<h1|<h3>Write/);
    expect(res.body.previous).toMatchObject({ slug: 'define', title: SHIPPED.en.define.title });
    expect(res.body.next).toMatchObject({ slug: 'develop', title: SHIPPED.en.develop.title });
    expect(res.body.checklist[0]).toEqual({
      key: 'objectives',
      id: 'design_objectives',
      text: SHIPPED.en.design.checklist.objectives,
      language: 'en',
    });
    expect(res.body.languages.map((l: { language: string }) => l.language).sort()).toEqual([
      'ar',
      'en',
      'es',
      'fr',
      'hi',
      'ru',
    ]);
    const overview = await anon().get('/api/v1/guides/overview?lang=en');
    expect(overview.body.previous).toBeNull();
    expect(overview.body.next.slug).toBe('define');
  });

  it('fall back to English, marked as such, in a language they are not written in', async () => {
    const res = await anon().get('/api/v1/guides/implement?lang=de');
    expect(res.body).toMatchObject({
      language: 'en',
      requested: 'de',
      fallback: true,
      outdated: false,
      title: SHIPPED.en.implement.title,
    });
    const list = await anon().get('/api/v1/guides?lang=de');
    expect(list.body.requested).toBe('de');
    expect(list.body.items.find((i: Item) => i.slug === 'implement')).toMatchObject({ language: 'en', fallback: true });
  });

  it("fall back along the language's MediaWiki chain before English: Egyptian Arabic reads Arabic", async () => {
    const res = await anon().get('/api/v1/guides/implement?lang=arz');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      language: 'ar',
      requested: 'arz',
      fallback: true,
      title: SHIPPED.ar.implement.title,
    });
    expect(res.body.checklist.every((i: { language: string }) => i.language === 'ar')).toBe(true);
    const list = await anon().get('/api/v1/guides?lang=arz');
    expect(list.body.items.find((i: Item) => i.slug === 'implement')).toMatchObject({ language: 'ar', fallback: true });
    const checklist = await phaseChecklist(app.db, 'implement', 'arz');
    expect(checklist).toMatchObject({ language: 'ar', fallback: true });
  });

  it('refuse an unknown language and answer 404 for an unknown guide', async () => {
    const bad = await anon().get('/api/v1/guides/define?lang=Klingon');
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('lang');
    expect((await anon().get('/api/v1/guides?lang=xx-nope')).status).toBe(400);
    expect((await anon().get('/api/v1/guides/no-such-guide')).status).toBe(404);
    // Other query parameters are ignored.
    expect((await anon().get('/api/v1/guides/define?foo=1')).status).toBe(200);
  });
});

describe('phaseChecklist, for initiatives', () => {
  it("gives each phase's checklist in the language asked for, with ids an initiative can record", async () => {
    const design = await phaseChecklist(app.db, 'design', 'fr');
    expect(design).toMatchObject({
      guide: 'design',
      language: 'fr',
      fallback: false,
      outdated: false,
      title: SHIPPED.fr.design.title,
    });
    expect(design!.items.map((i) => i.id)).toEqual([
      'design_objectives',
      'design_format',
      'design_syllabus',
      'design_inclusion',
      'design_evaluation_plan',
      'design_call',
    ]);
    expect(design!.items[0]).toEqual({
      key: 'objectives',
      id: 'design_objectives',
      text: SHIPPED.fr.design.checklist.objectives,
      language: 'fr',
    });
    for (const phase of PHASES)
      expect((await phaseChecklist(app.db, phase, 'hi'))!.items.length).toBeGreaterThanOrEqual(4);
  });

  it('falls back to English for a language without a version', async () => {
    const evaluate = await phaseChecklist(app.db, 'evaluate', 'pt-br');
    expect(evaluate).toMatchObject({ guide: 'evaluate', language: 'en', fallback: true });
    expect(evaluate!.items.every((i) => i.language === 'en')).toBe(true);
  });
});

describe('a translation missing checklist items', () => {
  it('shows those items in English, marked with their language', async () => {
    const slug = await testGuide(app, {
      fr: {
        title: 'Guide',
        summary: 'Résumé.',
        body: 'Texte.',
        checklist: [{ key: 'second', text: 'Faire la deuxième chose.' }],
      },
    });
    const res = await anon().get(`/api/v1/guides/${slug}?lang=fr`);
    expect(res.body.checklist).toEqual([
      { key: 'first', id: 'overview_first', text: 'Do the first thing.', language: 'en' },
      { key: 'second', id: 'overview_second', text: 'Faire la deuxième chose.', language: 'fr' },
    ]);
  });
});
