import { describe, expect, it } from 'vitest';
import { testApp } from '../../../testing/harness';
import { TestClient } from '../../../testing/client';
import { runDueJobs } from '../../../jobs/worker';
import { ensureGuides } from '../../guides/service';
import { FOLLOW_UP_JOB } from './service';
import { auditCount, clockedApp, idea, someone, staff, told } from '../testing';

describe('links, grants and checklists', () => {
  it('lets leads link events, trainings and courses, and record grants; others are refused', async () => {
    const app = await testApp();
    const lead = await someone(app);
    const other = await someone(app);
    const i = await idea(lead);
    const link = await lead.post(`/api/v1/initiatives/${i.id}/links`, {
      kind: 'course',
      title: 'Leadership 101 on WikiLearn',
      url: 'https://wikilearn.wikimedia.org/courses/course-v1:WMF+L101+2024/',
    });
    expect(link.status).toBe(201);
    expect(
      (await lead.post(`/api/v1/initiatives/${i.id}/links`, { kind: 'course', title: 'x', url: 'javascript:alert(1)' }))
        .body.errors[0].field,
    ).toBe('url');
    expect(
      (
        await lead.post(`/api/v1/initiatives/${i.id}/links`, {
          kind: 'webinar',
          title: 'x',
          url: 'https://example.org',
        })
      ).status,
    ).toBe(400);
    expect(
      (await other.post(`/api/v1/initiatives/${i.id}/links`, { kind: 'event', title: 'x', url: 'https://example.org' }))
        .status,
    ).toBe(403);
    const grant = await lead.post(`/api/v1/initiatives/${i.id}/grants`, {
      program: 'rapid_fund',
      amount: 4500.5,
      currency: 'USD',
      status: 'applied',
      url: 'https://meta.wikimedia.org/wiki/Grants:Programs/Wikimedia_Community_Fund/Rapid_Fund/Leadership_circles',
    });
    expect(grant.status).toBe(201);
    expect(grant.body).toMatchObject({ amount: '4500.50', currency: 'USD', status: 'applied' });
    const bad: [Record<string, unknown>, string][] = [
      [{ program: 'rapid_fund', amount: 1, currency: 'XYZ', status: 'applied' }, 'currency'],
      [{ program: 'rapid_fund', amount: 1, currency: 'usd', status: 'applied' }, 'currency'],
      [{ program: 'rapid_fund', amount: -1, currency: 'EUR', status: 'applied' }, 'amount'],
      [{ program: 'rapid_fund', amount: 1.234, currency: 'EUR', status: 'applied' }, 'amount'],
      [{ program: 'lottery', amount: 1, currency: 'EUR', status: 'applied' }, 'program'],
      [{ program: 'rapid_fund', amount: 1, currency: 'EUR', status: 'won' }, 'status'],
      [
        { program: 'rapid_fund', amount: 1, currency: 'EUR', status: 'applied', url: 'https://example.org/grant' },
        'url',
      ],
    ];
    for (const [body, field] of bad) {
      const res = await lead.post(`/api/v1/initiatives/${i.id}/grants`, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    const changed = await lead.put(`/api/v1/initiatives/${i.id}/grants/${grant.body.id}`, {
      program: 'rapid_fund',
      amount: 4500.5,
      currency: 'USD',
      status: 'funded',
    });
    expect(changed.body.status).toBe('funded');
    expect((await other.delete(`/api/v1/initiatives/${i.id}/grants/${grant.body.id}`)).status).toBe(403);
    const view = (await new TestClient(app).get(`/api/v1/initiatives/${i.id}`)).body;
    expect(view.grants).toEqual([
      { id: grant.body.id, program: 'rapid_fund', amount: '4500.50', currency: 'USD', status: 'funded', url: null },
    ]);
    expect(view.links).toEqual([
      { id: link.body.id, kind: 'course', title: 'Leadership 101 on WikiLearn', url: link.body.url },
    ]);
    expect((await lead.delete(`/api/v1/initiatives/${i.id}/links/${link.body.id}`)).status).toBe(204);
    expect((await lead.delete(`/api/v1/initiatives/${i.id}/links/${link.body.id}`)).status).toBe(404);
    expect(await auditCount(app, 'initiative.grant.edit', lead.userId)).toBe(1);
  });

  it('shows each phase’s checklist from its guide, in the viewer’s language, checkable by leads', async () => {
    const app = await testApp();
    await ensureGuides(app.db);
    const lead = await someone(app);
    const other = await someone(app);
    const i = await idea(lead);
    const view = (await lead.get(`/api/v1/initiatives/${i.id}`)).body;
    expect(view.checklist.map((c: { phase: string }) => c.phase)).toEqual([
      'define',
      'design',
      'develop',
      'implement',
      'evaluate',
    ]);
    const define = view.checklist[0];
    expect(define.guide).toBeTruthy();
    expect(define.items.length).toBeGreaterThan(0);
    const item = define.items[0].id as string;
    expect(item.startsWith('define_')).toBe(true);
    expect((await other.put(`/api/v1/initiatives/${i.id}/checklist/${item}`, { checked: true })).status).toBe(403);
    expect(
      (await lead.put(`/api/v1/initiatives/${i.id}/checklist/define_no_such_item`, { checked: true })).status,
    ).toBe(404);
    expect((await lead.put(`/api/v1/initiatives/${i.id}/checklist/${item}`, { checked: 'yes' })).status).toBe(400);
    expect((await lead.put(`/api/v1/initiatives/${i.id}/checklist/${item}`, { checked: true })).body).toEqual({
      item,
      checked: true,
    });
    const after = (await other.get(`/api/v1/initiatives/${i.id}?uselang=fr`)).body.checklist[0].items;
    expect(after[0]).toMatchObject({ id: item, checked: true, language: 'fr' });
    await lead.put(`/api/v1/initiatives/${i.id}/checklist/${item}`, { checked: false });
    expect((await lead.get(`/api/v1/initiatives/${i.id}`)).body.checklist[0].items[0].checked).toBe(false);
  });
});

const evaluation = {
  outcomes: [
    { goal: 'Train ten new organizers', result: 'met', note: 'Twelve finished.' },
    { goal: 'Write a guidebook', result: 'partly_met' },
  ],
  reached: [
    { region: 'LAC', language: 'pt-br', count: 8 },
    { region: 'LAC', language: 'es', count: 4 },
  ],
  lessons: 'Short sessions work **better**.',
  differently: 'Start translation earlier.',
  documentation: [
    'https://meta.wikimedia.org/wiki/Leadership_circles/Report',
    'https://commons.wikimedia.org/wiki/File:Circles.pdf',
  ],
};

describe('evaluation', () => {
  it('records outcomes, reach, lessons and documentation for leads only, at the right stages', async () => {
    const app = await testApp();
    const lead = await someone(app);
    const other = await someone(app);
    const i = await idea(lead);
    expect((await lead.put(`/api/v1/initiatives/${i.id}/evaluation`, evaluation)).status).toBe(409);
    await lead.post(`/api/v1/initiatives/${i.id}/stage`, { stage: 'active' });
    await lead.post(`/api/v1/initiatives/${i.id}/stage`, { stage: 'evaluating' });
    expect((await other.put(`/api/v1/initiatives/${i.id}/evaluation`, evaluation)).status).toBe(403);
    expect(
      (await new TestClient(app).start().then((c) => c.put(`/api/v1/initiatives/${i.id}/evaluation`, evaluation)))
        .status,
    ).toBe(401);
    const bad: [Record<string, unknown>, string][] = [
      [{ ...evaluation, outcomes: [] }, 'outcomes'],
      [{ ...evaluation, outcomes: [{ goal: 'x', result: 'great' }] }, 'outcomes.0.result'],
      [{ ...evaluation, reached: [{ region: 'XX', language: 'es', count: 1 }] }, 'reached.0.region'],
      [{ ...evaluation, reached: [{ region: 'LAC', language: 'es', count: -1 }] }, 'reached.0.count'],
      [{ ...evaluation, lessons: '' }, 'lessons'],
      [{ ...evaluation, documentation: ['ftp://example.org/x'] }, 'documentation.0'],
      [{ ...evaluation, followUp: '2020-01-01' }, 'followUp'],
    ];
    for (const [body, field] of bad) {
      const res = await lead.put(`/api/v1/initiatives/${i.id}/evaluation`, body);
      expect(res.status, JSON.stringify(body).slice(0, 100)).toBe(400);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    expect((await lead.get(`/api/v1/initiatives/${i.id}`)).body.evaluation).toBeNull();
    const res = await lead.put(`/api/v1/initiatives/${i.id}/evaluation`, evaluation);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      reachedTotal: 12,
      followUp: null,
      outcomes: [
        { result: 'met', note: 'Twelve finished.' },
        { result: 'partly_met', note: '' },
      ],
    });
    expect(res.body.lessonsHtml).toContain('<strong>better</strong>');
    expect((await other.get(`/api/v1/initiatives/${i.id}`)).body).toMatchObject({
      outcome: 'partly_met',
      evaluation: { lessons: evaluation.lessons },
    });
  });

  it('reminds the leads on the follow-up date, once, unless it was changed', async () => {
    const { app, clock } = await clockedApp(new Date('2032-03-01T10:00:00Z'));
    try {
      const lead = await someone(app);
      const i = await idea(lead);
      await lead.post(`/api/v1/initiatives/${i.id}/stage`, { stage: 'active' });
      expect(
        (await lead.put(`/api/v1/initiatives/${i.id}/evaluation`, { ...evaluation, followUp: '2032-09-01' })).status,
      ).toBe(200);
      // Moved to a later day: the first reminder comes to nothing.
      expect(
        (await lead.put(`/api/v1/initiatives/${i.id}/evaluation`, { ...evaluation, followUp: '2032-10-01' })).status,
      ).toBe(200);
      await runDueJobs(app, { now: new Date('2032-09-01T12:00:00Z'), kinds: [FOLLOW_UP_JOB] });
      expect(await told(app, lead.userId, 'follow_up')).toHaveLength(0);
      clock.at = new Date('2032-10-01T12:00:00Z');
      await runDueJobs(app, { kinds: [FOLLOW_UP_JOB] });
      await runDueJobs(app, { kinds: [FOLLOW_UP_JOB] });
      const reminders = await told(app, lead.userId, 'follow_up');
      expect(reminders).toHaveLength(1);
      expect(reminders[0]!.link).toBe(`/initiatives/${i.id}#evaluation`);
    } finally {
      await app.close();
    }
  });

  it('lets an admin evaluate for a team that left', async () => {
    const app = await testApp();
    const lead = await someone(app);
    const i = await idea(lead);
    await lead.post(`/api/v1/initiatives/${i.id}/stage`, { stage: 'discontinued' });
    const admin = await staff(app, 'admin');
    expect((await admin.put(`/api/v1/initiatives/${i.id}/evaluation`, evaluation)).status).toBe(200);
  });
});
