// Reviews as subjects: replies under a review, reporting and hiding one through moderation's routes (a
// placeholder with the reason in the list, the words for its author and moderators, out of the source's counts).
import { beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { TestClient } from '../../../testing/client';
import { testApp } from '../../../testing/harness';
import { counts, moderator, review, someone, source } from './testing';

let app: FastifyInstance;
beforeAll(async () => {
  app = await testApp();
}, 90_000);

describe('a review as a subject', () => {
  it('takes replies, counted on the review, and its author hears of them', async () => {
    const author = await someone(app);
    const replier = await someone(app);
    const id = await source(app);
    const r = await review(author, id);
    const reply = await replier.post('/api/v1/comments', {
      subject: { type: 'source_review', id: r.id },
      body: 'Which chapter helped most?',
    });
    expect(reply.status, reply.text).toBe(201);
    const listed = await replier.get(`/api/v1/sources/${id}/reviews`);
    expect(listed.body.items[0]).toMatchObject({ id: r.id, replies: 1 });
    const told = await author.get('/api/v1/notifications?limit=20');
    expect(told.body.items.find((n: { kind: string }) => n.kind === 'comment')).toMatchObject({
      subject: { type: 'source_review', id: r.id, link: `/sources/${id}#review-${r.id}` },
    });
  });

  it('is reported, hidden and shown again through moderation, leaving and rejoining the counts', async () => {
    const author = await someone(app);
    const other = await someone(app);
    const reporter = await someone(app);
    const mod = await moderator(app);
    const anon = await new TestClient(app).start();
    const id = await source(app);
    const r = await review(author, id, { judgement: 'unreliable', usefulness: 1, reasons: 'Rude words here.' });
    await review(other, id, { judgement: 'reliable', usefulness: 5 });
    expect(await counts(app, id)).toMatchObject({ review_count: 2, judgement: 'mixed' });

    const report = await reporter.post('/api/v1/reports', {
      subject: { type: 'source_review', id: r.id },
      reason: 'harassment',
      text: 'Insulting the author',
    });
    expect(report.status, report.text).toBe(201);
    const queue = await mod.get('/api/v1/moderation/reports');
    expect(queue.status).toBe(200);
    expect(JSON.stringify(queue.body)).toContain(`/sources/${id}#review-${r.id}`);

    const hidden = await mod.post('/api/v1/moderation/hide', {
      subject: { type: 'source_review', id: r.id },
      reason: 'Insults',
    });
    expect(hidden.status, hidden.text).toBe(201);
    expect(hidden.body).toMatchObject({ target: { username: author.username } });
    // The source's counts leave it out (kept by the database).
    expect(await counts(app, id)).toMatchObject({
      review_count: 1,
      judgement_counts: { reliable: 1 },
      usefulness_counts: { '5': 1 },
      judgement: 'reliable',
    });
    const url = `/api/v1/sources/${id}/reviews`;
    for (const c of [anon, reporter]) {
      const shown = (await c.get(url)).body.items.find((x: { id: string }) => x.id === r.id);
      expect(shown).toMatchObject({
        hidden: { reason: 'Insults', automatic: false },
        reasons: '',
        reasonsHtml: '',
        intendedUse: '',
        audience: null,
      });
    }
    for (const c of [author, mod]) {
      const shown = (await c.get(url)).body.items.find((x: { id: string }) => x.id === r.id);
      expect(shown).toMatchObject({ hidden: { reason: 'Insults' }, reasons: 'Rude words here.' });
    }

    const shownAgain = await mod.post('/api/v1/moderation/unhide', {
      subject: { type: 'source_review', id: r.id },
      reason: 'Reviewed again',
    });
    expect(shownAgain.status, shownAgain.text).toBe(201);
    expect(await counts(app, id)).toMatchObject({ review_count: 2, judgement: 'mixed' });
    expect((await anon.get(url)).body.items.find((x: { id: string }) => x.id === r.id)).toMatchObject({
      hidden: null,
      reasons: 'Rude words here.',
    });
  });

  it('sources and reading lists are reported too, naming their owners', async () => {
    const adder = await someone(app);
    const reporter = await someone(app);
    const mod = await moderator(app);
    const id = await source(app, adder);
    const list = await app.db
      .insertInto('reading_lists')
      .values({ title: 'Facilitation basics', owner_id: adder.userId, created_by: adder.userId })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const subject of [
      { type: 'source', id: String(id) },
      { type: 'reading_list', id: String(list.id) },
    ]) {
      const res = await reporter.post('/api/v1/reports', { subject, reason: 'spam' });
      expect(res.status, res.text).toBe(201);
      const hidden = await mod.post('/api/v1/moderation/hide', { subject, reason: 'Spam' });
      expect(hidden.body).toMatchObject({ target: { username: adder.username } });
    }
    expect((await reporter.post('/api/v1/follows', { subject: { type: 'source', id: String(id) } })).status).toBe(201);
  });
});
