import { describe, expect, it } from 'vitest';
import { testApp, unique } from '../../../testing/harness';
import { TestClient } from '../../../testing/client';
import { listArchived } from './repo';
import { archiveIds } from './service';
import { ended, evaluationOf } from './testing';
import { clockedApp, group, idea, openCall, someone } from '../testing';

type Item = { id: string; title: string; stage: string; ended: string; outcome: string | null; endedAt: string };
const ids = (body: { items: Item[] }) => body.items.map((i) => i.id);

describe('the archive', () => {
  it('lists ended initiatives only, newest ended first, for anyone, with their documentation and results', async () => {
    const app = await testApp();
    const lead = await someone(app);
    const helper = await someone(app);
    const g = await group(app);
    const live = await idea(lead, { communities: [g.slug] });
    const first = await ended(lead, {
      idea: {
        communities: [g.slug],
        languages: ['hi'],
        regions: ['SA'],
        skills: ['mentoring'],
        summary: '## Circles\n\nNew organizers learn **from** [experienced ones](https://example.org).',
      },
      evaluation: evaluationOf(['met', 'partly_met', 'not_met'], {
        lessons: `**Pair** every newcomer with a *mentor*.\n\n- ${'Keep notes. '.repeat(40)}`,
        documentation: [
          'https://commons.wikimedia.org/wiki/File:Report.pdf',
          'https://meta.wikimedia.org/wiki/Circles',
        ],
      }),
    });
    const second = await ended(lead, { idea: { communities: [g.slug] }, end: 'discontinued' });
    // One person accepted into a job before it ended.
    const withCall = await idea(lead, { communities: [g.slug] });
    const call = await openCall(lead, withCall.id);
    const signup = await helper.post(`/api/v1/initiatives/${withCall.id}/jobs/${call.jobs[0]!.id}/signups`, {});
    await lead.post(`/api/v1/initiatives/${withCall.id}/signups/${signup.body.id}/accept`);
    await lead.post(`/api/v1/initiatives/${withCall.id}/stage`, { stage: 'discontinued' });

    const anon = new TestClient(app);
    const res = await anon.get(`/api/v1/initiatives/archive?community=${g.slug}`);
    expect(res.status).toBe(200);
    expect(ids(res.body)).toEqual([withCall.id, second.id, first.id]);
    expect(ids(res.body)).not.toContain(live.id);
    const [c, b, a] = res.body.items;
    expect(a).toMatchObject({
      stage: 'archived',
      ended: 'completed',
      outcome: 'partly_met',
      evaluated: true,
      languages: ['hi'],
      regions: ['SA'],
      skills: ['mentoring'],
      communities: [{ slug: g.slug, name: g.name }],
      leads: [{ username: lead.username }],
      goals: { met: 1, partlyMet: 1, notMet: 1 },
      reachedTotal: 10,
      documentation: ['https://commons.wikimedia.org/wiki/File:Report.pdf', 'https://meta.wikimedia.org/wiki/Circles'],
    });
    // Cards show plain text: the Markdown of the summary and of the lessons is read, not shown.
    expect(a.summaryText).toBe('Circles New organizers learn from experienced ones.');
    expect(a.summary).toContain('**from**');
    expect(a.lessonsExcerpt.startsWith('Pair every newcomer with a mentor. Keep notes.')).toBe(true);
    expect(a.lessonsExcerpt.length).toBeLessThanOrEqual(281);
    expect(a.lessonsExcerpt.endsWith('…')).toBe(true);
    expect(b).toMatchObject({
      stage: 'discontinued',
      ended: 'discontinued',
      outcome: null,
      evaluated: false,
      lessonsExcerpt: '',
      documentation: [],
      goals: { met: 0 },
    });
    expect(c).toMatchObject({ people: 1 });

    // Reopened, it leaves the archive; ended again, it is back.
    await lead.post(`/api/v1/initiatives/${second.id}/stage`, { stage: 'idea' });
    expect(ids((await anon.get(`/api/v1/initiatives/archive?community=${g.slug}`)).body)).toEqual([
      withCall.id,
      first.id,
    ]);
  });

  it('finds words in the title, the summary and the lessons, every word, any case, parts of words', async () => {
    const app = await testApp();
    const lead = await someone(app);
    const word = unique('zq').toLowerCase();
    const inTitle = await ended(lead, { idea: { title: `Mentoring ${word}Circle`, summary: 'Monthly calls.' } });
    const inSummary = await ended(lead, {
      idea: { title: 'Facilitation school', summary: `A ${word} for facilitators.` },
      end: 'discontinued',
    });
    const inLessons = await ended(lead, {
      idea: { title: 'Translation sprint', summary: 'Two weeks.' },
      evaluation: evaluationOf(['met'], {
        lessons: `Book rooms early; ${word.toUpperCase()} helped.`,
        differently: 'Invite the Ñandú team.',
      }),
    });
    await idea(lead, { title: `Still live ${word}`, summary: 'Not ended.' });
    const search = async (q: string) => {
      const res = await new TestClient(app).get(`/api/v1/initiatives/archive?q=${encodeURIComponent(q)}`);
      expect(res.status, res.text).toBe(200);
      return ids(res.body);
    };
    expect(await search(word)).toEqual([inLessons.id, inSummary.id, inTitle.id]);
    expect(await search(word.toUpperCase())).toEqual([inLessons.id, inSummary.id, inTitle.id]);
    expect(await search(`${word}circle`)).toEqual([inTitle.id]);
    expect(await search(`  facilitators   ${word} `)).toEqual([inSummary.id]);
    // Every word must match, in any of the texts.
    expect(await search(`${word} rooms`)).toEqual([inLessons.id]);
    expect(await search(`${word} ñandú`)).toEqual([inLessons.id]);
    expect(await search(`${word} nowhere-else`)).toEqual([]);
    // Words too short for the trigram indexes are still found.
    expect(await search(`${word} ñ`)).toEqual([inLessons.id]);
    // Page by page: a full page is found reading the newest in order, the last by the indexes; the same either way.
    const first = await new TestClient(app).get(`/api/v1/initiatives/archive?q=${word}&limit=2`);
    expect(ids(first.body)).toEqual([inLessons.id, inSummary.id]);
    const second = await new TestClient(app).get(
      `/api/v1/initiatives/archive?q=${word}&limit=2&cursor=${first.body.next}`,
    );
    expect(ids(second.body)).toEqual([inTitle.id]);
    expect(second.body.next).toBeNull();
    // The indexes' way (a walk too short to fill a page, as on a large archive) finds the same.
    const byIndexes = async (words: string[]) =>
      (await listArchived(app.db, { words }, null, 10, 1)).map((r) => String(r.id));
    expect(await byIndexes([word])).toEqual([inLessons.id, inSummary.id, inTitle.id]);
    expect(await byIndexes([word, 'rooms'])).toEqual([inLessons.id]);
    expect(await byIndexes([word, 'ñ'])).toEqual([inLessons.id]);
    expect(await byIndexes([word, 'nowhere-else'])).toEqual([]);
    // LIKE's own characters are taken literally.
    expect(await search(`${word} %`)).toEqual([]);
    expect(await search(`${word} _`)).toEqual([]);
  });

  it('filters by region, language, group, skill (of the idea or a job), year and outcome', async () => {
    const app = await testApp();
    const lead = await someone(app);
    const g = await group(app);
    const other = await group(app);
    const word = unique('flt');
    const base = { summary: `About ${word}.` };
    const met = await ended(lead, {
      idea: { ...base, title: 'Met', regions: ['LAC'], languages: ['pt-br'], communities: [g.slug] },
      evaluation: evaluationOf(['met', 'met']),
    });
    const partly = await ended(lead, {
      idea: { ...base, title: 'Partly', regions: ['SA'], languages: ['hi'], skills: ['mentoring'] },
      evaluation: evaluationOf(['met', 'not_met']),
    });
    const notMet = await ended(lead, {
      idea: { ...base, title: 'Not met', communities: [other.slug] },
      evaluation: evaluationOf(['not_met']),
      end: 'discontinued',
    });
    const plain = await ended(lead, { idea: { ...base, title: 'Plain' } });
    // A skill named by one of its jobs only.
    const jobSkill = await idea(lead, { ...base, title: 'Job skill' });
    await openCall(lead, jobSkill.id);
    await lead.post(`/api/v1/initiatives/${jobSkill.id}/stage`, { stage: 'discontinued' });

    const list = async (filters: string) => {
      const res = await lead.get(`/api/v1/initiatives/archive?q=${word}&${filters}`);
      expect(res.status, res.text).toBe(200);
      return ids(res.body);
    };
    expect(await list('region=LAC')).toEqual([met.id]);
    expect(await list('language=hi')).toEqual([partly.id]);
    expect(await list(`community=${g.slug}`)).toEqual([met.id]);
    expect(await list('community=no-such-group')).toEqual([]);
    expect(await list('skill=mentoring')).toEqual([jobSkill.id, partly.id]);
    expect(await list('outcome=completed')).toEqual([plain.id, partly.id, met.id]);
    expect(await list('outcome=discontinued')).toEqual([jobSkill.id, notMet.id]);
    expect(await list('outcome=met')).toEqual([met.id]);
    expect(await list('outcome=partly_met')).toEqual([partly.id]);
    expect(await list('outcome=not_met')).toEqual([notMet.id]);
    expect(await list('outcome=not_evaluated')).toEqual([jobSkill.id, plain.id]);
    expect(await list('outcome=completed&region=SA&skill=mentoring')).toEqual([partly.id]);
    // The downloads' list: the same initiatives in the same order, all of them or at most as many as asked.
    expect((await archiveIds(app.db, { q: word, outcome: 'completed' }, 100)).map(String)).toEqual([
      plain.id,
      partly.id,
      met.id,
    ]);
    expect((await archiveIds(app.db, { q: word, outcome: 'completed' }, 2)).map(String)).toEqual([plain.id, partly.id]);
    const thisYear = new Date().getUTCFullYear();
    expect((await list(`year=${thisYear}`)).length).toBe(5);
    expect(await list(`year=${thisYear - 1}`)).toEqual([]);
  });

  it('files initiatives under the year they ended', async () => {
    const { app, clock } = await clockedApp(new Date('2033-12-31T22:30:00Z'));
    try {
      const lead = await someone(app);
      const word = unique('yr');
      const endOf2033 = await ended(lead, { idea: { title: `Old ${word}`, summary: 'x' } });
      clock.at = new Date('2034-01-01T00:10:00Z');
      const startOf2034 = await ended(lead, { idea: { title: `Newer ${word}`, summary: 'x' } });
      const list = async (year: string) =>
        ids((await lead.get(`/api/v1/initiatives/archive?q=${word}&year=${year}`)).body);
      expect(await list('2033')).toEqual([endOf2033.id]);
      expect(await list('2034')).toEqual([startOf2034.id]);
      expect(await list('2035')).toEqual([]);
    } finally {
      await app.close();
    }
  });

  it('pages with a cursor that stays stable when more initiatives end', async () => {
    const app = await testApp();
    const lead = await someone(app);
    const g = await group(app);
    const made: string[] = [];
    for (let n = 0; n < 5; n++)
      made.push((await ended(lead, { idea: { communities: [g.slug] }, end: n % 2 ? 'discontinued' : 'archived' })).id);
    const newestFirst = [...made].reverse();
    const seen: string[] = [];
    let res = await lead.get(`/api/v1/initiatives/archive?community=${g.slug}&limit=2`);
    seen.push(...ids(res.body));
    // One more ends between pages: it is newer, so it does not shift the pages being read.
    await ended(lead, { idea: { communities: [g.slug] } });
    while (res.body.next) {
      res = await lead.get(`/api/v1/initiatives/archive?community=${g.slug}&limit=2&cursor=${res.body.next}`);
      expect(res.status).toBe(200);
      seen.push(...ids(res.body));
    }
    expect(seen).toEqual(newestFirst);
  });

  it('gives the JSON and CSV downloads exactly what the search shows with the same filters', async () => {
    const app = await testApp();
    const lead = await someone(app);
    const word = unique('dl');
    const byLessons = await ended(lead, {
      idea: { title: 'Lessons only', summary: 'x' },
      evaluation: evaluationOf(['met'], { lessons: `Found by ${word}.` }),
    });
    const byTitle = await ended(lead, { idea: { title: `Titled ${word}`, summary: 'x' }, end: 'discontinued' });
    for (const filters of [`q=${word}`, `q=${word}&outcome=not_evaluated`, `q=${word}&outcome=met`]) {
      const search = ids((await lead.get(`/api/v1/initiatives/archive?${filters}`)).body);
      const json = await new TestClient(app).get(`/initiatives/archive.json?${filters}`);
      expect(json.status, json.text).toBe(200);
      expect(json.body.items.map((i: { id: string }) => i.id)).toEqual(search);
      const csv = await new TestClient(app).get(`/initiatives/archive.csv?${filters}`);
      expect(csv.status, csv.text).toBe(200);
      expect(csv.text.trim().split('\r\n').length - 1).toBe(search.length);
    }
    expect(ids((await lead.get(`/api/v1/initiatives/archive?q=${word}`)).body)).toEqual([byTitle.id, byLessons.id]);
  });

  it('refuses malformed filters, naming each parameter', async () => {
    const app = await testApp();
    const anon = new TestClient(app);
    const res = await anon.get(
      '/api/v1/initiatives/archive?region=XX&language=not-a-language&skill=juggling&year=20x4&outcome=great',
    );
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'language',
      'outcome',
      'region',
      'skill',
      'year',
    ]);
    expect((await anon.get('/api/v1/initiatives/archive?cursor=nonsense')).body.errors).toEqual([
      expect.objectContaining({ field: 'cursor' }),
    ]);
    expect((await anon.get('/api/v1/initiatives/archive?limit=101')).status).toBe(400);
    expect((await anon.get(`/api/v1/initiatives/archive?q=${'x'.repeat(201)}`)).status).toBe(400);
  });
});
