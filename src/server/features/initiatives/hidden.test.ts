// Initiatives and their progress updates under moderation, as debates and community updates are: reported,
// hidden with a reason (placeholder for everyone, the text for the author, the leads and moderators), out of the
// board, its counts, the archive and its downloads, their Telegram post held back; back once shown again.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { testApp } from '../../testing/harness';
import { TestClient } from '../../testing/client';
import { runDueJobs } from '../../jobs/worker';
import { POST_JOB } from '../telegram/posting';
import { DAY, appWithClock, member } from '../moderation/testing';
import { ended, evaluationOf } from './archive/testing';
import { group, idea, openCall, someone, staff } from './testing';

/** An author with a co-lead, a reporter, a moderator and an anonymous visitor; an idea and an archived one in a group of their own. */
async function setting(app: FastifyInstance) {
  const author = await someone(app);
  const coLead = await someone(app);
  const reader = await someone(app);
  const moderator = await staff(app, 'moderator');
  const anon = await new TestClient(app).start();
  const g = await group(app, 'MENA');
  const live = await idea(author, {
    communities: [g.slug],
    languages: ['arz'],
    summary: 'Circles of **new organizers**.',
  });
  const inv = await author.post(`/api/v1/initiatives/${live.id}/invitations`, { username: coLead.username });
  expect((await coLead.post(`/api/v1/initiatives/${live.id}/lead-requests/${inv.body.id}/accept`)).status).toBe(200);
  const call = await openCall(author, live.id);
  const past = await ended(author, { idea: { communities: [g.slug] }, evaluation: evaluationOf(['met']) });
  const hide = async (type: string, id: string, reason: string) => {
    const res = await moderator.post('/api/v1/moderation/hide', { subject: { type, id }, reason });
    expect(res.status, res.text).toBe(201);
    return res.body;
  };
  const unhide = async (type: string, id: string) => {
    const res = await moderator.post('/api/v1/moderation/unhide', {
      subject: { type, id },
      reason: 'Reviewed: fine after all',
    });
    expect(res.status, res.text).toBe(201);
  };
  return { author, coLead, reader, moderator, anon, g, live, call, past, hide, unhide };
}

type Setting = Awaited<ReturnType<typeof setting>>;

/** What anyone sees of the group's initiatives: the board, its counts, the archive and its two downloads. */
async function listed(app: FastifyInstance, s: Setting) {
  const ids = (body: { items: { id: string }[] }) => body.items.map((i) => i.id);
  const json = await app.inject({ url: `/initiatives/archive.json?community=${s.g.slug}` });
  const csv = await app.inject({ url: `/initiatives/archive.csv?community=${s.g.slug}` });
  return {
    board: ids((await s.anon.get(`/api/v1/initiatives?community=${s.g.slug}&limit=100`)).body),
    total: (await s.anon.get(`/api/v1/initiatives/counts?community=${s.g.slug}`)).body.total as number,
    archive: ids((await s.anon.get(`/api/v1/initiatives/archive?community=${s.g.slug}`)).body),
    json: (JSON.parse(json.body) as { items: { id: string }[] }).items.map((i) => i.id),
    csv: csv.body.includes(s.past.title),
  };
}

describe('a hidden initiative', () => {
  it('is reported, hidden with a reason in its place, leaves the board, counts, archive and downloads, and comes back when shown again', async () => {
    const app = await testApp();
    const s = await setting(app);
    const before = await listed(app, s);
    expect(before).toEqual({
      board: [s.past.id, s.live.id],
      total: 2,
      archive: [s.past.id],
      json: [s.past.id],
      csv: true,
    });

    // A member reports it; the moderators' queue names it with its title and link.
    const report = await s.reader.post('/api/v1/reports', {
      subject: { type: 'initiative', id: s.live.id },
      reason: 'spam',
      text: 'Advertises a paid course',
    });
    expect(report.status, report.text).toBe(201);
    expect(
      (
        await s.author.post('/api/v1/reports', {
          subject: { type: 'initiative', id: s.live.id },
          reason: 'spam',
          text: '',
        })
      ).status,
    ).toBe(400);
    const queue = (await s.moderator.get('/api/v1/moderation/reports?limit=100')).body.items;
    expect(queue.find((r: { id: string }) => r.id === report.body.id)).toMatchObject({
      subject: { type: 'initiative', id: s.live.id, title: s.live.title, link: `/initiatives/${s.live.id}` },
      owner: { username: s.author.username },
      reason: 'spam',
    });

    const action = await s.hide('initiative', s.live.id, 'Commercial advertising');
    expect(action).toMatchObject({
      kind: 'hide',
      subject: { type: 'initiative', id: s.live.id },
      target: { username: s.author.username },
      automatic: false,
    });
    await s.hide('initiative', s.past.id, 'Names people who asked not to be named');
    expect(
      (await s.moderator.get('/api/v1/moderation/reports?limit=100')).body.items.map((r: { id: string }) => r.id),
    ).not.toContain(report.body.id);
    expect(await listed(app, s)).toEqual({ board: [], total: 0, archive: [], json: [], csv: false });
    // The filters no longer offer what only hidden initiatives name (the API keeps its answer half a minute).
    const { facets } = await import('./board/repo');
    expect((await facets(app.db)).communities.map((c) => c.slug)).not.toContain(s.g.slug);

    // Its page shows the reason only; adding to it is refused.
    for (const c of [s.reader, s.anon]) {
      const seen = (await c.get(`/api/v1/initiatives/${s.live.id}`)).body;
      expect(seen).toMatchObject({
        hidden: { reason: 'Commercial advertising', automatic: false },
        title: '',
        summary: '',
        summaryHtml: '',
        callDetail: null,
        updates: [],
        links: [],
        evaluation: null,
      });
      expect(seen.can).toMatchObject({ support: false, signUp: false, volunteer: false, edit: false });
      expect(JSON.stringify(seen)).not.toContain(s.live.title);
      expect((await c.get(`/initiatives/${s.live.id}/export.wikitext`)).status).toBe(404);
    }
    expect((await s.reader.post(`/api/v1/initiatives/${s.live.id}/support`)).status).toBe(409);
    const signup = await s.reader.post(`/api/v1/initiatives/${s.live.id}/jobs/${s.call.jobs[0]!.id}/signups`, {});
    expect(signup.status).toBe(409);
    expect(signup.body.detail).toBe('The moderators have hidden this; it takes no new contributions.');

    // Its author, its co-lead and moderators still read all of it, with the reason.
    for (const c of [s.author, s.coLead, s.moderator]) {
      const full = (await c.get(`/api/v1/initiatives/${s.live.id}`)).body;
      expect(full).toMatchObject({
        title: s.live.title,
        hidden: { reason: 'Commercial advertising' },
        callDetail: { status: 'open' },
      });
      expect(full.summaryHtml).toContain('<strong>new organizers</strong>');
    }
    expect((await s.author.get(`/initiatives/${s.live.id}/export.wikitext`)).status).toBe(200);
    // The author sees the action on their own moderation page, and may appeal it.
    const mine = (await s.author.get('/api/v1/me/moderation')).body.items;
    expect(mine.find((a: { id: string }) => a.id === action.id)).toMatchObject({
      subject: { type: 'initiative', title: s.live.title },
      can: { appeal: true },
    });

    // Shown again, both are back everywhere.
    await s.unhide('initiative', s.live.id);
    await s.unhide('initiative', s.past.id);
    expect(await listed(app, s)).toEqual(before);
    expect((await s.anon.get(`/api/v1/initiatives/${s.live.id}`)).body).toMatchObject({
      hidden: null,
      title: s.live.title,
    });
    expect((await s.reader.post(`/api/v1/initiatives/${s.live.id}/support`)).status).toBe(201);
  });

  it('is hidden automatically after reports from enough members whose accounts are old enough', async () => {
    const { app, advance } = await appWithClock();
    const author = await member(app);
    const i = await idea(author);
    const reporters = [await member(app), await member(app), await member(app)];
    advance(8 * DAY);
    for (const [n, r] of reporters.entries()) {
      expect(
        (await r.post('/api/v1/reports', { subject: { type: 'initiative', id: i.id }, reason: 'off_topic', text: '' }))
          .status,
      ).toBe(201);
      const seen = (await new TestClient(app).get(`/api/v1/initiatives/${i.id}`)).body;
      expect(seen.hidden, `after ${n + 1} reports`).toEqual(n < 2 ? null : { reason: '', automatic: true });
    }
    expect(
      (await new TestClient(app).get(`/api/v1/initiatives?limit=100`)).body.items.map((x: { id: string }) => x.id),
    ).not.toContain(i.id);
  });
});

describe('a hidden progress update', () => {
  it('keeps its place with the reason; its author, the leads and moderators read it; the wikitext export leaves it out', async () => {
    const app = await testApp();
    const s = await setting(app);
    const posted = await s.coLead.post(`/api/v1/initiatives/${s.live.id}/updates`, {
      title: 'Week one',
      body: 'We met *twelve* people.',
    });
    expect(posted.status, posted.text).toBe(201);
    expect(posted.body.hidden).toBeNull();
    const report = await s.reader.post('/api/v1/reports', {
      subject: { type: 'initiative_update', id: posted.body.id },
      reason: 'harassment',
      text: 'Mocks a participant',
    });
    expect(report.status, report.text).toBe(201);
    const queued = (await s.moderator.get('/api/v1/moderation/reports?limit=100')).body.items.find(
      (r: { id: string }) => r.id === report.body.id,
    );
    expect(queued.subject).toMatchObject({
      type: 'initiative_update',
      title: 'Week one',
      link: `/initiatives/${s.live.id}#update-${posted.body.id}`,
    });
    await s.hide('initiative_update', posted.body.id, 'Mocks a participant');

    for (const c of [s.reader, s.anon]) {
      const page = (await c.get(`/api/v1/initiatives/${s.live.id}`)).body;
      expect(page.title).toBe(s.live.title);
      expect(page.updates).toEqual([
        {
          id: posted.body.id,
          title: '',
          bodyHtml: '',
          hidden: { reason: 'Mocks a participant', automatic: false },
          author: expect.objectContaining({ username: s.coLead.username }),
          createdAt: expect.any(String),
        },
      ]);
    }
    for (const c of [s.coLead, s.author, s.moderator]) {
      const u = (await c.get(`/api/v1/initiatives/${s.live.id}`)).body.updates[0];
      expect(u).toMatchObject({ title: 'Week one', hidden: { reason: 'Mocks a participant' } });
      expect(u.bodyHtml).toContain('<em>twelve</em>');
    }
    const wikitext = await app.inject({ url: `/initiatives/${s.live.id}/export.wikitext` });
    expect(wikitext.statusCode).toBe(200);
    expect(wikitext.body).not.toContain('Week one');
    // Progress updates are followed through their initiative.
    expect(
      (await s.reader.post('/api/v1/follows', { subject: { type: 'initiative_update', id: posted.body.id } })).status,
    ).toBe(400);

    await s.unhide('initiative_update', posted.body.id);
    expect((await s.anon.get(`/api/v1/initiatives/${s.live.id}`)).body.updates[0]).toMatchObject({
      title: 'Week one',
      hidden: null,
    });
    expect((await app.inject({ url: `/initiatives/${s.live.id}/export.wikitext` })).body).toContain('Week one');
  });
});

describe('moderating initiatives is for moderators', () => {
  it('refuses members (403, logged) and anonymous people (401) who try to hide or show again an initiative or a progress update', async () => {
    const app = await testApp();
    const s = await setting(app);
    const u = (await s.author.post(`/api/v1/initiatives/${s.live.id}/updates`, { title: 'Kick-off', body: 'Done.' }))
      .body;
    await s.hide('initiative', s.past.id, 'Hidden for the unhide attempts');
    const hiddenUpdate = (
      await s.author.post(`/api/v1/initiatives/${s.live.id}/updates`, { title: 'Second', body: 'Done too.' })
    ).body;
    await s.hide('initiative_update', hiddenUpdate.id, 'Hidden for the unhide attempts');
    const attempts: [string, { type: string; id: string }][] = [
      ['/api/v1/moderation/hide', { type: 'initiative', id: s.live.id }],
      ['/api/v1/moderation/hide', { type: 'initiative_update', id: u.id }],
      ['/api/v1/moderation/unhide', { type: 'initiative', id: s.past.id }],
      ['/api/v1/moderation/unhide', { type: 'initiative_update', id: hiddenUpdate.id }],
    ];
    const hiddenRows = async () =>
      (await app.db.selectFrom('moderation_hidden').select(['subject_type', 'subject_id']).execute())
        .map((r) => `${r.subject_type}:${r.subject_id}`)
        .sort();
    const rows = await hiddenRows();
    for (const [url, subject] of attempts) {
      for (const c of [s.reader, s.author, s.coLead]) {
        const res = await c.post(url, { subject, reason: 'Trying' });
        expect(res.status, `${url} ${subject.type}`).toBe(403);
        expect(res.headers['content-type']).toContain('application/problem+json');
      }
      expect((await s.anon.post(url, { subject, reason: 'Trying' })).status).toBe(401);
    }
    expect(
      (
        await s.anon.post('/api/v1/reports', {
          subject: { type: 'initiative', id: s.live.id },
          reason: 'spam',
          text: '',
        })
      ).status,
    ).toBe(401);
    expect(await hiddenRows()).toEqual(rows);
    const refused = await app.db
      .selectFrom('audit_log')
      .select('id')
      .where('action', 'in', ['moderation.hide', 'moderation.unhide'])
      .where('actor_id', '=', s.reader.userId)
      .execute();
    expect(refused).toEqual([]);
    const logged = await app.db
      .selectFrom('audit_log')
      .select('id')
      .where('action', '=', 'permission.refused')
      .where('actor_id', '=', s.reader.userId)
      .execute();
    expect(logged).toHaveLength(attempts.length);
    // A missing item is a 404, an unknown kind a 400.
    expect(
      (
        await s.moderator.post('/api/v1/moderation/hide', {
          subject: { type: 'initiative', id: '999999999' },
          reason: 'x',
        })
      ).status,
    ).toBe(404);
    expect(
      (
        await s.moderator.post('/api/v1/moderation/hide', {
          subject: { type: 'initiative_grant', id: '1' },
          reason: 'x',
        })
      ).status,
    ).toBe(400);
  });
});

describe('the Telegram post of a hidden initiative', () => {
  const sent: string[] = [];
  const botApi = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (c: Buffer) => (raw += c.toString('utf8')));
    req.on('end', () => {
      sent.push((JSON.parse(raw) as { text: string }).text);
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ ok: true, result: { message_id: sent.length } }));
    });
  });
  beforeAll(() => new Promise<void>((resolve) => botApi.listen(0, '127.0.0.1', resolve)));
  afterAll(() => new Promise<void>((resolve) => botApi.close(() => resolve())));
  afterEach(async () => {
    // Leave no Telegram job for other test files' workers.
    const app = await testApp();
    await app.db
      .updateTable('jobs')
      .set({ status: 'done' })
      .where('kind', '=', POST_JOB)
      .where('status', 'in', ['queued', 'running'])
      .execute();
  });

  it('is held back while it is hidden and goes out once it is shown again', async () => {
    const apiBase = `http://127.0.0.1:${(botApi.address() as AddressInfo).port}`;
    const app = await testApp({
      configOverrides: { telegram: { apiBase, botToken: '123456:hidden-initiative-token', chatId: '-100777' } },
    });
    const author = await someone(app);
    const moderator = await staff(app, 'moderator');
    const i = await idea(author);
    await moderator.post('/api/v1/moderation/hide', { subject: { type: 'initiative', id: i.id }, reason: 'Spam' });
    await openCall(author, i.id);
    await runDueJobs(app, { kinds: [POST_JOB] });
    expect(sent.filter((t) => t.includes(i.title))).toEqual([]);
    const post = () =>
      app.db
        .selectFrom('telegram_posts')
        .select(['status', 'last_error'])
        .where('subject_type', '=', 'initiative')
        .where('subject_id', '=', Number(i.id))
        .executeTakeFirstOrThrow();
    expect(await post()).toMatchObject({ status: 'queued', last_error: expect.stringContaining('hid') });

    expect(
      (
        await moderator.post('/api/v1/moderation/unhide', {
          subject: { type: 'initiative', id: i.id },
          reason: 'A real call',
        })
      ).status,
    ).toBe(201);
    await runDueJobs(app, { kinds: [POST_JOB] });
    expect(sent.filter((t) => t.includes(i.title))).toHaveLength(1);
    expect((await post()).status).toBe('sent');
  });
});
