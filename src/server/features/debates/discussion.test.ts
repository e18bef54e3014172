// A debate's discussion: arguing follows the debate, so arguers hear that it closed (and may unfollow); comments
// on the debate itself take mentions; people who took part in the debate are suggested first for a mention.
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { migrationsDir } from '../../db/migrate';
import { testApp, unique } from '../../testing/harness';
import { signedUp } from '../../testing/client';

type Person = Awaited<ReturnType<typeof signedUp>>;

async function setting() {
  const app = await testApp();
  const opener = await signedUp(app, unique('Opener '));
  const arguer = await signedUp(app, unique('Arguer '));
  const res = await opener.post('/api/v1/debates', { title: unique('Elect coordinators? '), framing: 'Why not?' });
  expect(res.status).toBe(201);
  const debate = { id: String(res.body.id) };
  const arg = await arguer.post(`/api/v1/debates/${debate.id}/arguments`, { stance: 'for', body: 'It gives trust.' });
  expect(arg.status, arg.text).toBe(201);
  return { app, opener, arguer, debate, argumentId: String(arg.body.id) };
}

const follows = async (p: Person) =>
  (
    (await p.get('/api/v1/follows?limit=100')).body.items as { id: string; subject: { type: string; id: string } }[]
  ).map((f) => ({ id: f.id, subject: `${f.subject.type}:${f.subject.id}` }));
const kinds = async (p: Person) =>
  ((await p.get('/api/v1/notifications')).body.items as { kind: string; link: string }[]).map((n) => [n.kind, n.link]);

describe('arguing in a debate', () => {
  it('follows the debate as well as the argument', async () => {
    const { arguer, debate, argumentId } = await setting();
    expect((await follows(arguer)).map((f) => f.subject).sort()).toEqual(
      [`argument:${argumentId}`, `debate:${debate.id}`].sort(),
    );
  });

  it('tells the arguer when the debate closes; an arguer who unfollowed it is not told', async () => {
    const { app, opener, arguer, debate } = await setting();
    const quiet = await signedUp(app, unique('Quiet '));
    expect(
      (await quiet.post(`/api/v1/debates/${debate.id}/arguments`, { stance: 'against', body: 'Too formal.' })).status,
    ).toBe(201);
    const follow = (await follows(quiet)).find((f) => f.subject === `debate:${debate.id}`);
    expect((await quiet.delete(`/api/v1/follows/${follow?.id}`)).status).toBe(204);
    expect((await opener.post(`/api/v1/debates/${debate.id}/close`, { conclusion: 'Elect them.' })).status).toBe(200);
    expect(await kinds(arguer)).toContainEqual(['debate_closed', `/debates/${debate.id}#debate-conclusion`]);
    expect((await kinds(quiet)).filter(([k]) => k === 'debate_closed')).toEqual([]);
  });
});

describe('people who argued before arguing followed', () => {
  it('follow the open debates they argued in, not the closed ones', async () => {
    const { app, opener, arguer, debate } = await setting();
    const closed = (await opener.post('/api/v1/debates', { title: unique('Closed '), framing: 'Done?' })).body;
    await arguer.post(`/api/v1/debates/${closed.id}/arguments`, { stance: 'against', body: 'Not yet.' });
    await opener.post(`/api/v1/debates/${closed.id}/close`, { conclusion: 'Done.' });
    // As it was before: arguing followed the argument only.
    await app.db
      .deleteFrom('follows')
      .where('user_id', '=', arguer.userId)
      .where('subject_type', '=', 'debate')
      .execute();
    const file = fs.readdirSync(migrationsDir).find((f) => f.endsWith('_mentions_arguers_follow.sql'))!;
    await sql.raw(fs.readFileSync(path.join(migrationsDir, file), 'utf8')).execute(app.db);
    const followed = (await follows(arguer)).map((f) => f.subject);
    expect(followed).toContain(`debate:${debate.id}`);
    expect(followed).not.toContain(`debate:${closed.id}`);
  });
});

describe('the debate’s own discussion', () => {
  it('takes comments that mention people, and suggests the debate’s people first', async () => {
    const { app, opener, arguer, debate } = await setting();
    const commenter = await signedUp(app, unique('Commenter '));
    const posted = await commenter.post('/api/v1/comments', {
      subject: { type: 'debate', id: debate.id },
      body: `What do you think, @${arguer.username.replace(/ /g, '_')}?`,
    });
    expect(posted.status, posted.text).toBe(201);
    expect(posted.body.bodyHtml).toContain('class="ldn-mention"');
    expect(await kinds(arguer)).toContainEqual(['mention', `/debates/${debate.id}#comment-${posted.body.id}`]);
    const res = await commenter.get(`/api/v1/mentions/suggestions?q=&subjectType=debate&subjectId=${debate.id}`);
    expect(res.status).toBe(200);
    expect(res.body.items.map((i: { username: string; reason: string }) => [i.username, i.reason]).sort()).toEqual(
      [
        [opener.username, 'discussion'],
        [arguer.username, 'discussion'],
      ].sort(),
    );
  });
});
