// Suggestions while typing a mention: signed-in people only; people one follows, then people of the discussion,
// then others whose name starts with what was typed; hidden display names are never searched.
import { describe, expect, it } from 'vitest';
import { testApp, unique } from '../../testing/harness';
import { TestClient, signedUp } from '../../testing/client';
import { makeUpdate } from './testing';

const suggest = (c: TestClient, q: string, subject?: { type: string; id: string }) =>
  c.get(
    `/api/v1/mentions/suggestions?q=${encodeURIComponent(q)}${subject ? `&subjectType=${subject.type}&subjectId=${subject.id}` : ''}`,
  );

async function setting() {
  const app = await testApp();
  const s = unique('Sg');
  const writer = await signedUp(app, `${s} Writer`);
  const followed = await signedUp(app, `${s} Zulu`);
  const participant = await signedUp(app, `${s} Yankee`);
  const other = await signedUp(app, `${s} Alpha`);
  const updateId = await makeUpdate(app, other.userId);
  const subject = { type: 'update', id: updateId };
  expect(
    (await writer.post('/api/v1/follows', { subject: { type: 'person', id: String(followed.userId) } })).status,
  ).toBe(201);
  expect((await participant.post('/api/v1/comments', { subject, body: 'I was here first.' })).status).toBe(201);
  return { app, s, writer, followed, participant, other, subject };
}

describe('people to mention', () => {
  it('suggests people one follows, then people of the discussion, then others, never oneself', async () => {
    const { s, writer, followed, participant, other, subject } = await setting();
    const res = await suggest(writer, s.toLowerCase(), subject);
    expect(res.status, res.text).toBe(200);
    expect(res.body.items).toEqual([
      { username: followed.username, displayName: followed.username, reason: 'follow' },
      // The update's author is its owner: part of its discussion too. Alike, by name.
      { username: other.username, displayName: other.username, reason: 'discussion' },
      { username: participant.username, displayName: participant.username, reason: 'discussion' },
    ]);
    // Elsewhere, the same people by name; underscores read as spaces; any word of a name.
    const plain = await suggest(writer, `${s}_`);
    expect(plain.body.items.map((i: { username: string; reason: string }) => [i.username, i.reason])).toEqual([
      [followed.username, 'follow'],
      [other.username, 'other'],
      [participant.username, 'other'],
    ]);
    expect((await suggest(writer, `${s} Yan`)).body.items.map((i: { username: string }) => i.username)).toEqual([
      participant.username,
    ]);
    // With nothing typed yet, only the people one knows.
    const none = await suggest(writer, '', subject);
    expect(none.body.items.map((i: { username: string }) => i.username)).toEqual(
      expect.arrayContaining([followed.username, participant.username, other.username]),
    );
    expect(none.body.items.every((i: { reason: string }) => i.reason !== 'other')).toBe(true);
  });

  it('no longer counts the author of a deleted comment as one of the discussion', async () => {
    const { app, s, writer, participant, subject } = await setting();
    const mine = await app.db
      .selectFrom('comments')
      .select('id')
      .where('author_id', '=', participant.userId)
      .executeTakeFirstOrThrow();
    expect((await participant.delete(`/api/v1/comments/${mine.id}`)).status).toBe(204);
    const res = await suggest(writer, `${s} Yankee`, subject);
    expect(res.body.items).toEqual([
      { username: participant.username, displayName: participant.username, reason: 'other' },
    ]);
  });

  it('finds a display name only when its owner made it public', async () => {
    const { app, s, writer, other } = await setting();
    const display = `Shown ${s}`;
    const setFields = (fields: string[]) =>
      app.db
        .updateTable('users')
        .set({ display_name: display, public_fields: fields })
        .where('id', '=', other.userId)
        .execute();
    await setFields(['region']);
    expect((await suggest(writer, display)).body.items).toEqual([]);
    await setFields(['display_name']);
    expect((await suggest(writer, display)).body.items).toEqual([
      { username: other.username, displayName: display, reason: 'other' },
    ]);
  });

  it('refuses anonymous people with 401', async () => {
    const { app, s } = await setting();
    const anon = await new TestClient(app).start();
    expect((await suggest(anon, s)).status).toBe(401);
  });

  it('answers bad input with 400, and a discussion that is not there with 404', async () => {
    const { writer, subject } = await setting();
    const cases: [string, number][] = [
      [`?q=${'a'.repeat(86)}`, 400],
      [`?q=a&subjectType=update`, 400],
      [`?q=a&subjectId=${subject.id}`, 400],
      [`?q=a&subjectType=planet&subjectId=1`, 400],
      [`?q=a&subjectType=update&subjectId=999999999`, 404],
      [`?q=a&subjectType=update&subjectId=abc`, 404],
    ];
    for (const [q, status] of cases) {
      const res = await writer.get(`/api/v1/mentions/suggestions${q}`);
      expect(res.status, q).toBe(status);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
    // A `%` or `_` typed is a character of the name, never a wildcard.
    expect((await writer.get('/api/v1/mentions/suggestions?q=%25')).body.items).toEqual([]);
  });
});
