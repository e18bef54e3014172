import { describe, expect, it } from 'vitest';
import { testApp } from '../../testing/harness';
import { TestClient } from '../../testing/client';
import { auditCount } from '../conversations/testing';
import { giveEmail, person } from './testing';

const defaults = {
  mention: 'immediately',
  reply: 'immediately',
  comment: 'daily',
  argument: 'daily',
  debate_closed: 'daily',
  update: 'weekly',
  activity: 'weekly',
};

describe('notification settings', () => {
  it('starts from the defaults: being addressed at once, followed items daily, groups and people weekly', async () => {
    const app = await testApp();
    const p = await person(app);
    const res = await p.get('/api/v1/me/notification-settings');
    expect(res.status).toBe(200);
    // Other features may add kinds of their own; these are this feature's.
    expect(res.body).toMatchObject({ email: defaults, defaults, hasEmail: false });
    await giveEmail(app, p, `${p.username}@example.org`);
    expect((await p.get('/api/v1/me/notification-settings')).body.hasEmail).toBe(true);
  });

  it('changes the kinds sent, keeps the others, and audits the change', async () => {
    const app = await testApp();
    const p = await person(app);
    const res = await p.put('/api/v1/me/notification-settings', { email: { comment: 'never', update: 'immediately' } });
    expect(res.status).toBe(200);
    expect(res.body.email).toMatchObject({ ...defaults, comment: 'never', update: 'immediately' });
    const again = await p.put('/api/v1/me/notification-settings', { email: { comment: 'weekly' } });
    expect(again.body.email).toMatchObject({ ...defaults, comment: 'weekly', update: 'immediately' });
    expect((await p.get('/api/v1/me/notification-settings')).body.email).toEqual(again.body.email);
    expect(await auditCount(app, 'notifications.settings', p.userId)).toBe(2);
    // Someone else's settings are their own.
    const other = await person(app);
    expect((await other.get('/api/v1/me/notification-settings')).body.email).toMatchObject(defaults);
  });

  it('refuses unknown kinds, unknown values and unknown fields, changing nothing', async () => {
    const app = await testApp();
    const p = await person(app);
    await p.put('/api/v1/me/notification-settings', { email: { reply: 'daily' } });
    const cases: [unknown, string][] = [
      [{ email: { telepathy: 'daily' } }, 'email.telepathy'],
      [{ email: { mention: 'hourly' } }, 'email.mention'],
      [{ email: { mention: null } }, 'email.mention'],
      [{ email: { mention: 'never', reply: 'sometimes' } }, 'email.reply'],
      [{ email: {}, push: true }, 'push'],
      [{}, 'email'],
    ];
    for (const [payload, field] of cases) {
      const res = await p.put('/api/v1/me/notification-settings', payload);
      expect(res.status, JSON.stringify(payload)).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(
        res.body.errors.map((e: { field: string }) => e.field),
        JSON.stringify(payload),
      ).toContain(field);
    }
    expect((await p.get('/api/v1/me/notification-settings')).body.email).toMatchObject({ ...defaults, reply: 'daily' });
  });

  it('refuses anonymous people', async () => {
    const app = await testApp();
    const anon = await new TestClient(app).start();
    expect((await anon.get('/api/v1/me/notification-settings')).status).toBe(401);
    expect((await anon.put('/api/v1/me/notification-settings', { email: { mention: 'never' } })).status).toBe(401);
  });
});
