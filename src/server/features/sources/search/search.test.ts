// The sources' search: words in the title, authors and summary, filters, three orders with keyset pages, the
// walk and the trigram index giving the same answers, bad filters refused naming the field.
import { beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { TestClient } from '../../../testing/client';
import { testApp, unique } from '../../../testing/harness';
import { sourceFiltersOf } from './filters';
import { listSources } from './repo';
import { insertReviews, insertSource, insertSources, setUsedCount } from './testing';

let app: FastifyInstance;
let anon: TestClient;
beforeAll(async () => {
  app = await testApp();
  anon = new TestClient(app);
});

const titles = async (query: string) => {
  const res = await anon.get(`/api/v1/sources?${query}`);
  expect(res.status, res.text).toBe(200);
  return (res.body.items as { title: string }[]).map((i) => i.title);
};

/** Every page of a query, followed through its cursors. */
async function allPages(query: string, limit: number): Promise<string[]> {
  const seen: string[] = [];
  let cursor: string | null = null;
  do {
    const res = await anon.get(`/api/v1/sources?${query}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
    expect(res.status, res.text).toBe(200);
    seen.push(...(res.body.items as { title: string }[]).map((i) => i.title));
    cursor = res.body.next as string | null;
  } while (cursor);
  return seen;
}

describe('GET /api/v1/sources', () => {
  it('finds every word in the title, authors or summary, in any case, newest first', async () => {
    const m = unique('mk');
    const at = (n: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, n));
    await insertSources(app, [
      { title: `${m} Facilitation handbook`, createdAt: at(1) },
      { title: `${m} A talk`, authors: [{ family: 'Adichie', given: 'Chimamanda' }], kind: 'talk', createdAt: at(2) },
      { title: `${m} Notes`, summary: 'On FACILITATION of meetings', createdAt: at(3) },
      { title: `${m} Unrelated`, createdAt: at(4) },
    ]);
    expect(await titles(`q=${m}+facilitation`)).toEqual([`${m} Notes`, `${m} Facilitation handbook`]);
    expect(await titles(`q=${m}+chimamanda+ADICHIE`)).toEqual([`${m} A talk`]);
    expect(await titles(`q=${m}+nowhere`)).toEqual([]);
    const res = await anon.get(`/api/v1/sources?q=${m}+talk`);
    expect(res.body.items[0]).toEqual({
      id: expect.stringMatching(/^\d+$/),
      kind: 'talk',
      title: `${m} A talk`,
      authors: [{ family: 'Adichie', given: 'Chimamanda' }],
      year: null,
      languages: [],
      access: 'open',
      judgements: { reliable: 0, mixed: 0, unreliable: 0, not_sure: 0 },
      judgement: null,
      reviews: 0,
      usedBy: 0,
    });
  });

  it('filters by kind, language, skill, judgement, access and years', async () => {
    const m = unique('fl');
    const [book, , , ,] = await insertSources(app, [
      { title: `${m} one`, kind: 'book', languages: ['fr', 'en'], skills: ['facilitation'], year: 2001 },
      { title: `${m} two`, kind: 'article', languages: ['en'], access: 'paywalled', year: 2010 },
      { title: `${m} three`, kind: 'book', languages: ['es'], access: 'library', year: 1999 },
      { title: `${m} four`, kind: 'video', skills: ['public_speaking', 'facilitation'] },
    ]);
    const two = (await insertSources(app, [{ title: `${m} five`, kind: 'book', year: 2005 }]))[0]!;
    await insertReviews(app, book!, ['reliable', 'reliable', 'unreliable']);
    await insertReviews(app, two, ['reliable', 'unreliable']);
    const sorted = async (q: string) => (await titles(`q=${m}&${q}`)).sort();
    expect(await sorted('kind=book')).toEqual([`${m} five`, `${m} one`, `${m} three`]);
    expect(await sorted('language=fr')).toEqual([`${m} one`]);
    expect(await sorted('language=en')).toEqual([`${m} one`, `${m} two`]);
    expect(await sorted('skill=facilitation')).toEqual([`${m} four`, `${m} one`]);
    expect(await sorted('judgement=reliable')).toEqual([`${m} one`]);
    expect(await sorted('judgement=mixed')).toEqual([`${m} five`]);
    expect(await sorted('access=open')).toEqual([`${m} five`, `${m} four`, `${m} one`]);
    expect(await sorted('access=library')).toEqual([`${m} three`]);
    expect(await sorted('from=2001&to=2005')).toEqual([`${m} five`, `${m} one`]);
    expect(await sorted('from=2006')).toEqual([`${m} two`]);
    expect(await sorted('to=2000')).toEqual([`${m} three`]);
    expect(
      await sorted('kind=book&language=fr&skill=facilitation&judgement=reliable&access=open&from=2000&to=2001'),
    ).toEqual([`${m} one`]);
    const one = (await anon.get(`/api/v1/sources?q=${m}&judgement=reliable`)).body.items[0];
    expect(one).toMatchObject({ judgements: { reliable: 2, mixed: 0, unreliable: 1, not_sure: 0 }, reviews: 3 });
  });

  it('sorts by reviews and by use, and pages each order with its own cursor', async () => {
    const m = unique('st');
    const ids = await insertSources(
      app,
      [0, 1, 2, 3, 4].map((n) => ({ title: `${m} s${n}` })),
    );
    await insertReviews(app, ids[1]!, ['reliable', 'mixed', 'reliable']);
    await insertReviews(app, ids[3]!, ['not_sure']);
    await insertReviews(app, ids[4]!, ['mixed', 'mixed', 'mixed']);
    await setUsedCount(app, ids[2]!, 5);
    await setUsedCount(app, ids[0]!, 2);
    // Ties go by id, newest id first; all five were added in one statement (one created_at).
    expect(await allPages(`q=${m}&sort=reviewed`, 2)).toEqual([`${m} s4`, `${m} s1`, `${m} s3`, `${m} s2`, `${m} s0`]);
    expect(await allPages(`q=${m}&sort=used`, 2)).toEqual([`${m} s2`, `${m} s0`, `${m} s4`, `${m} s3`, `${m} s1`]);
    expect(await allPages(`q=${m}&sort=newest`, 2)).toEqual([`${m} s4`, `${m} s3`, `${m} s2`, `${m} s1`, `${m} s0`]);
    expect(await allPages(`q=${m}`, 1)).toEqual([`${m} s4`, `${m} s3`, `${m} s2`, `${m} s1`, `${m} s0`]);
  });

  it('pages without words through every source once', async () => {
    const m = unique('pg');
    await insertSources(
      app,
      Array.from({ length: 7 }, (_, n) => ({ title: `${m} p${n}`, kind: 'podcast' as const, year: 1234 })),
    );
    const seen = await allPages('kind=podcast&from=1234&to=1234', 3);
    expect(seen.filter((t) => t.startsWith(m))).toEqual([6, 5, 4, 3, 2, 1, 0].map((n) => `${m} p${n}`));
  });

  it('gives the same matches through the walk and through the trigram index', async () => {
    const m = unique('tg');
    const ids = await insertSources(
      app,
      Array.from({ length: 12 }, (_, n) => ({
        title: n % 3 === 0 ? `${m} rare ${n}` : `Common ${n}`,
        summary: n % 3 === 0 ? 'q_x' : `${m}`,
      })),
    );
    const f = sourceFiltersOf({ q: `${m} q_x`, sort: 'newest' });
    // A walk of 2 reads too few sources to fill a page: the index answers.
    const viaIndex = await listSources(app.db, f, null, 10, 2);
    const viaWalk = await listSources(app.db, f, null, 10, 100_000);
    expect(viaIndex.map((r) => r.id)).toEqual(viaWalk.map((r) => r.id));
    expect(viaIndex.map((r) => r.id)).toEqual([ids[9], ids[6], ids[3], ids[0]]);
    const reviewed = sourceFiltersOf({ q: m, sort: 'reviewed' });
    expect((await listSources(app.db, reviewed, null, 20, 2)).length).toBe(12);
  });

  it('gives the same matches for filters through the walk and through the facets index, in every order', async () => {
    const m = unique('fc');
    const ids = await insertSources(
      app,
      Array.from({ length: 9 }, (_, n) => ({
        title: `${m} f${n}`,
        kind: n % 3 === 0 ? ('podcast' as const) : ('book' as const),
        languages: n % 3 === 0 ? ['kk', 'en'] : ['en'],
        skills: n % 3 === 0 ? ['mentoring'] : [],
        year: 1400 + n,
      })),
    );
    await insertReviews(app, ids[3]!, ['reliable']);
    for (const sort of ['newest', 'reviewed', 'used'] as const) {
      const f = sourceFiltersOf({
        kind: 'podcast',
        language: 'kk',
        skill: 'mentoring',
        from: '1400',
        to: '1410',
        sort,
      });
      // A walk of 2 reads too few sources to fill a page: the facets index answers.
      const viaIndex = (await listSources(app.db, f, null, 10, 2)).map((r) => r.id);
      const viaWalk = (await listSources(app.db, f, null, 10, 100_000)).map((r) => r.id);
      expect(viaIndex).toEqual(viaWalk);
      expect([...viaIndex].sort((a, b) => a - b)).toEqual([ids[0], ids[3], ids[6]]);
    }
  });

  it('refuses bad filters with a 400 naming each field', async () => {
    for (const [query, field] of [
      ['kind=novel', 'kind'],
      ['language=xx-nope', 'language'],
      ['skill=juggling', 'skill'],
      ['judgement=great', 'judgement'],
      ['access=free', 'access'],
      ['sort=oldest', 'sort'],
      ['from=19', 'from'],
      ['to=2020-01', 'to'],
      ['from=2020&to=2010', 'to'],
      ['cursor=nope', 'cursor'],
      [
        `sort=reviewed&cursor=${Buffer.from(JSON.stringify(['2020-01-01T00:00:00Z', 1])).toString('base64url')}`,
        'cursor',
      ],
      [`cursor=${Buffer.from(JSON.stringify([3, 1])).toString('base64url')}`, 'cursor'],
      [`cursor=${Buffer.from(JSON.stringify(['Tue, 01 Jan 2020', 1])).toString('base64url')}`, 'cursor'],
    ]) {
      const res = await anon.get(`/api/v1/sources?${query}`);
      expect(res.status, query).toBe(400);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(
        res.body.errors.map((e: { field: string }) => e.field),
        query,
      ).toEqual([field]);
    }
  });

  it('shows a new source at once although answers are kept', async () => {
    const m = unique('kp');
    expect(await titles(`q=${m}`)).toEqual([]);
    await insertSource(app, { title: `${m} fresh` });
    expect(await titles(`q=${m}`)).toEqual([`${m} fresh`]);
  });
});
