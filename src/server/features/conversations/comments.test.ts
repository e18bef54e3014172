import { describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { systemCtx } from '../../http/ctx';
import { queryCounter, testApp, unique } from '../../testing/harness';
import { TestClient, grantRole, signedUp } from '../../testing/client';
import { listComments } from './service';
import { auditCount, makeUpdate, writeThread } from './testing';

async function setting() {
  const app = await testApp();
  const author = await signedUp(app);
  const other = await signedUp(app);
  const updateId = await makeUpdate(app, author.userId);
  return { app, author, other, updateId, subject: { type: 'update', id: updateId } };
}

async function commentCount(app: FastifyInstance, body: string) {
  const row = await app.db
    .selectFrom('comments')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('body', '=', body)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

const thread = (c: TestClient, updateId: string, extra = '') =>
  c.get(`/api/v1/comments?subjectType=update&subjectId=${updateId}${extra}`);

describe('posting comments', () => {
  it('posts Markdown on an update, sanitized, with its author, and audits it', async () => {
    const { app, author, subject, updateId } = await setting();
    const res = await author.post('/api/v1/comments', {
      subject,
      body: 'I **agree** <script>alert(1)</script> [x](javascript:alert(1))',
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      subject: { type: 'update', id: updateId },
      parentId: null,
      depth: 0,
      author: { username: author.username, displayName: author.username },
      edited: false,
      editedAt: null,
      deleted: false,
      quoted: null,
      can: { edit: true, delete: true },
    });
    expect(res.body.bodyHtml).toContain('<strong>agree</strong>');
    expect(res.body.bodyHtml).not.toContain('<script');
    expect(res.body.bodyHtml).not.toContain('href="javascript');
    expect(await auditCount(app, 'comment.create', author.userId)).toBe(1);
    const list = await thread(new TestClient(app), updateId);
    expect(list.body.items).toHaveLength(1);
    expect(list.body.items[0].can).toEqual({ edit: false, delete: false });
  });

  it('refuses anonymous people with 401, writing nothing', async () => {
    const { app, subject } = await setting();
    const anon = await new TestClient(app).start();
    const body = unique('anon ');
    expect((await anon.post('/api/v1/comments', { subject, body })).status).toBe(401);
    expect(await commentCount(app, body)).toBe(0);
  });

  it('answers bad input with 400 or 404 naming the field', async () => {
    const { app, author, subject } = await setting();
    const cases: [unknown, number, string][] = [
      [{ subject, body: '' }, 400, 'body'],
      [{ subject, body: 'x'.repeat(10001) }, 400, 'body'],
      [{ subject, body: 'x', extra: 1 }, 400, 'extra'],
      [{ subject: { type: 'planet', id: '1' }, body: 'x' }, 400, 'subject.type'],
      [{ subject: { type: 'update', id: '999999999' }, body: 'x' }, 404, 'subject'],
      [{ subject: { type: 'update', id: 'abc' }, body: 'x' }, 404, 'subject'],
      [{ subject: { type: 'comment', id: '1' }, body: 'x' }, 400, 'subject.type'],
      [{ subject, body: 'x', parentId: '999999999' }, 400, 'parentId'],
    ];
    for (const [payload, status, field] of cases) {
      const res = await author.post('/api/v1/comments', payload);
      expect(res.status, JSON.stringify(payload).slice(0, 80)).toBe(status);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    // A parent from another thread is refused too.
    const elsewhere = await makeUpdate(app, author.userId);
    const p = await author.post('/api/v1/comments', { subject: { type: 'update', id: elsewhere }, body: 'there' });
    const res = await author.post('/api/v1/comments', { subject, body: 'here', parentId: p.body.id });
    expect(res.status).toBe(400);
    expect((await thread(author, subject.id)).body.items).toHaveLength(0);
  });

  it('stores @mentions of people who exist', async () => {
    const { app, author, other, subject } = await setting();
    const res = await author.post('/api/v1/comments', {
      subject,
      body: `Thanks @${other.username}, and @nobody${unique()}`,
    });
    const rows = await app.db
      .selectFrom('comment_mentions')
      .select('user_id')
      .where('comment_id', '=', Number(res.body.id))
      .execute();
    expect(rows.map((r) => r.user_id)).toEqual([other.userId]);
  });
});

describe('the author’s name', () => {
  it('shows the display name only when its owner made it public, else the username', async () => {
    const { app, author, subject, updateId } = await setting();
    const c = (await author.post('/api/v1/comments', { subject, body: 'Named' })).body;
    const setName = (fields: string[]) =>
      app.db
        .updateTable('users')
        .set({ display_name: 'Ana Public', public_fields: fields })
        .where('id', '=', author.userId)
        .execute();
    const authorOf = async () =>
      (await thread(new TestClient(app), updateId)).body.items.find((i: { id: string }) => i.id === c.id).author;
    await setName(['display_name']);
    expect(await authorOf()).toEqual({ username: author.username, displayName: 'Ana Public' });
    await setName(['bio']);
    expect(await authorOf()).toEqual({ username: author.username, displayName: author.username });
  });
});

describe('links to the platform', () => {
  it('show the linked item’s title; other links keep their text', async () => {
    const { app, author, subject, updateId } = await setting();
    const base = app.deps.config.baseUrl;
    const { title } = await app.db
      .selectFrom('updates')
      .select('title')
      .where('id', '=', Number(updateId))
      .executeTakeFirstOrThrow();
    const res = await author.post('/api/v1/comments', {
      subject,
      body: `See ${base}/updates/${updateId} and ${base}/debates/999999999 and [that](${base}/updates/${updateId})`,
    });
    expect(res.body.bodyHtml).toContain(
      `<a href="${base}/updates/${updateId}" rel="nofollow ugc noopener">${title}</a>`,
    );
    expect(res.body.bodyHtml).toContain(`>${base}/debates/999999999</a>`);
    expect(res.body.bodyHtml).toContain('>that</a>');
    const list = await thread(author, updateId);
    expect(list.body.items[0].bodyHtml).toBe(res.body.bodyHtml);
  });
});

describe('thread shape', () => {
  it('nests replies three levels deep, then continues flat at depth 3 quoting the comment answered', async () => {
    const { author, other, subject, updateId } = await setting();
    const say = async (c: TestClient, body: string, parentId?: string) =>
      (await c.post('/api/v1/comments', { subject, body, parentId })).body;
    const a = await say(author, 'A');
    const b = await say(other, 'B');
    const a1 = await say(other, 'A1', a.id);
    const a11 = await say(author, 'A11', a1.id);
    const a111 = await say(other, 'A111', a11.id);
    const deeper = await say(author, 'answer to **A111**', a111.id);
    const a2 = await say(author, 'A2', a.id);
    expect([a.depth, a1.depth, a11.depth, a111.depth, deeper.depth]).toEqual([0, 1, 2, 3, 3]);
    expect(deeper.parentId).toBe(a11.id);
    expect(deeper.quoted).toEqual({
      id: a111.id,
      author: { username: other.username, displayName: other.username },
      excerpt: 'A111',
    });
    const list = await thread(author, updateId);
    expect(list.body.items.map((c: { bodyHtml: string }) => c.bodyHtml.replace(/<[^>]+>/g, '').trim())).toEqual([
      'A',
      'A1',
      'A11',
      'A111',
      'answer to A111',
      'A2',
      'B',
    ]);
    expect(list.body.items.map((c: { id: string }) => c.id)).toEqual([
      a.id,
      a1.id,
      a11.id,
      a111.id,
      deeper.id,
      a2.id,
      b.id,
    ]);
  });

  it('pages a long thread in order, stable while comments are added, with a fixed number of queries per page', async () => {
    const { app, author, subject, updateId } = await setting();
    const ids: string[] = [];
    for (let i = 0; i < 12; i++) {
      const top = (await author.post('/api/v1/comments', { subject, body: `top ${i}` })).body;
      const reply = (await author.post('/api/v1/comments', { subject, body: `reply ${i}`, parentId: top.id })).body;
      ids.push(top.id, reply.id);
    }
    const queries = queryCounter();
    const counted = app.db.withPlugin(queries.plugin);
    const seen: string[] = [];
    let cursor: string | undefined;
    const perPage: number[] = [];
    do {
      queries.reset();
      const res = await listComments(systemCtx(app.deps, counted), {
        subjectType: 'update',
        subjectId: updateId,
        cursor,
        limit: 5,
      });
      perPage.push(queries.count);
      seen.push(...res.items.map((c) => c.id));
      cursor = res.next ?? undefined;
      // A reply to an earlier comment arriving meanwhile neither repeats nor hides a comment of later pages.
      if (seen.length === 5) await author.post('/api/v1/comments', { subject, body: 'late reply', parentId: ids[0] });
    } while (cursor);
    expect(seen).toEqual(ids);
    expect(new Set(perPage)).toEqual(new Set([2]));
    const bad = await thread(author, updateId, '&cursor=nonsense');
    expect(bad.status).toBe(400);
  });
});

describe('a 1,000-comment thread', () => {
  it('pages through in thread order, each page with the same two queries', async () => {
    const { app, author, updateId } = await setting();
    const subjectId = Number(updateId);
    // 100 top-level comments with 9 replies each.
    await writeThread(app.db, { type: 'update', id: subjectId }, author.userId, 100, 9);
    const rows = await app.db
      .selectFrom('comments')
      .select(['id', 'parent_id'])
      .where('subject_type', '=', 'update')
      .where('subject_id', '=', subjectId)
      .execute();
    const tops = rows
      .filter((r) => r.parent_id === null)
      .map((r) => r.id)
      .sort((a, b) => a - b);
    const expected = tops
      .flatMap((t) => [
        t,
        ...rows
          .filter((r) => r.parent_id === t)
          .map((r) => r.id)
          .sort((a, b) => a - b),
      ])
      .map(String);
    expect(expected).toHaveLength(1000);

    const queries = queryCounter();
    const counted = app.db.withPlugin(queries.plugin);
    const seen: string[] = [];
    const perPage: number[] = [];
    let cursor: string | undefined;
    do {
      queries.reset();
      const res = await listComments(systemCtx(app.deps, counted), {
        subjectType: 'update',
        subjectId: updateId,
        cursor,
        limit: 100,
      });
      perPage.push(queries.count);
      seen.push(...res.items.map((c) => c.id));
      cursor = res.next ?? undefined;
    } while (cursor);
    expect(perPage).toEqual(Array(10).fill(2));
    expect(seen).toEqual(expected);
  });
});

describe('editing and deleting', () => {
  it('lets the author edit, keeping every earlier version; others get 403 and nothing changes', async () => {
    const { app, author, other, subject } = await setting();
    const c = (await author.post('/api/v1/comments', { subject, body: 'first' })).body;
    const refused = await other.patch(`/api/v1/comments/${c.id}`, { body: 'hijacked' });
    expect(refused.status).toBe(403);
    expect(await auditCount(app, 'permission.refused', other.userId)).toBe(1);
    const admin = await signedUp(app);
    await grantRole(app, admin.username, 'admin');
    expect((await admin.patch(`/api/v1/comments/${c.id}`, { body: 'admin edit' })).status).toBe(403);
    expect((await author.patch(`/api/v1/comments/${c.id}`, { body: 'second' })).body).toMatchObject({ edited: true });
    const third = await author.patch(`/api/v1/comments/${c.id}`, { body: 'third' });
    expect(third.status).toBe(200);
    expect(third.body.editedAt).not.toBeNull();
    expect((await author.patch(`/api/v1/comments/${c.id}`, { body: '', x: 1 })).status).toBe(400);
    const revs = await new TestClient(app).get(`/api/v1/comments/${c.id}/revisions`);
    expect(revs.body.items.map((r: { bodyHtml: string; current: boolean }) => [r.bodyHtml.trim(), r.current])).toEqual([
      ['<p>third</p>', true],
      ['<p>second</p>', false],
      ['<p>first</p>', false],
    ]);
    expect(await auditCount(app, 'comment.edit', author.userId)).toBe(2);
  });

  it('deletes a comment without replies entirely, and leaves a placeholder for one with replies', async () => {
    const { app, author, other, subject, updateId } = await setting();
    const lone = (await author.post('/api/v1/comments', { subject, body: 'lone' })).body;
    const parent = (await author.post('/api/v1/comments', { subject, body: 'parent' })).body;
    await other.post('/api/v1/comments', { subject, body: 'child', parentId: parent.id });
    expect((await other.delete(`/api/v1/comments/${lone.id}`)).status).toBe(403);
    expect((await author.delete(`/api/v1/comments/${lone.id}`)).status).toBe(204);
    expect((await author.delete(`/api/v1/comments/${parent.id}`)).status).toBe(204);
    const items = (await thread(author, updateId)).body.items;
    expect(items).toHaveLength(2);
    expect(items[0]).toMatchObject({
      id: parent.id,
      deleted: true,
      bodyHtml: '',
      author: null,
      can: { edit: false, delete: false },
    });
    expect((await author.get(`/api/v1/comments/${parent.id}/revisions`)).status).toBe(404);
    expect(await auditCount(app, 'comment.delete', author.userId)).toBe(2);
  });

  it('lets a moderator delete someone else’s comment', async () => {
    const { app, author, subject } = await setting();
    const c = (await author.post('/api/v1/comments', { subject, body: 'rude' })).body;
    const mod = await signedUp(app);
    await grantRole(app, mod.username, 'moderator');
    expect((await mod.delete(`/api/v1/comments/${c.id}`)).status).toBe(204);
    expect((await mod.delete(`/api/v1/comments/${c.id}`)).status).toBe(404);
  });
});
