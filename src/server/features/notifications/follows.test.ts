import { describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { testApp } from '../../testing/harness';
import { TestClient } from '../../testing/client';
import { auditCount } from '../conversations/testing';
import { groupLedBy, openDebate, person, postUpdate } from './testing';

async function followCount(app: FastifyInstance, userId: number) {
  const row = await app.db
    .selectFrom('follows')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

async function setting() {
  const app = await testApp();
  const author = await person(app);
  const reader = await person(app);
  const group = await groupLedBy(app, author);
  const update = await postUpdate(author, group);
  return { app, author, reader, group, update };
}

describe('following', () => {
  it('follows an update once: 201 with the follow, 200 with the same one again, and audits it', async () => {
    const { app, reader, update } = await setting();
    const first = await reader.post('/api/v1/follows', { subject: { type: 'update', id: update.id } });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      id: expect.any(String),
      subject: { type: 'update', id: update.id, title: update.title, link: `/updates/${update.id}` },
    });
    const again = await reader.post('/api/v1/follows', { subject: { type: 'update', id: Number(update.id) } });
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(first.body.id);
    expect(await followCount(app, reader.userId)).toBe(1);
    expect(await auditCount(app, 'follow.create', reader.userId)).toBe(1);

    const mine = await reader.get(`/api/v1/follows?subjectType=update&subjectId=${update.id}`);
    expect(mine.status).toBe(200);
    expect(mine.body.items.map((f: { id: string }) => f.id)).toEqual([first.body.id]);

    expect((await reader.delete(`/api/v1/follows/${first.body.id}`)).status).toBe(204);
    expect((await reader.get(`/api/v1/follows?subjectType=update&subjectId=${update.id}`)).body.items).toEqual([]);
    expect(await auditCount(app, 'follow.delete', reader.userId)).toBe(1);
    // Gone: a second delete is a 404.
    expect((await reader.delete(`/api/v1/follows/${first.body.id}`)).status).toBe(404);
  });

  it('follows debates, arguments, groups and people, each with its title and page', async () => {
    const { app, author, reader, group } = await setting();
    const debate = await openDebate(author);
    const arg = await author.post(`/api/v1/debates/${debate.id}/arguments`, {
      stance: 'for',
      body: 'Because **reasons** matter.',
    });
    const cases = [
      [{ type: 'debate', id: debate.id }, debate.title, `/debates/${debate.id}`],
      [
        { type: 'argument', id: arg.body.id },
        'Because reasons matter.',
        `/debates/${debate.id}#argument-${arg.body.id}`,
      ],
      [{ type: 'community', id: group.id }, group.name, `/communities/${group.slug}`],
      [{ type: 'person', id: String(author.userId) }, author.username, `/people/${author.username}`],
    ] as const;
    for (const [subject, title, link] of cases) {
      const res = await reader.post('/api/v1/follows', { subject });
      expect(res.status, subject.type).toBe(201);
      expect(res.body.subject).toEqual({ ...subject, title, link });
    }
    // My follows, newest first, paged by cursor.
    const page1 = await reader.get('/api/v1/follows?limit=3');
    expect(page1.body.items.map((f: { subject: { type: string } }) => f.subject.type)).toEqual([
      'person',
      'community',
      'argument',
    ]);
    const page2 = await reader.get(`/api/v1/follows?limit=3&cursor=${page1.body.next}`);
    expect(page2.body.items.map((f: { subject: { type: string } }) => f.subject.type)).toEqual(['debate']);
    expect(page2.body.next).toBeNull();
    expect(await followCount(app, reader.userId)).toBe(4);
  });

  it('has authors follow what they make: their update, debate, argument and the item they comment on', async () => {
    const { author, reader, update } = await setting();
    const debate = await openDebate(reader);
    const arg = await reader.post(`/api/v1/debates/${debate.id}/arguments`, { stance: 'against', body: 'No.' });
    await author.post('/api/v1/comments', { subject: { type: 'debate', id: debate.id }, body: 'A thought.' });
    const follows = async (p: typeof author) =>
      (await p.get('/api/v1/follows?limit=100')).body.items.map(
        (f: { subject: { type: string; id: string } }) => `${f.subject.type}:${f.subject.id}`,
      );
    expect(await follows(author)).toEqual([`debate:${debate.id}`, `update:${update.id}`]);
    expect(await follows(reader)).toEqual([`argument:${arg.body.id}`, `debate:${debate.id}`]);
  });

  it('refuses anonymous people, bad input, oneself and comments, writing nothing', async () => {
    const { app, reader, update } = await setting();
    const anon = await new TestClient(app).start();
    expect((await anon.post('/api/v1/follows', { subject: { type: 'update', id: update.id } })).status).toBe(401);
    expect((await anon.get('/api/v1/follows')).status).toBe(401);
    const commentId = (
      await reader.post('/api/v1/comments', { subject: { type: 'update', id: update.id }, body: 'Hi' })
    ).body.id;
    const before = await followCount(app, reader.userId);
    const cases: [unknown, number, string][] = [
      [{}, 400, 'subject'],
      [{ subject: { type: 'update', id: update.id }, notify: true }, 400, 'notify'],
      [{ subject: { type: 'update', id: update.id, extra: 1 } }, 400, 'subject.extra'],
      [{ subject: { type: 'planet', id: '1' } }, 400, 'subject.type'],
      [{ subject: { type: '', id: '1' } }, 400, 'subject.type'],
      [{ subject: { type: 'update', id: '999999999' } }, 404, 'subject'],
      [{ subject: { type: 'update', id: 'abc' } }, 404, 'subject'],
      [{ subject: { type: 'comment', id: commentId } }, 400, 'subject.type'],
      [{ subject: { type: 'person', id: String(reader.userId) } }, 400, 'subject'],
    ];
    for (const [payload, status, field] of cases) {
      const res = await reader.post('/api/v1/follows', payload);
      expect(res.status, JSON.stringify(payload)).toBe(status);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(
        res.body.errors.map((e: { field: string }) => e.field),
        JSON.stringify(payload),
      ).toContain(field);
    }
    expect(await followCount(app, reader.userId)).toBe(before);
    // Asking about one subject needs both its type and its id; a cursor must be one of ours.
    expect((await reader.get('/api/v1/follows?subjectType=update')).status).toBe(400);
    expect((await reader.get('/api/v1/follows?cursor=nonsense')).status).toBe(400);
    expect((await reader.get('/api/v1/follows?subjectType=update&subjectId=abc')).body.items).toEqual([]);
  });

  it('lets only its owner unfollow: someone else gets 404 and the follow stays', async () => {
    const { app, author, reader, update } = await setting();
    const f = (await reader.post('/api/v1/follows', { subject: { type: 'update', id: update.id } })).body;
    expect((await author.delete(`/api/v1/follows/${f.id}`)).status).toBe(404);
    const anon = await new TestClient(app).start();
    expect((await anon.delete(`/api/v1/follows/${f.id}`)).status).toBe(401);
    expect((await reader.get(`/api/v1/follows?subjectType=update&subjectId=${update.id}`)).body.items).toHaveLength(1);
    expect((await reader.delete('/api/v1/follows/abc')).status).toBe(404);
    // Another person's follows are not listed either.
    expect(
      (await author.get(`/api/v1/follows?subjectType=update&subjectId=${update.id}`)).body.items.map(
        (x: { id: string }) => x.id,
      ),
    ).not.toContain(f.id);
  });
});
