import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { TestClient } from '../../../testing/client';
import { testApp } from '../../../testing/harness';
import { admin, clockedApp, makeEvent, registrationsUrl, someone } from './testing';

const MIN = 60_000;
let app: FastifyInstance;
let clock: { at: Date };

beforeAll(async () => {
  await testApp();
  ({ app, clock } = await clockedApp(new Date()));
}, 120_000);
afterAll(() => app.close());

describe('the join link', () => {
  it('redirects a registrant from 15 minutes before the start to the end, never kept; otherwise says when', async () => {
    const t0 = new Date(Math.ceil(Date.now() / MIN) * MIN + 2 * 3600_000);
    clock.at = new Date(t0.getTime() - 2 * 3600_000);
    const org = await someone(app);
    const ev = await makeEvent(app, { createdBy: org.userId, capacity: 1, starts: [t0] });
    const reg = await someone(app);
    const waiting = await someone(app);
    const stranger = await someone(app);
    expect((await reg.post(registrationsUrl(ev), {})).body.status).toBe('registered');
    expect((await waiting.post(registrationsUrl(ev), {})).body.status).toBe('waiting');
    const join = `/events/${ev.id}/join`;
    const early = await reg.get(join);
    expect(early.status).toBe(409);
    expect(early.headers['cache-control']).toBe('private, no-store');
    expect(early.body.detail).toMatch(/opens 15 minutes before the start, at \d{4}-\d\d-\d\dT/);
    expect(early.body.opensAt).toBe(new Date(t0.getTime() - 15 * MIN).toISOString().replace('.000Z', 'Z'));
    expect(early.text).not.toContain('meet.example.org');
    clock.at = new Date(t0.getTime() - 14 * MIN);
    const open = await reg.get(join);
    expect(open.status).toBe(303);
    expect(open.headers.location).toBe('https://meet.example.org/room-1');
    expect(open.headers['cache-control']).toBe('private, no-store');
    // The waiting list, strangers and anonymous people do not get it.
    for (const p of [waiting, stranger]) {
      const res = await p.get(join);
      expect(res.status).toBe(403);
      expect(res.text).not.toContain('meet.example.org');
    }
    const anon = await new TestClient(app).get(join);
    expect(anon.status).toBe(401);
    expect(anon.headers['cache-control']).toBe('private, no-store');
    clock.at = new Date(t0.getTime() + 59 * MIN);
    expect((await reg.get(join)).status).toBe(303);
    clock.at = new Date(t0.getTime() + 61 * MIN);
    const over = await reg.get(join);
    expect(over.status).toBe(410);
    expect(over.text).not.toContain('meet.example.org');
    expect((await reg.get(`/events/99999999/join`)).status).toBe(404);
  });

  it('gives organizers the meeting link in a never-kept answer, and refuses everyone else', async () => {
    clock.at = new Date();
    const org = await someone(app);
    const ev = await makeEvent(app, { createdBy: org.userId });
    const res = await org.get(`/api/v1/events/${ev.id}/meeting-link`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ url: 'https://meet.example.org/room-1' });
    expect(res.headers['cache-control']).toBe('private, no-store');
    expect((await (await admin(app)).get(`/api/v1/events/${ev.id}/meeting-link`)).status).toBe(200);
    const reg = await someone(app);
    await reg.post(registrationsUrl(ev), {});
    expect((await reg.get(`/api/v1/events/${ev.id}/meeting-link`)).status).toBe(403);
    expect((await new TestClient(app).get(`/api/v1/events/${ev.id}/meeting-link`)).status).toBe(401);
    // Nor is it in any answer registrants read.
    expect(JSON.stringify((await reg.post(registrationsUrl(ev), {})).body)).not.toContain('meet.example.org');
  });
});
