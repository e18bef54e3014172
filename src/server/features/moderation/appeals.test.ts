// A person sees the actions taken on their content and account and appeals each once; appeals reach the
// moderators' queue; an answer upholds or reverses the action, and reversing undoes it.
import { describe, expect, it } from 'vitest';
import { TestClient } from '../../testing/client';
import { DAY, appWithClock, auditActions, itemsBy, member, withRole } from './testing';

async function setting() {
  const { app, advance } = await appWithClock();
  const person = await member(app);
  const items = await itemsBy(app, person);
  const moderator = await withRole(app, 'moderator');
  const thread = () => new TestClient(app).get(`/api/v1/comments?subjectType=update&subjectId=${items.updateId}`);
  return { app, advance, person, items, moderator, thread };
}

describe('one’s own moderation', () => {
  it('lists the actions on one’s content and account, newest first, with links to the content, paged', async () => {
    const { person, items, moderator } = await setting();
    await moderator.post('/api/v1/moderation/hide', {
      subject: { type: 'comment', id: items.commentId },
      reason: 'Rude',
    });
    await moderator.post('/api/v1/moderation/hide', {
      subject: { type: 'argument', id: items.argumentId },
      reason: 'Off topic',
    });
    await moderator.post(`/api/v1/moderation/people/${person.userId}/warn`, { reason: 'Mind the tone' });
    const first = await person.get('/api/v1/me/moderation?limit=2');
    expect(first.status).toBe(200);
    expect(first.body.items.map((a: { kind: string; reason: string }) => [a.kind, a.reason])).toEqual([
      ['warn', 'Mind the tone'],
      ['hide', 'Off topic'],
    ]);
    expect(first.body.items[1].subject).toMatchObject({
      type: 'argument',
      id: items.argumentId,
      link: `/debates/${items.debateId}#argument-${items.argumentId}`,
    });
    const second = await person.get(`/api/v1/me/moderation?limit=2&cursor=${first.body.next}`);
    expect(second.body.items).toMatchObject([
      {
        kind: 'hide',
        reason: 'Rude',
        subject: { type: 'comment', id: items.commentId, link: expect.stringContaining(`#comment-${items.commentId}`) },
      },
    ]);
    expect(second.body.next).toBeNull();
    // Someone else sees none of it; anonymous people must sign in.
    const other = await member(person.app);
    expect((await other.get('/api/v1/me/moderation')).body.items).toEqual([]);
    expect((await new TestClient(person.app).get('/api/v1/me/moderation')).status).toBe(401);
  });
});

describe('appealing', () => {
  it('takes one appeal per action (a second is 409), refuses others’ actions (404), and shows it to moderators', async () => {
    const { app, person, items, moderator } = await setting();
    const hide = (
      await moderator.post('/api/v1/moderation/hide', {
        subject: { type: 'comment', id: items.commentId },
        reason: 'Rude',
      })
    ).body;
    const res = await person.post(`/api/v1/me/moderation/${hide.id}/appeal`, { text: 'I was quoting someone else' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      id: hide.id,
      appeal: { text: 'I was quoting someone else', status: 'open', answer: null },
      can: { appeal: false },
    });
    const again = await person.post(`/api/v1/me/moderation/${hide.id}/appeal`, { text: 'Please' });
    expect(again.status).toBe(409);
    expect(again.body.detail).toMatch(/appealed once|can be appealed once/);
    const other = await member(app);
    expect((await other.post(`/api/v1/me/moderation/${hide.id}/appeal`, { text: 'Mine?' })).status).toBe(404);
    expect((await person.post('/api/v1/me/moderation/99999999/appeal', { text: 'x' })).status).toBe(404);
    expect((await person.post(`/api/v1/me/moderation/${hide.id}/appeal`, { text: '' })).status).toBe(400);
    expect(
      (await new TestClient(app).start().then((c) => c.post(`/api/v1/me/moderation/${hide.id}/appeal`, { text: 'x' })))
        .status,
    ).toBe(401);
    const queue = await moderator.get('/api/v1/moderation/appeals?limit=100');
    const entry = queue.body.items.find((a: { action: { id: string } }) => a.action.id === hide.id);
    expect(entry).toMatchObject({
      text: 'I was quoting someone else',
      status: 'open',
      person: { username: person.username },
      action: { kind: 'hide', reason: 'Rude' },
    });
    expect(await auditActions(app, 'moderation.appeal', hide.id)).toHaveLength(1);
  });

  it('refuses appeals of actions that cannot be appealed (showing content again)', async () => {
    const { person, items, moderator } = await setting();
    await moderator.post('/api/v1/moderation/hide', {
      subject: { type: 'comment', id: items.commentId },
      reason: 'Rude',
    });
    const unhide = (
      await moderator.post('/api/v1/moderation/unhide', {
        subject: { type: 'comment', id: items.commentId },
        reason: 'Fine',
      })
    ).body;
    expect((await person.post(`/api/v1/me/moderation/${unhide.id}/appeal`, { text: 'x' })).status).toBe(409);
  });
});

describe('answering appeals', () => {
  it('reversing a hide shows the content again, and the person sees the answer', async () => {
    const { app, person, items, moderator, thread } = await setting();
    const hide = (
      await moderator.post('/api/v1/moderation/hide', {
        subject: { type: 'comment', id: items.commentId },
        reason: 'Rude',
      })
    ).body;
    await person.post(`/api/v1/me/moderation/${hide.id}/appeal`, { text: 'It was a quote' });
    const appealId = (await moderator.get('/api/v1/moderation/appeals')).body.items.find(
      (a: { action: { id: string } }) => a.action.id === hide.id,
    ).id;
    const answered = await moderator.post(`/api/v1/moderation/appeals/${appealId}/answer`, {
      decision: 'reversed',
      answer: 'Right, it was a quote. Sorry.',
    });
    expect(answered.status).toBe(200);
    expect(answered.body).toMatchObject({
      status: 'reversed',
      answer: 'Right, it was a quote. Sorry.',
      action: { reversed: true },
    });
    expect((await thread()).body.items[0].hidden).toBeNull();
    const mine = (await person.get('/api/v1/me/moderation')).body.items;
    expect(mine[0]).toMatchObject({ kind: 'unhide', reason: 'Right, it was a quote. Sorry.' });
    expect(mine[1]).toMatchObject({
      id: hide.id,
      reversed: true,
      appeal: { status: 'reversed', answer: 'Right, it was a quote. Sorry.' },
      can: { appeal: false },
    });
    expect(
      (await moderator.post(`/api/v1/moderation/appeals/${appealId}/answer`, { decision: 'upheld', answer: 'No' }))
        .status,
    ).toBe(409);
    expect(await auditActions(app, 'moderation.appeal.answer', appealId)).toHaveLength(1);
    // Appeals answered leave the open queue and are listed as closed.
    expect(
      (await moderator.get('/api/v1/moderation/appeals')).body.items.map((a: { id: string }) => a.id),
    ).not.toContain(appealId);
    expect(
      (await moderator.get('/api/v1/moderation/appeals?status=closed')).body.items.map((a: { id: string }) => a.id),
    ).toContain(appealId);
  });

  it('reversing a suspension lifts it; upholding one leaves it', async () => {
    const { advance, person, items, moderator } = await setting();
    const suspend = (
      await moderator.post(`/api/v1/moderation/people/${person.userId}/suspend`, { reason: 'Flooding', hours: 72 })
    ).body;
    // Suspended people can still appeal.
    expect(
      (await person.post(`/api/v1/me/moderation/${suspend.id}/appeal`, { text: 'My script misfired' })).status,
    ).toBe(201);
    const appealId = (await moderator.get('/api/v1/moderation/appeals')).body.items.find(
      (a: { action: { id: string } }) => a.action.id === suspend.id,
    ).id;
    expect(
      (
        await moderator.post(`/api/v1/moderation/appeals/${appealId}/answer`, {
          decision: 'reversed',
          answer: 'Understood',
        })
      ).status,
    ).toBe(200);
    expect(
      (await person.post('/api/v1/comments', { subject: { type: 'update', id: items.updateId }, body: 'Back' })).status,
    ).toBe(201);

    advance(DAY);
    const second = (
      await moderator.post(`/api/v1/moderation/people/${person.userId}/suspend`, {
        reason: 'Flooding again',
        hours: 24,
      })
    ).body;
    await person.post(`/api/v1/me/moderation/${second.id}/appeal`, { text: 'Again my script' });
    const secondAppeal = (await moderator.get('/api/v1/moderation/appeals')).body.items.find(
      (a: { action: { id: string } }) => a.action.id === second.id,
    ).id;
    const upheld = await moderator.post(`/api/v1/moderation/appeals/${secondAppeal}/answer`, {
      decision: 'upheld',
      answer: 'Fix the script first',
    });
    expect(upheld.body).toMatchObject({ status: 'upheld', action: { reversed: false } });
    expect(
      (await person.post('/api/v1/comments', { subject: { type: 'update', id: items.updateId }, body: 'Again' }))
        .status,
    ).toBe(403);
  });

  it('answers bad input with 400 and an unknown appeal with 404', async () => {
    const { moderator } = await setting();
    expect(
      (await moderator.post('/api/v1/moderation/appeals/99999999/answer', { decision: 'upheld', answer: 'x' })).status,
    ).toBe(404);
    const bad = await moderator.post('/api/v1/moderation/appeals/1/answer', { decision: 'maybe', answer: '' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['answer', 'decision']);
  });
});
