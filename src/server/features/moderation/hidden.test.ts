// Hidden content, as each kind of reader sees it: a placeholder with the reason for everyone; the text for its
// author and for moderators; out of lists, feeds and counts; and back in place once shown again.
import { describe, expect, it } from 'vitest';
import { testApp } from '../../testing/harness';
import { TestClient } from '../../testing/client';
import { auditActions, itemsBy, member, withRole } from './testing';

async function setting() {
  const app = await testApp();
  const author = await member(app);
  const items = await itemsBy(app, author);
  const moderator = await withRole(app, 'moderator');
  const reader = await member(app);
  const anon = await new TestClient(app).start();
  const hide = async (type: string, id: string, reason: string) => {
    const res = await moderator.post('/api/v1/moderation/hide', { subject: { type, id }, reason });
    expect(res.status).toBe(201);
    return res.body;
  };
  return { app, author, items, moderator, reader, anon, hide };
}

describe('a hidden comment', () => {
  it('shows the reason in its place to everyone, its text to its author and moderators, and logs the action', async () => {
    const { app, author, items, moderator, reader, anon, hide } = await setting();
    const action = await hide('comment', items.commentId, 'Personal attack');
    expect(action).toMatchObject({
      kind: 'hide',
      reason: 'Personal attack',
      subject: { type: 'comment', id: items.commentId },
      target: { username: author.username },
      moderator: { username: moderator.username },
      automatic: false,
    });
    const url = `/api/v1/comments?subjectType=update&subjectId=${items.updateId}`;
    for (const c of [reader, anon]) {
      const shown = (await c.get(url)).body.items[0];
      expect(shown).toMatchObject({
        id: items.commentId,
        hidden: { reason: 'Personal attack', automatic: false },
        body: '',
        bodyHtml: '',
      });
      expect((await c.get(`/api/v1/comments/${items.commentId}/revisions`)).status).toBe(404);
    }
    for (const c of [author, moderator]) {
      const shown = (await c.get(url)).body.items[0];
      expect(shown.hidden).toEqual({ reason: 'Personal attack', automatic: false });
      expect(shown.body).toMatch(/^A comment /);
      expect((await c.get(`/api/v1/comments/${items.commentId}/revisions`)).status).toBe(200);
    }
    expect(await auditActions(app, 'moderation.hide', items.commentId)).toEqual([
      expect.objectContaining({ actor_id: moderator.userId }),
    ]);
    // A second hide is a conflict; unhiding brings it back for everyone.
    expect(
      (
        await moderator.post('/api/v1/moderation/hide', {
          subject: { type: 'comment', id: items.commentId },
          reason: 'Again',
        })
      ).status,
    ).toBe(409);
    const shownAgain = await moderator.post('/api/v1/moderation/unhide', {
      subject: { type: 'comment', id: items.commentId },
      reason: 'The author apologised',
    });
    expect(shownAgain.status).toBe(201);
    expect((await anon.get(url)).body.items[0]).toMatchObject({
      hidden: null,
      body: expect.stringMatching(/^A comment /),
    });
    expect(
      (
        await moderator.post('/api/v1/moderation/unhide', {
          subject: { type: 'comment', id: items.commentId },
          reason: 'Again',
        })
      ).status,
    ).toBe(409);
  });

  it('keeps its text out of replies that quote it', async () => {
    const { app, author, items, reader, hide } = await setting();
    // Replies three levels deep, then one more that sits flat and quotes the one it answers.
    let parent = items.commentId;
    for (let i = 0; i < 4; i++)
      parent = (
        await author.post('/api/v1/comments', {
          subject: { type: 'update', id: items.updateId },
          body: `Level ${i + 1} secret`,
          parentId: parent,
        })
      ).body.id;
    const quoted = (
      await app.db.selectFrom('comments').select('quoted_id').where('id', '=', Number(parent)).executeTakeFirstOrThrow()
    ).quoted_id;
    await hide('comment', String(quoted), 'Doxxing');
    const items2 = (await reader.get(`/api/v1/comments?subjectType=update&subjectId=${items.updateId}`)).body.items;
    const last = items2.find((c: { id: string }) => c.id === parent);
    expect(last.quoted).toMatchObject({ id: String(quoted), excerpt: '' });
  });
});

describe('a hidden argument and a hidden debate', () => {
  it('leaves a placeholder in the column, and the debate’s count of arguments', async () => {
    const { items, reader, author, moderator, hide } = await setting();
    await hide('argument', items.argumentId, 'Off topic');
    const seen = (await reader.get(`/api/v1/debates/${items.debateId}`)).body;
    expect(seen.argumentCount).toBe(0);
    expect(seen.arguments.for[0]).toMatchObject({
      id: items.argumentId,
      hidden: { reason: 'Off topic', automatic: false },
      bodyHtml: '',
    });
    expect((await author.get(`/api/v1/debates/${items.debateId}`)).body.arguments.for[0].bodyHtml).toMatch(
      /An argument/,
    );
    expect((await moderator.get(`/api/v1/debates/${items.debateId}`)).body.arguments.for[0].bodyHtml).toMatch(
      /An argument/,
    );
  });

  it('takes a hidden debate out of the list; its page shows the reason only, but all of it to its opener and moderators', async () => {
    const { items, reader, anon, author, moderator, hide } = await setting();
    await hide('debate', items.debateId, 'Harassment in the framing');
    const listed = async () => {
      const ids: string[] = [];
      let cursor: string | null = null;
      do {
        const res: { body: { items: { id: string }[]; next: string | null } } = await anon.get(
          `/api/v1/debates?limit=100${cursor ? `&cursor=${cursor}` : ''}`,
        );
        ids.push(...res.body.items.map((d) => d.id));
        cursor = res.body.next;
      } while (cursor);
      return ids;
    };
    expect(await listed()).not.toContain(items.debateId);
    const seen = (await reader.get(`/api/v1/debates/${items.debateId}`)).body;
    expect(seen).toMatchObject({
      hidden: { reason: 'Harassment in the framing' },
      title: '',
      framingHtml: '',
      arguments: { for: [], against: [], neutral: [] },
      can: { argue: false, support: false },
    });
    expect(
      (await reader.post(`/api/v1/debates/${items.debateId}/arguments`, { stance: 'against', body: 'Still arguing' }))
        .status,
    ).toBe(409);
    for (const c of [author, moderator]) {
      const full = (await c.get(`/api/v1/debates/${items.debateId}`)).body;
      expect(full.title).toMatch(/^A debate /);
      expect(full.arguments.for).toHaveLength(1);
    }
    await moderator.post('/api/v1/moderation/unhide', {
      subject: { type: 'debate', id: items.debateId },
      reason: 'Reworded',
    });
    expect(await listed()).toContain(items.debateId);
  });
});

describe('a hidden update', () => {
  it('leaves the list, the feed and the filters, and its page shows the reason only', async () => {
    const { app, items, reader, anon, author, moderator, hide } = await setting();
    const title = (await author.get(`/api/v1/updates/${items.updateId}`)).body.title as string;
    const row = await app.db
      .selectFrom('updates as u')
      .innerJoin('communities as c', 'c.id', 'u.community_id')
      .select(['c.slug'])
      .where('u.id', '=', Number(items.updateId))
      .executeTakeFirstOrThrow();
    expect((await anon.get(`/api/v1/updates?community=${row.slug}`)).body.items).toHaveLength(1);
    await hide('update', items.updateId, 'Spam');
    expect((await anon.get(`/api/v1/updates?community=${row.slug}`)).body.items).toEqual([]);
    const feed = await app.inject({ url: `/updates/feed.atom?community=${row.slug}` });
    expect(feed.body).not.toContain(title);
    expect(
      (await anon.get('/api/v1/updates/filters')).body.communities.map((c: { slug: string }) => c.slug),
    ).not.toContain(row.slug);
    const seen = (await reader.get(`/api/v1/updates/${items.updateId}`)).body;
    expect(seen).toMatchObject({
      hidden: { reason: 'Spam', automatic: false },
      title: '',
      bodyHtml: '',
      body: '',
      excerpt: '',
    });
    expect((await author.get(`/api/v1/updates/${items.updateId}`)).body).toMatchObject({
      title,
      hidden: { reason: 'Spam' },
    });
    expect((await moderator.get(`/api/v1/updates/${items.updateId}`)).body.title).toBe(title);
    // A bare link to it elsewhere shows the address, not the hidden title.
    const base = app.deps.config.baseUrl;
    const other = await itemsBy(app, reader);
    const linking = await reader.post('/api/v1/comments', {
      subject: { type: 'update', id: other.updateId },
      body: `See ${base}/updates/${items.updateId}`,
    });
    expect(linking.body.bodyHtml).not.toContain(title);
  });
});
