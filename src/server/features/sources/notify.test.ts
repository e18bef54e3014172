// Followers of a source hear of a new review (not of edits) and of an initiative recording it; followers of a
// reading list hear of its items changing. The actor is never told.
import { beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { testApp } from '../../testing/harness';
import { notifyReadingListChanged, notifySourceUsed } from './index';
import { review, someone, source, type Person } from './reviews/testing';

let app: FastifyInstance;
beforeAll(async () => {
  app = await testApp();
}, 90_000);

const follow = async (p: Person, type: string, id: number) =>
  expect((await p.post('/api/v1/follows', { subject: { type, id: String(id) } })).status).toBe(201);

const told = async (p: Person, kind: string) =>
  ((await p.get('/api/v1/notifications?limit=50')).body.items as { kind: string }[]).filter((n) => n.kind === kind);

describe('notifications of sources', () => {
  it('tells followers of a source of a new review, not its reviewer, and not of an edit', async () => {
    const follower = await someone(app);
    const reviewer = await someone(app);
    const id = await source(app);
    await follow(follower, 'source', id);
    await follow(reviewer, 'source', id);
    const r = await review(reviewer, id);
    expect(await told(follower, 'source_review')).toEqual([
      expect.objectContaining({
        subject: expect.objectContaining({ type: 'source', id: String(id), link: `/sources/${id}` }),
        object: { type: 'source_review', id: r.id },
        actor: expect.objectContaining({ username: reviewer.username }),
        link: `/sources/${id}#review-${r.id}`,
      }),
    ]);
    expect(await told(reviewer, 'source_review')).toEqual([]);
    await review(reviewer, id, { judgement: 'mixed' });
    expect(await told(follower, 'source_review')).toHaveLength(1);
  });

  it('tells followers of a source that an initiative used it, not the actor', async () => {
    const follower = await someone(app);
    const lead = await someone(app);
    const id = await source(app);
    await follow(follower, 'source', id);
    await follow(lead, 'source', id);
    // The event names the initiative (as its object); nothing of the initiative is read.
    await notifySourceUsed(app.db, id, 1, lead.userId, new Date());
    expect(await told(follower, 'source_used')).toEqual([
      expect.objectContaining({ subject: expect.objectContaining({ type: 'source', id: String(id) }) }),
    ]);
    expect(await told(lead, 'source_used')).toEqual([]);
  });

  it('tells followers of a reading list that its items changed, not the actor', async () => {
    const owner = await someone(app);
    const follower = await someone(app);
    const list = await app.db
      .insertInto('reading_lists')
      .values({ title: 'Public speaking', owner_id: owner.userId, created_by: owner.userId })
      .returning('id')
      .executeTakeFirstOrThrow();
    await follow(follower, 'reading_list', list.id);
    await follow(owner, 'reading_list', list.id);
    await notifyReadingListChanged(app.db, list.id, owner.userId, new Date());
    expect(await told(follower, 'reading_list')).toEqual([
      expect.objectContaining({
        subject: expect.objectContaining({ type: 'reading_list', link: `/reading-lists/${list.id}` }),
      }),
    ]);
    expect(await told(owner, 'reading_list')).toEqual([]);
  });
});
