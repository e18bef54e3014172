import { beforeAll, describe, expect, it } from 'vitest';
import { TestClient } from '../../../testing/client';
import { testApp } from '../../../testing/harness';
import { admin, auditCount, group, makeEvent, registrationsUrl, someone, told } from '../registrations/testing';

const DAY = 86400_000;
beforeAll(() => testApp(), 120_000);

const occurrenceUrl = (e: { id: string; occurrences: { occurrence: string }[] }, n = 0) =>
  `/api/v1/events/${e.id}/occurrences/${encodeURIComponent(e.occurrences[n]!.occurrence)}`;

describe('attendance and notes', () => {
  it('lets organizers record who was present and the walk-ins, and refuses everyone else', async () => {
    const app = await testApp();
    const org = await someone(app);
    const a = await someone(app);
    const b = await someone(app);
    const ev = await makeEvent(app, { createdBy: org.userId, starts: [new Date(Date.now() - 2 * 3600_000)] });
    const url = `${occurrenceUrl(ev)}/attendance`;
    const res = await org.put(url, { present: [a.username, b.username.toUpperCase()], walkIns: 3 });
    expect(res.status, res.text).toBe(204);
    const rows = await app.db
      .selectFrom('event_attendance')
      .select('user_id')
      .where('occurrence_id', '=', ev.occurrences[0]!.ids[0]!)
      .execute();
    expect(rows.map((r) => r.user_id).sort()).toEqual([a.userId, b.userId].sort());
    const occ = await app.db
      .selectFrom('event_occurrences')
      .select('walk_ins')
      .where('id', '=', ev.occurrences[0]!.ids[0]!)
      .executeTakeFirstOrThrow();
    expect(occ.walk_ins).toBe(3);
    // A second save replaces the list.
    expect((await org.put(url, { present: [a.username] })).status).toBe(204);
    expect(
      await app.db
        .selectFrom('event_attendance')
        .select('user_id')
        .where('occurrence_id', '=', ev.occurrences[0]!.ids[0]!)
        .execute(),
    ).toEqual([{ user_id: a.userId }]);
    expect(await auditCount(app, 'event.attendance', org.userId)).toBe(2);
    expect((await a.put(url, { present: [a.username] })).status).toBe(403);
    expect((await (await new TestClient(app).start()).put(url, { present: [] })).status).toBe(401);
    // Bad input names the field and writes nothing.
    const bad = await org.put(url, { present: [a.username, 'nobody-like-this-at-all'] });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('present.1');
    expect((await org.put(url, { present: [], walkIns: -1 })).body.errors[0].field).toBe('walkIns');
    expect((await org.put(url, { present: 'x' })).body.errors[0].field).toBe('present');
    expect(
      (await org.put(`/api/v1/events/${ev.id}/occurrences/2001-01-01T10%3A00/attendance`, { present: [] })).status,
    ).toBe(404);
    expect((await org.put(`/api/v1/events/${ev.id}/occurrences/yesterday/attendance`, { present: [] })).status).toBe(
      400,
    );
    expect(
      await app.db
        .selectFrom('event_attendance')
        .select('user_id')
        .where('occurrence_id', '=', ev.occurrences[0]!.ids[0]!)
        .execute(),
    ).toHaveLength(1);
    // Not before it started.
    const future = await makeEvent(app, { createdBy: org.userId });
    expect((await org.put(`${occurrenceUrl(future)}/attendance`, { present: [] })).status).toBe(409);
  });

  it('publishes notes; the first publication tells registrants and followers (event_notes); others are refused', async () => {
    const app = await testApp();
    const org = await someone(app);
    const ev = await makeEvent(app, { createdBy: org.userId, starts: [new Date(Date.now() + 3600_000)] });
    const reg = await someone(app);
    expect((await reg.post(registrationsUrl(ev), {})).status).toBe(201);
    await app.db
      .updateTable('event_occurrences')
      .set({ starts_at: new Date(Date.now() - 7200_000), ends_at: new Date(Date.now() - 3600_000) })
      .where('event_id', '=', Number(ev.id))
      .execute();
    const url = `${occurrenceUrl(ev)}/notes`;
    const body = {
      notes: 'We met and planned.',
      recordingUrl: 'https://video.example.org/1',
      followUp: 'Write the guide.',
    };
    expect((await reg.put(url, body)).status).toBe(403);
    expect((await (await new TestClient(app).start()).put(url, body)).status).toBe(401);
    expect((await org.put(url, { ...body, recordingUrl: 'javascript:alert(1)' })).body.errors[0].field).toBe(
      'recordingUrl',
    );
    expect((await org.put(url, { recordingUrl: 'https://x.example' })).body.errors[0].field).toBe('notes');
    expect((await org.put(url, body)).status).toBe(204);
    const row = await app.db
      .selectFrom('event_occurrences')
      .select(['notes', 'recording_url', 'follow_up'])
      .where('event_id', '=', Number(ev.id))
      .executeTakeFirstOrThrow();
    expect(row).toEqual({
      notes: 'We met and planned.',
      recording_url: 'https://video.example.org/1',
      follow_up: 'Write the guide.',
    });
    expect(await told(app, reg.userId, 'event_notes')).toHaveLength(1);
    expect((await org.put(url, { ...body, notes: 'Corrected.' })).status).toBe(204);
    expect(await told(app, reg.userId, 'event_notes')).toHaveLength(1);
    expect(await auditCount(app, 'event.notes', org.userId)).toBe(2);
  });
});

describe('attendance of ambassador meetings', () => {
  it('per ambassador: seen by the person, their group’s coordinators and admins; per group: public', async () => {
    const app = await testApp();
    const boss = await admin(app);
    const amb = await someone(app);
    const other = await someone(app);
    const coordinator = await someone(app);
    const strangerCoordinator = await someone(app);
    const g = await group(app, { coordinators: [coordinator.userId], ambassadors: [amb.userId] });
    await group(app, { coordinators: [strangerCoordinator.userId], ambassadors: [other.userId] });
    const now = Date.now();
    const ev = await makeEvent(app, {
      kind: 'ambassador_meeting',
      createdBy: boss.userId,
      starts: [new Date(now - 60 * DAY), new Date(now - 30 * DAY), new Date(now + 30 * DAY)],
    });
    expect(
      (await boss.put(`${occurrenceUrl(ev, 0)}/attendance`, { present: [amb.username, other.username] })).status,
    ).toBe(204);
    expect((await boss.put(`${occurrenceUrl(ev, 1)}/attendance`, { present: [other.username] })).status).toBe(204);
    const url = `/api/v1/people/${amb.username}/attendance`;
    const own = await amb.get(url);
    expect(own.status).toBe(200);
    const mine = own.body.items.filter((i: { eventId: string }) => i.eventId === ev.id);
    expect(mine.map((i: { occurrence: string; present: boolean }) => [i.occurrence, i.present])).toEqual([
      [ev.occurrences[1]!.occurrence, false],
      [ev.occurrences[0]!.occurrence, true],
    ]);
    expect(own.body.meetings).toBeGreaterThanOrEqual(2);
    expect(own.body.attended).toBeGreaterThanOrEqual(1);
    expect((await coordinator.get(url)).status).toBe(200);
    expect((await boss.get(url)).status).toBe(200);
    expect((await other.get(url)).status).toBe(403);
    expect((await strangerCoordinator.get(url)).status).toBe(403);
    expect((await new TestClient(app).get(url)).status).toBe(401);
    expect((await amb.get('/api/v1/people/nobody-of-that-name-here/attendance')).status).toBe(404);
    // Per group, for anyone: present when one of its ambassadors was.
    const pub = await new TestClient(app).get(`/api/v1/communities/${g.slug}/attendance`);
    expect(pub.status).toBe(200);
    const ours = pub.body.items.filter((i: { eventId: string }) => i.eventId === ev.id);
    expect(ours.map((i: { present: boolean }) => i.present)).toEqual([false, true]);
    expect(JSON.stringify(pub.body)).not.toContain(amb.username);
    expect((await new TestClient(app).get('/api/v1/communities/no-such-group-here/attendance')).status).toBe(404);
  });
});
