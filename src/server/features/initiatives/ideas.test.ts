import { describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { testApp, unique } from '../../testing/harness';
import { TestClient } from '../../testing/client';
import { auditCount, group, idea, notificationsOf, someone, staff } from './testing';

async function countTitled(app: FastifyInstance, title: string) {
  const row = await app.db
    .selectFrom('initiatives')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('title', '=', title)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

describe('posting an idea', () => {
  it('lets any member post one with its problem, audience, languages, regions, groups and skills; the author leads it', async () => {
    const app = await testApp();
    const author = await someone(app);
    const g = await group(app);
    const res = await author.post('/api/v1/initiatives', {
      title: unique('Leadership circle '),
      summary: 'Monthly **circles** for new organizers.',
      problem: 'Organizers burn out alone.',
      audience: 'New event organizers',
      languages: ['pt-br', 'es'],
      regions: ['LAC'],
      communities: [g.slug],
      skills: ['mentoring', 'self_care_and_burnout_prevention'],
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      stage: 'idea',
      phase: null,
      languages: ['pt-br', 'es'],
      regions: ['LAC'],
      communities: [{ slug: g.slug, name: g.name }],
      leads: [{ username: author.username }],
      author: { username: author.username },
      supporters: 0,
      call: 'none',
      callDetail: null,
      can: { edit: true, lead: true, moves: ['recruiting', 'active', 'discontinued'] },
    });
    expect(res.body.summaryHtml).toContain('<strong>circles</strong>');
    expect(await auditCount(app, 'initiative.create', author.userId)).toBe(1);
    // Everyone reads it; a stranger may not change it.
    const anon = await new TestClient(app).get(`/api/v1/initiatives/${res.body.id}`);
    expect(anon.status).toBe(200);
    expect(anon.body.can).toMatchObject({ edit: false, lead: false, support: false, moves: [] });
  });

  it('refuses anonymous people and bad input with clear errors, writing nothing', async () => {
    const app = await testApp();
    const author = await someone(app);
    const anon = await new TestClient(app).start();
    const title = unique('Refused ');
    expect((await anon.post('/api/v1/initiatives', { title, summary: 'x' })).status).toBe(401);
    const cases: [Record<string, unknown>, string][] = [
      [{ title: '', summary: 'x' }, 'title'],
      [{ title, summary: '' }, 'summary'],
      [{ title, summary: 'x', languages: ['klingon'] }, 'languages.0'],
      [{ title, summary: 'x', languages: ['es', 'es'] }, 'languages'],
      [{ title, summary: 'x', regions: ['EU'] }, 'regions.0'],
      [{ title, summary: 'x', skills: ['juggling'] }, 'skills.0'],
      [{ title, summary: 'x', communities: ['no-such-group-here'] }, 'communities.0'],
      [{ title, summary: 'x', stage: 'active' }, 'stage'],
    ];
    for (const [body, field] of cases) {
      const res = await author.post('/api/v1/initiatives', body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(
        res.body.errors.map((e: { field: string }) => e.field),
        JSON.stringify(body),
      ).toContain(field);
    }
    expect(await countTitled(app, title)).toBe(0);
    expect((await author.get('/api/v1/initiatives/abc')).status).toBe(404);
    expect((await author.get('/api/v1/initiatives/999999999')).status).toBe(404);
  });

  it('lets leads edit it; members get 403, anonymous 401; admins and moderators can step in', async () => {
    const app = await testApp();
    const author = await someone(app);
    const other = await someone(app);
    const i = await idea(author);
    const refused = await other.patch(`/api/v1/initiatives/${i.id}`, { title: 'Hijacked' });
    expect(refused.status).toBe(403);
    expect(await auditCount(app, 'permission.refused', other.userId)).toBe(1);
    expect(
      (await new TestClient(app).start().then((c) => c.patch(`/api/v1/initiatives/${i.id}`, { title: 'x' }))).status,
    ).toBe(401);
    expect((await other.get(`/api/v1/initiatives/${i.id}`)).body.title).toBe(i.title);
    const edited = await author.patch(`/api/v1/initiatives/${i.id}`, {
      summary: 'Better summary',
      regions: ['SSA', 'MENA'],
    });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ summary: 'Better summary', regions: ['SSA', 'MENA'], title: i.title });
    expect((await author.patch(`/api/v1/initiatives/${i.id}`, { summary: '' })).status).toBe(400);
    for (const role of ['admin', 'moderator'] as const) {
      const s = await staff(app, role);
      expect((await s.patch(`/api/v1/initiatives/${i.id}`, { audience: `Edited by ${role}` })).status).toBe(200);
    }
  });
});

describe('stages and phases', () => {
  it('allows exactly the moves of the life cycle, 409 otherwise', async () => {
    const app = await testApp();
    const author = await someone(app);
    const i = await idea(author);
    const move = (stage: string) => author.post(`/api/v1/initiatives/${i.id}/stage`, { stage });
    expect((await move('evaluating')).status).toBe(409);
    expect((await move('archived')).status).toBe(409);
    const active = await move('active');
    expect(active.status).toBe(200);
    expect(active.body).toMatchObject({
      stage: 'active',
      phase: 'define',
      can: { moves: ['evaluating', 'discontinued'] },
    });
    expect((await move('recruiting')).status).toBe(409);
    expect((await move('idea')).status).toBe(409);
    expect((await move('evaluating')).body.stage).toBe('evaluating');
    const archived = await move('archived');
    expect(archived.body).toMatchObject({ stage: 'archived', can: { moves: ['idea'] } });
    expect(archived.body.endedAt).not.toBeNull();
    expect((await move('discontinued')).status).toBe(409);
    const reopened = await move('idea');
    expect(reopened.body).toMatchObject({ stage: 'idea', endedAt: null });
    expect((await move('discontinued')).body.stage).toBe('discontinued');
    expect((await move('active')).status).toBe(409);
    expect((await move('idea')).status).toBe(200);
    expect((await move('recruiting')).status).toBe(200);
    expect((await move('idea')).status).toBe(409);
    const bad = await move('finished');
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('stage');
  });

  it('moves an active initiative between the guide’s phases, and only an active one', async () => {
    const app = await testApp();
    const author = await someone(app);
    const other = await someone(app);
    const i = await idea(author);
    expect((await author.post(`/api/v1/initiatives/${i.id}/phase`, { phase: 'design' })).status).toBe(409);
    await author.post(`/api/v1/initiatives/${i.id}/stage`, { stage: 'active' });
    expect((await other.post(`/api/v1/initiatives/${i.id}/phase`, { phase: 'design' })).status).toBe(403);
    expect((await other.post(`/api/v1/initiatives/${i.id}/stage`, { stage: 'evaluating' })).status).toBe(403);
    const res = await author.post(`/api/v1/initiatives/${i.id}/phase`, { phase: 'implement' });
    expect(res.body.phase).toBe('implement');
    expect((await author.post(`/api/v1/initiatives/${i.id}/phase`, { phase: 'deploy' })).status).toBe(400);
    expect((await author.get(`/api/v1/initiatives/${i.id}`)).body.phase).toBe('implement');
    expect(await auditCount(app, 'initiative.phase', author.userId)).toBe(1);
  });
});

describe('supporters, comments and follows', () => {
  it('counts one support per person, withdrawable', async () => {
    const app = await testApp();
    const author = await someone(app);
    const a = await someone(app);
    const b = await someone(app);
    const i = await idea(author);
    const path = `/api/v1/initiatives/${i.id}/support`;
    expect((await a.post(path)).body).toEqual({ supporters: 1, supported: true });
    expect((await a.post(path)).status).toBe(409);
    expect((await b.post(path)).body.supporters).toBe(2);
    expect((await new TestClient(app).start().then((c) => c.post(path))).status).toBe(401);
    expect((await a.get(`/api/v1/initiatives/${i.id}`)).body).toMatchObject({ supporters: 2, supported: true });
    expect((await a.delete(path)).body).toEqual({ supporters: 1, supported: false });
    expect((await a.delete(path)).status).toBe(404);
  });

  it('takes comments and follows as a subject, and tells followers of progress updates', async () => {
    const app = await testApp();
    const author = await someone(app);
    const reader = await someone(app);
    const i = await idea(author);
    const c = await reader.post('/api/v1/comments', {
      subject: { type: 'initiative', id: i.id },
      body: 'I would join this!',
    });
    expect(c.status).toBe(201);
    const thread = await new TestClient(app).get(`/api/v1/comments?subjectType=initiative&subjectId=${i.id}`);
    expect(thread.body.items).toHaveLength(1);
    // The author follows their idea, so hears of the comment.
    expect((await notificationsOf(author)).map((n) => n.kind)).toContain('comment');
    const f = await reader.post('/api/v1/follows', { subject: { type: 'initiative', id: i.id } });
    expect([200, 201]).toContain(f.status);
    const update = await author.post(`/api/v1/initiatives/${i.id}/updates`, {
      title: 'First workshop held',
      body: 'Twelve people came.',
    });
    expect(update.status).toBe(201);
    const told = (await notificationsOf(reader)).find((n) => n.kind === 'initiative_update');
    expect(told).toMatchObject({
      subject: { type: 'initiative', id: i.id, title: i.title },
      link: `/initiatives/${i.id}#update-${update.body.id}`,
    });
    // Only leads post updates.
    expect((await reader.post(`/api/v1/initiatives/${i.id}/updates`, { title: 'x', body: 'y' })).status).toBe(403);
    expect((await author.post(`/api/v1/initiatives/${i.id}/updates`, { title: '', body: 'y' })).status).toBe(400);
  });
});
