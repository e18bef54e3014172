import { describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { testApp, unique } from '../../testing/harness';
import { TestClient, grantRole, signedUp, type Answer } from '../../testing/client';
import { auditCount } from '../conversations/testing';

async function debateCount(app: FastifyInstance, title: string) {
  const row = await app.db
    .selectFrom('debates')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('title', '=', title)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

async function setting() {
  const app = await testApp();
  const opener = await signedUp(app);
  const other = await signedUp(app);
  const title = unique('Should groups elect coordinators? ');
  const res = await opener.post('/api/v1/debates', {
    title,
    framing: 'Some groups **vote**; others agree informally.',
    language: 'en',
  });
  expect(res.status).toBe(201);
  return { app, opener, other, debate: res.body as { id: string; title: string } };
}

describe('opening debates', () => {
  it('lets any signed-in person open one, listed with open debates first', async () => {
    const { app, opener, debate } = await setting();
    expect(debate).toMatchObject({
      status: 'open',
      opener: { username: opener.username },
      argumentCount: 0,
      conclusionHtml: null,
      can: { argue: true, support: true, close: true },
    });
    expect((debate as unknown as { framingHtml: string }).framingHtml).toContain('<strong>vote</strong>');
    const closed = (await opener.post('/api/v1/debates', { title: unique('closed '), framing: 'x' })).body;
    expect(closed.language).toBe('en');
    await opener.post(`/api/v1/debates/${closed.id}/close`, { conclusion: 'Done.' });
    const later = (await opener.post('/api/v1/debates', { title: unique('later '), framing: 'x' })).body;
    const seen: { id: string; status: string }[] = [];
    let cursor: string | null = null;
    do {
      const list: Answer<{ items: { id: string; status: string }[]; next: string | null }> = await new TestClient(
        app,
      ).get(`/api/v1/debates?limit=50${cursor ? `&cursor=${cursor}` : ''}`);
      expect(list.status).toBe(200);
      seen.push(...list.body.items);
      cursor = list.body.next;
    } while (cursor);
    const firstClosed = seen.findIndex((d) => d.status === 'closed');
    expect(seen.slice(firstClosed).every((d) => d.status === 'closed')).toBe(true);
    const ids = seen.map((d) => d.id);
    expect(ids.indexOf(later.id)).toBeLessThan(ids.indexOf(debate.id));
    expect(ids.indexOf(debate.id)).toBeLessThan(ids.indexOf(closed.id));
  });

  it('refuses anonymous people and bad input, writing nothing', async () => {
    const { app, opener } = await setting();
    const anon = await new TestClient(app).start();
    const title = unique('anon ');
    expect((await anon.post('/api/v1/debates', { title, framing: 'x' })).status).toBe(401);
    for (const [body, field] of [
      [{ title, framing: '' }, 'framing'],
      [{ title: '', framing: 'x' }, 'title'],
      [{ title, framing: 'x', language: 'English!' }, 'language'],
      [{ title, framing: 'x', pinned: true }, 'pinned'],
    ] as const) {
      const res = await opener.post('/api/v1/debates', body);
      expect(res.status).toBe(400);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    expect(await debateCount(app, title)).toBe(0);
    expect((await opener.get('/api/v1/debates/abc')).status).toBe(404);
    expect((await opener.get('/api/v1/debates?cursor=zzz')).status).toBe(400);
  });
});

describe('arguing and supporting', () => {
  it('groups arguments by stance with support counts and the viewer’s own support', async () => {
    const { app, opener, other, debate } = await setting();
    const forArg = await other.post(`/api/v1/debates/${debate.id}/arguments`, {
      stance: 'for',
      body: 'Elections give **legitimacy**.',
    });
    expect(forArg.status).toBe(201);
    expect(forArg.body).toMatchObject({
      stance: 'for',
      supports: 0,
      supported: false,
      author: { username: other.username },
    });
    const against = (
      await opener.post(`/api/v1/debates/${debate.id}/arguments`, {
        stance: 'against',
        body: 'Small groups need no formality.',
      })
    ).body;
    await opener.post(`/api/v1/debates/${debate.id}/arguments`, { stance: 'neutral', body: 'It depends on size.' });
    expect((await opener.post(`/api/v1/debates/${debate.id}/arguments`, { stance: 'maybe', body: 'x' })).status).toBe(
      400,
    );
    expect((await opener.post(`/api/v1/debates/${debate.id}/arguments`, { stance: 'for', body: '' })).status).toBe(400);

    const path = `/api/v1/debates/${debate.id}/arguments/${forArg.body.id}/support`;
    const s = await opener.post(path);
    expect(s.status).toBe(201);
    expect(s.body).toEqual({ argumentId: forArg.body.id, supports: 1, supported: true });
    expect((await opener.post(path)).status).toBe(409);
    expect((await other.post(path)).body.supports).toBe(2);
    const anon = await new TestClient(app).start();
    expect((await anon.post(path)).status).toBe(401);
    expect(
      (await anon.post(`/api/v1/debates/${debate.id}/arguments`, { stance: 'for', body: 'Anonymous' })).status,
    ).toBe(401);

    const view = (await opener.get(`/api/v1/debates/${debate.id}`)).body;
    expect(view.argumentCount).toBe(3);
    expect(view.arguments.for).toHaveLength(1);
    expect(view.arguments.for[0]).toMatchObject({ supports: 2, supported: true });
    expect(view.arguments.for[0].bodyHtml).toContain('<strong>legitimacy</strong>');
    expect(view.arguments.against.map((a: { id: string }) => a.id)).toEqual([against.id]);
    expect(view.arguments.neutral).toHaveLength(1);
    expect((await new TestClient(app).get(`/api/v1/debates/${debate.id}`)).body.arguments.for[0].supported).toBe(false);

    expect((await opener.delete(path)).status).toBe(204);
    expect((await opener.delete(path)).status).toBe(404);
    expect((await opener.get(`/api/v1/debates/${debate.id}`)).body.arguments.for[0]).toMatchObject({
      supports: 1,
      supported: false,
    });
    expect(await auditCount(app, 'debate.support.withdraw', opener.userId)).toBe(1);
    // An argument of another debate is not found under this one.
    const elsewhere = (await opener.post('/api/v1/debates', { title: unique('other '), framing: 'x' })).body;
    expect((await opener.post(`/api/v1/debates/${elsewhere.id}/arguments/${forArg.body.id}/support`)).status).toBe(404);
  });

  it('takes replies under an argument through comments', async () => {
    const { other, debate } = await setting();
    const arg = (await other.post(`/api/v1/debates/${debate.id}/arguments`, { stance: 'for', body: 'Yes.' })).body;
    const reply = await other.post('/api/v1/comments', { subject: { type: 'argument', id: arg.id }, body: 'Indeed.' });
    expect(reply.status).toBe(201);
    const list = await other.get(`/api/v1/comments?subjectType=argument&subjectId=${arg.id}`);
    expect(list.body.items.map((c: { id: string }) => c.id)).toEqual([reply.body.id]);
    // The debate brings the first replies under each argument along, in thread order.
    const second = (await other.post(`/api/v1/debates/${debate.id}/arguments`, { stance: 'against', body: 'No.' }))
      .body;
    const nested = (
      await other.post('/api/v1/comments', {
        subject: { type: 'argument', id: arg.id },
        body: 'Nested',
        parentId: reply.body.id,
      })
    ).body;
    const view = (await other.get(`/api/v1/debates/${debate.id}`)).body;
    expect(view.arguments.for[0].replies.items.map((c: { id: string }) => c.id)).toEqual([reply.body.id, nested.id]);
    expect(view.arguments.for[0].replies.next).toBeNull();
    expect(view.arguments.against[0]).toMatchObject({ id: second.id, replies: { items: [], next: null } });
  });
});

describe('closing debates', () => {
  it('lets the opener close with a conclusion; afterwards arguments, supports and replies get 409', async () => {
    const { app, opener, other, debate } = await setting();
    const arg = (await other.post(`/api/v1/debates/${debate.id}/arguments`, { stance: 'for', body: 'Yes.' })).body;
    expect((await opener.post(`/api/v1/debates/${debate.id}/close`, { conclusion: '' })).status).toBe(400);
    const closed = await opener.post(`/api/v1/debates/${debate.id}/close`, {
      conclusion: 'We agree to **vote** yearly.',
    });
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({
      status: 'closed',
      closedBy: { username: opener.username },
      can: { argue: false, support: false, close: false },
    });
    expect(closed.body.conclusionHtml).toContain('<strong>vote</strong>');
    expect((await opener.post(`/api/v1/debates/${debate.id}/close`, { conclusion: 'Again' })).status).toBe(409);
    expect(
      (await other.post(`/api/v1/debates/${debate.id}/arguments`, { stance: 'against', body: 'Late' })).status,
    ).toBe(409);
    expect((await other.post(`/api/v1/debates/${debate.id}/arguments/${arg.id}/support`)).status).toBe(409);
    expect(
      (await other.post('/api/v1/comments', { subject: { type: 'argument', id: arg.id }, body: 'Late' })).status,
    ).toBe(409);
    // Still readable.
    expect((await new TestClient(app).get(`/api/v1/debates/${debate.id}`)).body.arguments.for).toHaveLength(1);
    expect(await auditCount(app, 'debate.close', opener.userId)).toBe(1);
  });

  it('refuses others with 403, writing nothing; lets a moderator close', async () => {
    const { app, other, debate } = await setting();
    const refused = await other.post(`/api/v1/debates/${debate.id}/close`, { conclusion: 'Mine' });
    expect(refused.status).toBe(403);
    expect(await auditCount(app, 'permission.refused', other.userId)).toBe(1);
    expect((await other.get(`/api/v1/debates/${debate.id}`)).body).toMatchObject({
      status: 'open',
      conclusionHtml: null,
      can: { close: false },
    });
    const mod = await signedUp(app);
    await grantRole(app, mod.username, 'moderator');
    expect((await mod.get(`/api/v1/debates/${debate.id}`)).body.can.close).toBe(true);
    expect((await mod.post(`/api/v1/debates/${debate.id}/close`, { conclusion: 'Closed by moderation.' })).status).toBe(
      200,
    );
  });
});

describe('API description', () => {
  it('describes the comments and debates endpoints in the OpenAPI document', async () => {
    const app = await testApp();
    const res = await app.inject({ url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const paths = Object.keys(JSON.parse(res.body).paths);
    for (const p of [
      '/api/v1/comments',
      '/api/v1/comments/{id}',
      '/api/v1/comments/{id}/revisions',
      '/api/v1/debates',
      '/api/v1/debates/{id}',
      '/api/v1/debates/{id}/arguments',
      '/api/v1/debates/{id}/arguments/{argumentId}/support',
      '/api/v1/debates/{id}/close',
    ]) {
      expect(paths).toContain(p);
    }
  });
});
