// Members are refused every moderation action (403, logged, nothing written), anonymous people get 401; and
// moderators cannot act on admins, on other moderators, or on themselves.
import { describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { testApp } from '../../testing/harness';
import { TestClient } from '../../testing/client';
import { itemsBy, member, withRole, type Items, type Person } from './testing';

async function setting() {
  const app = await testApp();
  const author = await member(app);
  const items = await itemsBy(app, author);
  const reporter = await member(app);
  const report = await reporter.post('/api/v1/reports', {
    subject: { type: 'comment', id: items.commentId },
    reason: 'spam',
    text: 'Selling things',
  });
  expect(report.status).toBe(201);
  // An action and its appeal, so the appeal-answering route has something to refuse.
  const moderator = await withRole(app, 'moderator');
  const warn = await moderator.post(`/api/v1/moderation/people/${author.userId}/warn`, { reason: 'Be kind' });
  expect(warn.status).toBe(201);
  const appeal = await author.post(`/api/v1/me/moderation/${warn.body.id}/appeal`, { text: 'I was kind' });
  expect(appeal.status).toBe(201);
  const appeals = await moderator.get('/api/v1/moderation/appeals');
  const appealId = appeals.body.items.find((a: { action: { id: string } }) => a.action.id === warn.body.id).id;
  return { app, author, items, reportId: report.body.id as string, appealId: appealId as string, moderator };
}

type Setting = Awaited<ReturnType<typeof setting>>;
type Route = [name: string, method: 'GET' | 'POST', url: (s: Setting) => string, body?: (s: Setting) => unknown];

const subject = (s: Setting, type: keyof Items = 'commentId') => ({ type: type.replace('Id', ''), id: s.items[type] });
const ROUTES: Route[] = [
  ['read the report queue', 'GET', () => '/api/v1/moderation/reports'],
  ['close a report', 'POST', (s) => `/api/v1/moderation/reports/${s.reportId}/close`, () => ({ outcome: 'dismissed' })],
  ['hide a comment', 'POST', () => '/api/v1/moderation/hide', (s) => ({ subject: subject(s), reason: 'Rude' })],
  [
    'hide an argument',
    'POST',
    () => '/api/v1/moderation/hide',
    (s) => ({ subject: subject(s, 'argumentId'), reason: 'Rude' }),
  ],
  [
    'hide a debate',
    'POST',
    () => '/api/v1/moderation/hide',
    (s) => ({ subject: subject(s, 'debateId'), reason: 'Rude' }),
  ],
  [
    'hide an update',
    'POST',
    () => '/api/v1/moderation/hide',
    (s) => ({ subject: subject(s, 'updateId'), reason: 'Rude' }),
  ],
  [
    'unhide content',
    'POST',
    () => '/api/v1/moderation/unhide',
    (s) => ({ subject: subject(s), reason: 'Fine after all' }),
  ],
  ['warn a person', 'POST', (s) => `/api/v1/moderation/people/${s.author.userId}/warn`, () => ({ reason: 'Be kind' })],
  [
    'suspend a person',
    'POST',
    (s) => `/api/v1/moderation/people/${s.author.userId}/suspend`,
    () => ({ reason: 'Cool down', hours: 24 }),
  ],
  [
    'lift a suspension',
    'POST',
    (s) => `/api/v1/moderation/people/${s.author.userId}/unsuspend`,
    () => ({ reason: 'Enough' }),
  ],
  [
    'block an account',
    'POST',
    (s) => `/api/v1/moderation/people/${s.author.userId}/block`,
    () => ({ reason: 'Spam bot' }),
  ],
  [
    'unblock an account',
    'POST',
    (s) => `/api/v1/moderation/people/${s.author.userId}/unblock`,
    () => ({ reason: 'Not a bot' }),
  ],
  ['read a person’s standing', 'GET', (s) => `/api/v1/moderation/people/${s.author.userId}`],
  ['read the moderation log', 'GET', () => '/api/v1/moderation/log'],
  ['read the appeals', 'GET', () => '/api/v1/moderation/appeals'],
  [
    'answer an appeal',
    'POST',
    (s) => `/api/v1/moderation/appeals/${s.appealId}/answer`,
    () => ({ decision: 'reversed', answer: 'Sorry' }),
  ],
];

async function state(app: FastifyInstance) {
  const count = async (
    table: 'moderation_actions' | 'moderation_hidden' | 'moderation_appeals' | 'moderation_reports',
  ) =>
    Number(
      (
        await app.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const open = await app.db
    .selectFrom('moderation_reports')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('status', '=', 'open')
    .executeTakeFirstOrThrow();
  return [
    await count('moderation_actions'),
    await count('moderation_hidden'),
    await count('moderation_appeals'),
    Number(open.n),
  ];
}

describe('who may moderate', () => {
  let s: Setting;
  const send = (c: TestClient | Person, r: Route) => c.request(r[1], r[2](s), r[3]?.(s));

  it.each(ROUTES)('refuses a member who tries to %s with 403, logged, and changes nothing', async (...r) => {
    s ??= await setting();
    const someone = await member(s.app);
    const before = await state(s.app);
    const res = await send(someone, r);
    expect(res.status).toBe(403);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(await state(s.app)).toEqual(before);
    const refused = await s.app.db
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'permission.refused')
      .where('actor_id', '=', someone.userId)
      .execute();
    expect(refused).toHaveLength(1);
  });

  it.each(ROUTES)('answers an anonymous attempt to %s with 401', async (...r) => {
    s ??= await setting();
    const anon = await new TestClient(s.app).start();
    const before = await state(s.app);
    expect((await send(anon, r)).status).toBe(401);
    expect(await state(s.app)).toEqual(before);
  });

  it('refuses the content’s own author too (a member), whatever they try', async () => {
    s ??= await setting();
    expect((await s.author.post('/api/v1/moderation/hide', { subject: subject(s), reason: 'x' })).status).toBe(403);
    expect(
      (await s.author.post(`/api/v1/moderation/people/${s.author.userId}/unsuspend`, { reason: 'x' })).status,
    ).toBe(403);
  });
});

describe('whom moderators may act on', () => {
  it('lets a moderator act on members but not on admins, other moderators or themselves; admins act on moderators', async () => {
    const app = await testApp();
    const moderator = await withRole(app, 'moderator');
    const otherModerator = await withRole(app, 'moderator');
    const admin = await withRole(app, 'admin');
    const someone = await member(app);
    const warn = (by: Person, target: Person) =>
      by.post(`/api/v1/moderation/people/${target.userId}/warn`, { reason: 'Please be kind' });
    expect((await warn(moderator, someone)).status).toBe(201);
    expect((await warn(moderator, admin)).status).toBe(403);
    expect((await warn(moderator, otherModerator)).status).toBe(403);
    expect((await warn(moderator, moderator)).status).toBe(403);
    expect((await moderator.post(`/api/v1/moderation/people/${admin.userId}/block`, { reason: 'x' })).status).toBe(403);
    expect(
      (await moderator.post(`/api/v1/moderation/people/${admin.userId}/suspend`, { reason: 'x', hours: 1 })).status,
    ).toBe(403);
    expect((await warn(admin, moderator)).status).toBe(201);
    expect((await warn(admin, admin)).status).toBe(403);
    // Content of an admin stays out of a moderator's reach; an admin may hide a moderator's.
    const adminItems = await itemsBy(app, admin);
    expect(
      (
        await moderator.post('/api/v1/moderation/hide', {
          subject: { type: 'comment', id: adminItems.commentId },
          reason: 'x',
        })
      ).status,
    ).toBe(403);
    const modItems = await itemsBy(app, moderator);
    expect(
      (
        await admin.post('/api/v1/moderation/hide', {
          subject: { type: 'comment', id: modItems.commentId },
          reason: 'Off topic',
        })
      ).status,
    ).toBe(201);
    // The person's standing tells the tools whether they may act.
    expect((await moderator.get(`/api/v1/moderation/people/${admin.userId}`)).body.can).toEqual({ act: false });
    expect((await moderator.get(`/api/v1/moderation/people/${someone.userId}`)).body).toMatchObject({
      can: { act: true },
      warnings: 1,
      blocked: false,
      suspendedUntil: null,
    });
  });
});

describe('the API reference', () => {
  it('describes reports, the moderators’ routes and one’s own moderation, and the hidden state of content', async () => {
    const app = await testApp();
    const res = await app.inject({ url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = JSON.parse(res.body) as {
      paths: Record<
        string,
        Record<string, { responses?: Record<string, { content?: Record<string, { schema?: unknown }> }> }>
      >;
    };
    const wanted: [string, string][] = [
      ['/api/v1/reports', 'post'],
      ['/api/v1/moderation/reports', 'get'],
      ['/api/v1/moderation/reports/{id}/close', 'post'],
      ['/api/v1/moderation/hide', 'post'],
      ['/api/v1/moderation/unhide', 'post'],
      ['/api/v1/moderation/people/{id}', 'get'],
      ['/api/v1/moderation/log', 'get'],
      ['/api/v1/moderation/appeals', 'get'],
      ['/api/v1/moderation/appeals/{id}/answer', 'post'],
      ['/api/v1/me/moderation', 'get'],
      ['/api/v1/me/moderation/{id}/appeal', 'post'],
    ];
    for (const kind of ['warn', 'suspend', 'unsuspend', 'block', 'unblock'])
      wanted.push([`/api/v1/moderation/people/{id}/${kind}`, 'post']);
    for (const [p, method] of wanted) expect(doc.paths[p]?.[method], `${method} ${p}`).toBeDefined();
    expect(JSON.stringify(doc.paths['/api/v1/comments']?.get?.responses)).toContain('"hidden"');
  });
});
