import { beforeAll, describe, expect, it } from 'vitest';
import { TestClient } from '../../../testing/client';
import { testApp } from '../../../testing/harness';
import { auditCount, makeEvent, registrationsUrl, someone, told } from '../registrations/testing';

beforeAll(() => testApp(), 120_000);

describe('messages to registrants', () => {
  it('reaches each registrant (waiting ones too), five a day per event, organizers only', async () => {
    const app = await testApp();
    const org = await someone(app);
    const ev = await makeEvent(app, { createdBy: org.userId, capacity: 1 });
    const a = await someone(app);
    const b = await someone(app);
    await a.post(registrationsUrl(ev), {});
    await b.post(registrationsUrl(ev), {});
    const url = `/api/v1/events/${ev.id}/messages`;
    const msg = { subject: 'Bring a laptop', body: 'We will edit together.' };
    expect((await a.post(url, msg)).status).toBe(403);
    expect((await (await new TestClient(app).start()).post(url, msg)).status).toBe(401);
    for (const [body, field] of [
      [{ subject: '', body: 'x' }, 'subject'],
      [{ subject: 'x' }, 'body'],
      [{ ...msg, to: 'all' }, 'to'],
    ] as const) {
      const res = await org.post(url, body);
      expect(res.status).toBe(400);
      expect(res.body.errors[0].field).toBe(field);
    }
    const first = await org.post(url, msg);
    expect(first.status, first.text).toBe(201);
    expect(first.body.recipients).toBe(2);
    for (const p of [a, b]) {
      const got = await told(app, p.userId, 'event_message');
      expect(got).toHaveLength(1);
      expect(got[0]!.subject_title).toContain('Bring a laptop');
    }
    for (let i = 0; i < 4; i++) expect((await org.post(url, msg)).status).toBe(201);
    const sixth = await org.post(url, msg);
    expect(sixth.status).toBe(429);
    expect(sixth.headers['retry-after']).toBeDefined();
    expect(
      await app.db.selectFrom('event_messages').select('id').where('event_id', '=', Number(ev.id)).execute(),
    ).toHaveLength(5);
    expect(await auditCount(app, 'event.message', org.userId)).toBe(5);
    expect((await org.post('/api/v1/events/99999999/messages', msg)).status).toBe(404);
  });
});
