import { describe, expect, it } from 'vitest';
import { testApp } from '../../testing/harness';
import { grantRole } from '../../testing/client';
import { comment, followOf, groupLedBy, inbox, openDebate, person, postUpdate, type Person } from './testing';

const kinds = async (p: Person) => (await inbox(p, '?limit=100')).items.map((n) => n.kind);

async function setting() {
  const app = await testApp();
  const author = await person(app);
  const group = await groupLedBy(app, author);
  const update = await postUpdate(author, group);
  return { app, author, group, update, subject: { type: 'update', id: update.id } };
}

describe('who is notified of a comment', () => {
  it('tells a mentioned person, with the actor, the item and a link to the comment', async () => {
    const { app, author, update, subject } = await setting();
    const b = await person(app);
    const id = await comment(author, subject, `Thanks @${b.username}, what do you think?`);
    const box = await inbox(b);
    expect(box.unread).toBe(1);
    expect(box.items).toEqual([
      {
        id: expect.any(String),
        kind: 'mention',
        subject: { type: 'update', id: update.id, title: update.title, link: `/updates/${update.id}` },
        object: { type: 'comment', id },
        actor: { username: author.username, displayName: author.username },
        link: `/updates/${update.id}#comment-${id}`,
        createdAt: expect.any(String),
        read: false,
      },
    ]);
  });

  it('never tells people of their own actions, even when they follow the item or mention themselves', async () => {
    const { author, subject } = await setting();
    await comment(author, subject, `Note to self, @${author.username}.`);
    expect(await kinds(author)).toEqual([]);
  });

  it('sends one notification per person and event: mention wins over reply wins over comment', async () => {
    const { app, author, subject } = await setting();
    const b = await person(app);
    const c = await person(app);
    // b and c both comment (so both follow the update); the author answers both and mentions b.
    const bComment = await comment(b, subject, 'First!');
    await comment(c, subject, 'Second!');
    await comment(author, subject, `Welcome @${b.username}`, bComment);
    expect(await kinds(b)).toEqual(['mention', 'comment']);
    // c follows the update (since commenting) and is not addressed: a plain comment notification.
    expect(await kinds(c)).toEqual(['comment']);
    // A reply without a mention is a reply, once, though b follows the item too.
    await comment(c, subject, 'I agree with b.', bComment);
    expect(await kinds(b)).toEqual(['reply', 'mention', 'comment']);
  });

  it('tells followers of the item of new comments, and stops after unfollowing', async () => {
    const { app, author, subject } = await setting();
    const f = await person(app);
    const follow = await followOf(f, subject);
    await comment(author, subject, 'An addendum.');
    expect(await kinds(f)).toEqual(['comment']);
    await f.delete(`/api/v1/follows/${follow.id}`);
    await comment(author, subject, 'Another addendum.');
    expect(await kinds(f)).toEqual(['comment']);
  });

  it('tells a follower of a person of their public activity: comments, debates, arguments and updates', async () => {
    const { app, author, group, subject } = await setting();
    const fan = await person(app);
    await followOf(fan, { type: 'person', id: String(author.userId) });
    await comment(author, subject, 'Public words.');
    const debate = await openDebate(author);
    await author.post(`/api/v1/debates/${debate.id}/arguments`, {
      stance: 'neutral',
      body: 'Both sides have a point.',
    });
    await postUpdate(author, group);
    const box = await inbox(fan);
    expect(box.items.map((n) => [n.kind, n.object?.type])).toEqual([
      ['update', 'update'],
      ['activity', 'argument'],
      ['activity', 'debate'],
      ['activity', 'comment'],
    ]);
    expect(box.unread).toBe(4);
  });

  it('tells followers of a debate of replies under its arguments, and the argument’s author', async () => {
    const { app } = await setting();
    const opener = await person(app);
    const arguer = await person(app);
    const replier = await person(app);
    const debate = await openDebate(opener);
    const arg = (await arguer.post(`/api/v1/debates/${debate.id}/arguments`, { stance: 'for', body: 'Yes.' })).body;
    expect(await kinds(opener)).toEqual(['argument']);
    const reply = await comment(replier, { type: 'argument', id: arg.id }, 'Why?');
    expect(await kinds(opener)).toEqual(['comment', 'argument']);
    const forArguer = (await inbox(arguer)).items[0];
    expect(forArguer).toMatchObject({
      kind: 'comment',
      subject: { type: 'argument', id: arg.id, link: `/debates/${debate.id}#argument-${arg.id}` },
      link: `/debates/${debate.id}#comment-${reply}`,
    });
  });
});

describe('who is notified of other events', () => {
  it('tells followers of a debate that it closed, but not the one who closed it', async () => {
    const { app } = await setting();
    const opener = await person(app);
    const fan = await person(app);
    const moderator = await person(app);
    await grantRole(app, moderator.username, 'moderator');
    const debate = await openDebate(opener);
    await followOf(fan, { type: 'debate', id: debate.id });
    expect((await moderator.post(`/api/v1/debates/${debate.id}/close`, { conclusion: 'Settled.' })).status).toBe(200);
    for (const p of [opener, fan]) {
      expect((await inbox(p)).items.map((n) => [n.kind, n.actor?.username, n.link])).toEqual([
        ['debate_closed', moderator.username, `/debates/${debate.id}#debate-conclusion`],
      ]);
    }
    expect(await kinds(moderator)).toEqual([]);
  });

  it('tells followers of a group of its new updates, once even when they follow its author too', async () => {
    const { app, author, group } = await setting();
    const fan = await person(app);
    await followOf(fan, { type: 'community', id: group.id });
    await followOf(fan, { type: 'person', id: String(author.userId) });
    const update = await postUpdate(author, group);
    expect((await inbox(fan)).items.map((n) => [n.kind, n.subject.title])).toEqual([['update', update.title]]);
  });

  it('tells people newly mentioned by an edit, and nobody twice', async () => {
    const { app, author, subject } = await setting();
    const b = await person(app);
    const c = await person(app);
    const id = await comment(author, subject, `Hello @${b.username}`);
    expect(
      (await author.patch(`/api/v1/comments/${id}`, { body: `Hello @${b.username} and @${c.username}` })).status,
    ).toBe(200);
    expect(await kinds(b)).toEqual(['mention']);
    expect(await kinds(c)).toEqual(['mention']);
    // Editing again, keeping both mentions, tells no one.
    await author.patch(`/api/v1/comments/${id}`, { body: `Hi @${b.username} and @${c.username}!` });
    expect(await kinds(b)).toEqual(['mention']);
    expect(await kinds(c)).toEqual(['mention']);
  });

  it('never stands in the way: a comment under a deleted update can still be edited', async () => {
    const { app, author, update, subject } = await setting();
    const b = await person(app);
    const id = await comment(author, subject, 'Before the update went.');
    expect((await author.delete(`/api/v1/updates/${update.id}`)).status).toBe(204);
    const res = await author.patch(`/api/v1/comments/${id}`, { body: `After, for @${b.username}` });
    expect(res.status).toBe(200);
    expect(await kinds(b)).toEqual([]);
  });
});
