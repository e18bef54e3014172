import { describe, expect, it } from 'vitest';
import { testApp, unique } from '../../../testing/harness';
import { TestClient } from '../../../testing/client';
import { POST_JOB } from '../../telegram/posting';
import { facets } from './repo';
import { group, idea, openCall, someone } from '../testing';

describe('the board', () => {
  it('filters by stage, region, language, group and skill, counts per stage, and pages stably by keyset', async () => {
    const app = await testApp();
    const lead = await someone(app);
    const g = await group(app);
    const skill = 'digital_security';
    const tag = unique('Board ');
    const made = [];
    for (let n = 0; n < 5; n++)
      made.push(
        await idea(lead, {
          title: `${tag} ${n}`,
          regions: ['MENA'],
          languages: ['arz'],
          communities: [g.slug],
          skills: [skill],
        }),
      );
    await lead.post(`/api/v1/initiatives/${made[0]!.id}/stage`, { stage: 'active' });
    const anon = new TestClient(app);
    const list = async (q: string) =>
      (await anon.get(`/api/v1/initiatives?${q}`)).body.items.map((i: { id: string }) => i.id);
    expect(await list(`community=${g.slug}&limit=100`)).toEqual(made.map((m) => m.id).reverse());
    expect(await list(`community=${g.slug}&stage=active`)).toEqual([made[0]!.id]);
    expect(await list(`community=${g.slug}&region=SSA`)).toEqual([]);
    expect((await list(`community=${g.slug}&region=MENA&language=arz&skill=${skill}&limit=100`)).length).toBe(5);
    expect(await list('community=no-such-group')).toEqual([]);
    for (const bad of [
      'stage=done',
      'region=XX',
      'language=klingon',
      'skill=juggling',
      'cursor=nonsense',
      'matching=you',
    ]) {
      const res = await anon.get(`/api/v1/initiatives?${bad}`);
      expect(res.status, bad).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
    const counts = (await anon.get(`/api/v1/initiatives/counts?community=${g.slug}`)).body;
    expect(counts).toEqual({
      counts: { idea: 4, recruiting: 0, active: 1, evaluating: 0, archived: 0, discontinued: 0 },
      total: 5,
    });
    // Two at a time; a new initiative arriving meanwhile neither repeats nor hides one of the later pages.
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: { body: { items: { id: string }[]; next: string | null } } = await anon.get(
        `/api/v1/initiatives?community=${g.slug}&limit=2${cursor ? `&cursor=${cursor}` : ''}`,
      );
      seen.push(...res.body.items.map((i) => i.id));
      cursor = res.body.next;
      if (seen.length === 2) await idea(lead, { title: `${tag} late`, communities: [g.slug] });
    } while (cursor);
    expect(seen).toEqual(made.map((m) => m.id).reverse());
    // The filters offer the groups taking part (the API keeps the answer half a minute; the query itself here).
    expect((await facets(app.db)).communities).toContainEqual({ slug: g.slug, name: g.name });
    expect((await anon.get('/api/v1/initiatives/facets')).status).toBe(200);
  });

  it('shows me the open calls that fit my languages, region and skills; anonymous people are asked to log in', async () => {
    const app = await testApp();
    const lead = await someone(app);
    const me = await someone(app);
    await app.db
      .updateTable('users')
      .set({ languages: ['sw'], region: 'SSA', interests: ['facilitation'] })
      .where('id', '=', me.userId)
      .execute();
    const tag = unique('Match ');
    const fits = await idea(lead, { title: `${tag} fits`, languages: ['sw', 'en'], regions: ['SSA'] });
    await openCall(lead, fits.id, {
      jobs: [{ title: 'Facilitator', description: 'x', places: 1, skills: ['facilitation'] }],
    });
    const otherRegion = await idea(lead, { title: `${tag} region`, languages: ['sw'], regions: ['CEE'] });
    await openCall(lead, otherRegion.id, {
      jobs: [{ title: 'Facilitator', description: 'x', places: 1, skills: ['facilitation'] }],
    });
    const otherSkill = await idea(lead, { title: `${tag} skill`, languages: ['sw'], regions: ['SSA'] });
    await openCall(lead, otherSkill.id, {
      jobs: [{ title: 'Accountant', description: 'x', places: 1, skills: ['fundraising'] }],
    });
    const noCall = await idea(lead, {
      title: `${tag} no call`,
      languages: ['sw'],
      regions: ['SSA'],
      skills: ['facilitation'],
    });
    const res = await me.get('/api/v1/initiatives?matching=me&limit=100');
    expect(res.status).toBe(200);
    const ids = res.body.items.map((i: { id: string }) => i.id);
    expect(ids).toContain(fits.id);
    for (const other of [otherRegion, otherSkill, noCall]) expect(ids).not.toContain(other.id);
    expect((await new TestClient(app).get('/api/v1/initiatives?matching=me')).status).toBe(401);
  });

  it('announces a newly opened call on the Telegram channel once, in the initiative’s language', async () => {
    const app = await testApp({
      configOverrides: {
        telegram: { apiBase: 'http://127.0.0.1:9', botToken: '123456:initiatives-test-token', chatId: '-100123' },
      },
    });
    try {
      const lead = await someone(app);
      const i = await idea(lead, { languages: ['fr'] });
      await openCall(lead, i.id);
      await openCall(lead, i.id, { goals: ['Changed goal'] });
      const posts = await app.db
        .selectFrom('telegram_posts')
        .selectAll()
        .where('event', '=', 'call')
        .where('subject_id', '=', Number(i.id))
        .execute();
      expect(posts).toHaveLength(1);
      expect(posts[0]).toMatchObject({ language: 'fr', subject_type: 'initiative' });
      expect(posts[0]!.text).toContain('Un nouvel appel à collaborer est ouvert');
      expect(posts[0]!.text).toContain(i.title);
      expect(posts[0]!.link).toBe(`${app.deps.config.baseUrl}/initiatives/${i.id}`);
    } finally {
      // Leave no Telegram job for other tests' workers.
      await app.db
        .updateTable('jobs')
        .set({ status: 'done' })
        .where('kind', '=', POST_JOB)
        .where('status', 'in', ['queued', 'running'])
        .execute();
    }
  });
});

describe('permissions', () => {
  it('refuses every lead-only change to a member (403, logged) and to anonymous people (401), changing nothing', async () => {
    const app = await testApp();
    const lead = await someone(app);
    const member = await someone(app);
    const anon = await new TestClient(app).start();
    const i = await idea(lead);
    const call = await openCall(lead, i.id);
    const p = await someone(app);
    const s = (await p.post(`/api/v1/initiatives/${i.id}/jobs/${call.jobs[0]!.id}/signups`, {})).body;
    const link = (
      await lead.post(`/api/v1/initiatives/${i.id}/links`, {
        kind: 'event',
        title: 'Meetup',
        url: 'https://example.org/meetup',
      })
    ).body;
    const grant = (
      await lead.post(`/api/v1/initiatives/${i.id}/grants`, {
        program: 'other',
        amount: 10,
        currency: 'EUR',
        status: 'planned',
      })
    ).body;
    const base = `/api/v1/initiatives/${i.id}`;
    const grantBody = { program: 'other', amount: 20, currency: 'EUR', status: 'funded' };
    const changes: [string, string, unknown?][] = [
      ['PATCH', base, { title: 'Taken over' }],
      ['POST', `${base}/stage`, { stage: 'active' }],
      ['POST', `${base}/phase`, { phase: 'design' }],
      [
        'PUT',
        `${base}/call`,
        { goals: ['g'], jobs: [{ title: 'x', description: 'y', places: 1 }], start: '2090-01-01', end: '2090-02-01' },
      ],
      ['POST', `${base}/signups/${s.id}/accept`],
      ['POST', `${base}/signups/${s.id}/decline`],
      ['GET', `${base}/signups`],
      ['POST', `${base}/invitations`, { username: member.username }],
      ['POST', `${base}/alive`],
      ['POST', `${base}/step-down`, {}],
      ['POST', `${base}/updates`, { title: 't', body: 'b' }],
      ['POST', `${base}/links`, { kind: 'event', title: 't', url: 'https://example.org' }],
      ['DELETE', `${base}/links/${link.id}`],
      ['POST', `${base}/grants`, grantBody],
      ['PUT', `${base}/grants/${grant.id}`, grantBody],
      ['DELETE', `${base}/grants/${grant.id}`],
      ['PUT', `${base}/checklist/define_problem`, { checked: true }],
      [
        'PUT',
        `${base}/evaluation`,
        { outcomes: [{ goal: 'g', result: 'met' }], reached: [], lessons: 'l', documentation: [] },
      ],
      ['DELETE', `${base}/signups/${s.id}`],
    ];
    const before = JSON.stringify((await lead.get(base)).body);
    for (const [method, url, body] of changes) {
      const asMember = await member.request(method, url, body);
      expect(asMember.status, `${method} ${url} as a member`).toBe(403);
      const asAnon = await anon.request(method, url, body);
      expect(asAnon.status, `${method} ${url} anonymously`).toBe(401);
    }
    expect(JSON.stringify((await lead.get(base)).body)).toBe(before);
    const refused = await app.db
      .selectFrom('audit_log')
      .select('id')
      .where('action', '=', 'permission.refused')
      .where('actor_id', '=', member.userId)
      .execute();
    expect(refused).toHaveLength(changes.length);
  });
});

describe('API description', () => {
  it('describes the initiatives endpoints in the OpenAPI document', async () => {
    const app = await testApp();
    const res = await app.inject({ url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const paths = Object.keys(JSON.parse(res.body).paths);
    for (const p of [
      '/api/v1/initiatives',
      '/api/v1/initiatives/{id}',
      '/api/v1/initiatives/{id}/call',
      '/api/v1/initiatives/{id}/jobs/{jobId}/signups',
      '/api/v1/initiatives/{id}/signups/{signupId}/accept',
      '/api/v1/initiatives/{id}/signups/{signupId}/decline',
      '/api/v1/initiatives/{id}/stage',
      '/api/v1/initiatives/{id}/phase',
      '/api/v1/initiatives/{id}/evaluation',
    ]) {
      expect(paths).toContain(p);
    }
  });
});
