// Moderators' actions on people: warnings, suspensions for a time (no posting, commenting or reporting; logging
// in still works and says why), blocks (sessions and tokens end, log-in refused) — each with a reason, in the
// log and the audit; bad input refused with nothing written.
import { describe, expect, it } from 'vitest';
import { TestClient } from '../../testing/client';
import { DAY, appWithClock, auditActions, itemsBy, member, withRole } from './testing';

async function setting() {
  const { app, advance } = await appWithClock();
  const person = await member(app);
  const items = await itemsBy(app, person);
  const moderator = await withRole(app, 'moderator');
  const other = await member(app);
  return { app, advance, person, items, moderator, other };
}

describe('warning', () => {
  it('records a warning the person sees, with the reason, in the log and the audit', async () => {
    const { app, person, moderator } = await setting();
    const res = await moderator.post(`/api/v1/moderation/people/${person.userId}/warn`, {
      reason: 'Please keep to the topic',
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      kind: 'warn',
      subject: { type: 'person', id: String(person.userId) },
      target: { username: person.username },
      reason: 'Please keep to the topic',
    });
    const mine = await person.get('/api/v1/me/moderation');
    expect(mine.body.items[0]).toMatchObject({
      kind: 'warn',
      reason: 'Please keep to the topic',
      can: { appeal: true },
      appeal: null,
    });
    expect(mine.text).not.toContain(moderator.username);
    expect(await auditActions(app, 'moderation.warn', person.userId)).toEqual([
      expect.objectContaining({ actor_id: moderator.userId }),
    ]);
    const log = await moderator.get('/api/v1/moderation/log');
    expect(log.body.items[0]).toMatchObject({ id: res.body.id, moderator: { username: moderator.username } });
  });

  it('answers bad input with 400 and an unknown person with 404, writing nothing', async () => {
    const { app, person, moderator } = await setting();
    const before = (await app.db.selectFrom('moderation_actions').select('id').execute()).length;
    const cases: [string, unknown, number, string | null][] = [
      [`/api/v1/moderation/people/${person.userId}/warn`, { reason: '' }, 400, 'reason'],
      [`/api/v1/moderation/people/${person.userId}/warn`, {}, 400, 'reason'],
      [`/api/v1/moderation/people/${person.userId}/warn`, { reason: 'x'.repeat(2001) }, 400, 'reason'],
      [`/api/v1/moderation/people/${person.userId}/warn`, { reason: 'x', extra: 1 }, 400, 'extra'],
      [`/api/v1/moderation/people/${person.userId}/suspend`, { reason: 'x' }, 400, 'hours'],
      [`/api/v1/moderation/people/${person.userId}/suspend`, { reason: 'x', hours: 0 }, 400, 'hours'],
      [`/api/v1/moderation/people/${person.userId}/suspend`, { reason: 'x', hours: 1.5 }, 400, 'hours'],
      [`/api/v1/moderation/people/${person.userId}/suspend`, { reason: 'x', hours: 9000 }, 400, 'hours'],
      ['/api/v1/moderation/people/99999999/warn', { reason: 'x' }, 404, null],
      ['/api/v1/moderation/people/abc/block', { reason: 'x' }, 404, null],
      [
        '/api/v1/moderation/hide',
        { subject: { type: 'person', id: String(person.userId) }, reason: 'x' },
        400,
        'subject.type',
      ],
      ['/api/v1/moderation/hide', { subject: { type: 'comment', id: '99999999' }, reason: 'x' }, 404, 'subject'],
      ['/api/v1/moderation/hide', { subject: { type: 'comment', id: '1' } }, 400, 'reason'],
    ];
    for (const [url, body, status, field] of cases) {
      const res = await moderator.post(url, body);
      expect(res.status, `${url} ${JSON.stringify(body)}`).toBe(status);
      if (field) expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    expect((await app.db.selectFrom('moderation_actions').select('id').execute()).length).toBe(before);
  });
});

describe('suspending', () => {
  it('stops posting, commenting, supporting and reporting until the time, saying until when and why; logging in still works', async () => {
    const { app, advance, person, items, moderator, other } = await setting();
    const res = await moderator.post(`/api/v1/moderation/people/${person.userId}/suspend`, {
      reason: 'Cooling-off after insults',
      hours: 48,
    });
    expect(res.status).toBe(201);
    expect(Date.parse(res.body.suspendedUntil) - Date.parse(res.body.createdAt)).toBe(48 * 3600 * 1000);
    const attempts = [
      () => person.post('/api/v1/comments', { subject: { type: 'update', id: items.updateId }, body: 'Still here' }),
      () => person.patch(`/api/v1/comments/${items.commentId}`, { body: 'Edited' }),
      () => person.post('/api/v1/debates', { title: 'A new debate', framing: 'x' }),
      () => person.post(`/api/v1/debates/${items.debateId}/arguments`, { stance: 'neutral', body: 'More' }),
      () => person.post(`/api/v1/debates/${items.debateId}/arguments/${items.argumentId}/support`),
      () =>
        person.post('/api/v1/reports', {
          subject: { type: 'comment', id: items.commentId.toString() },
          reason: 'spam',
          text: 'x',
        }),
      () =>
        person.post('/api/v1/reports', {
          subject: { type: 'person', id: String(other.userId) },
          reason: 'spam',
          text: 'x',
        }),
    ];
    for (const attempt of attempts) {
      const refused = await attempt();
      expect(refused.status).toBe(403);
      expect(refused.body.title).toBe('Your account is suspended');
      expect(refused.body.detail).toContain('Cooling-off after insults');
      expect(refused.body.detail).toMatch(/until .*20\d\d/);
    }
    // Logging in works, and the session says until when.
    const again = await new TestClient(app).start();
    const login = await again.post('/api/v1/session', { username: person.username, password: 'correct horse battery' });
    expect(login.status).toBe(200);
    expect(login.body.user.suspendedUntil).toBe(res.body.suspendedUntil);
    expect((await again.get('/api/v1/session')).body.user.suspendedUntil).toBe(res.body.suspendedUntil);
    const mine = (await again.get('/api/v1/me/moderation')).body;
    expect(mine).toMatchObject({
      suspendedUntil: res.body.suspendedUntil,
      suspensionReason: 'Cooling-off after insults',
    });
    // Reading still works; deleting one's own comment too.
    expect((await person.get(`/api/v1/debates/${items.debateId}`)).status).toBe(200);
    expect((await person.delete(`/api/v1/comments/${items.commentId}`)).status).toBe(204);
    // Once the time has passed, posting works again.
    advance(49 * 3600 * 1000);
    expect(
      (await person.post('/api/v1/comments', { subject: { type: 'update', id: items.updateId }, body: 'Back' })).status,
    ).toBe(201);
    expect((await person.get('/api/v1/session')).body.user.suspendedUntil).toBeNull();
  });

  it('is lifted early by a moderator with a reason; lifting one that is not there is 409', async () => {
    const { person, items, moderator } = await setting();
    await moderator.post(`/api/v1/moderation/people/${person.userId}/suspend`, { reason: 'Spam', hours: 24 });
    const lifted = await moderator.post(`/api/v1/moderation/people/${person.userId}/unsuspend`, {
      reason: 'It was a misunderstanding',
    });
    expect(lifted.status).toBe(201);
    expect(
      (await person.post('/api/v1/comments', { subject: { type: 'update', id: items.updateId }, body: 'Thanks' }))
        .status,
    ).toBe(201);
    expect(
      (await moderator.post(`/api/v1/moderation/people/${person.userId}/unsuspend`, { reason: 'Again' })).status,
    ).toBe(409);
  });

  it('applies to personal API tokens too', async () => {
    const { person, items, moderator } = await setting();
    const token = (await person.post('/api/v1/me/tokens', { name: 'bot' })).body.token as string;
    await moderator.post(`/api/v1/moderation/people/${person.userId}/suspend`, { reason: 'Flooding', hours: 2 });
    const script = new TestClient(person.app);
    script.bearer = token;
    expect(
      (
        await script.post('/api/v1/comments', {
          subject: { type: 'update', id: items.updateId },
          body: 'From a script',
        })
      ).status,
    ).toBe(403);
  });
});

describe('blocking', () => {
  it('ends every session and token of the account and refuses its log-ins with a clear message; unblocking lets it in again', async () => {
    const { app, advance, person, moderator } = await setting();
    const token = (await person.post('/api/v1/me/tokens', { name: 'bot' })).body.token as string;
    const res = await moderator.post(`/api/v1/moderation/people/${person.userId}/block`, { reason: 'Spam account' });
    expect(res.status).toBe(201);
    expect((await person.get('/api/v1/session')).body.user).toBeNull();
    const script = new TestClient(app);
    script.bearer = token;
    expect((await script.get('/api/v1/me/account')).status).toBe(401);
    const sessions = await app.db.selectFrom('sessions').select('id').where('user_id', '=', person.userId).execute();
    expect(sessions).toEqual([]);
    const fresh = await new TestClient(app).start();
    const login = await fresh.post('/api/v1/session', { username: person.username, password: 'correct horse battery' });
    expect(login.status).toBe(401);
    expect(login.body.detail).toBe('This account is blocked.');
    expect(await auditActions(app, 'moderation.block', person.userId)).toEqual([
      expect.objectContaining({ details: expect.objectContaining({ sessions: expect.any(Number), tokens: 1 }) }),
    ]);
    expect((await moderator.post(`/api/v1/moderation/people/${person.userId}/block`, { reason: 'Again' })).status).toBe(
      409,
    );
    expect((await moderator.post(`/api/v1/moderation/people/${person.userId}/warn`, { reason: 'x' })).status).toBe(409);
    advance(DAY);
    expect(
      (await moderator.post(`/api/v1/moderation/people/${person.userId}/unblock`, { reason: 'Verified as a person' }))
        .status,
    ).toBe(201);
    expect(
      (await fresh.post('/api/v1/session', { username: person.username, password: 'correct horse battery' })).status,
    ).toBe(200);
    expect(
      (await moderator.post(`/api/v1/moderation/people/${person.userId}/unblock`, { reason: 'Again' })).status,
    ).toBe(409);
  });
});
