import { describe, expect, it } from 'vitest';
import { testApp } from '../../testing/harness';
import { signedUp } from '../../testing/client';
import { rolesInCommunity } from './roles';
import { auditOf, createGroup, daysFromToday, partnerGroup, today } from './test-helpers';

describe('ambassadors', () => {
  it('lets a coordinator of a partner group designate a member, and shows the term everywhere', async () => {
    const app = await testApp();
    const { coordinator, member, group } = await partnerGroup(app);
    const res = await coordinator.post(`/api/v1/communities/${group.slug}/ambassadors`, {
      username: member.username.toUpperCase(),
      start: daysFromToday(-10),
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ username: member.username, start: daysFromToday(-10), end: null, current: true });
    const detail = await member.get(`/api/v1/communities/${group.slug}`);
    expect(detail.body.ambassadors).toEqual([
      { username: member.username, displayName: member.username, start: daysFromToday(-10), end: null },
    ]);
    expect(detail.body.ambassadorCount).toBe(1);
    expect(detail.body.history[0]).toMatchObject({
      event: 'designated',
      by: coordinator.username,
      person: { username: member.username },
    });
    const person = await member.get(`/api/v1/people/${member.username}`);
    expect(person.body.ambassadorTerms).toEqual([
      { slug: group.slug, name: group.name, start: daysFromToday(-10), end: null, current: true },
    ]);
    const dir = await member.get(`/api/v1/participants?q=${member.username}&ambassador=true`);
    expect(dir.body.items.map((p: { username: string }) => p.username)).toEqual([member.username]);
    expect(dir.body.items[0].ambassadorOf).toEqual([{ slug: group.slug, name: group.name }]);
    const groups = await member.get(`/api/v1/communities?q=${encodeURIComponent(group.name)}&ambassador=true`);
    expect(groups.body.items).toHaveLength(1);
    expect(await rolesInCommunity(app.db, member.userId, Number(group.id))).toEqual({
      member: true,
      coordinator: false,
      ambassador: true,
    });
    const log = await auditOf(app, group.id);
    expect(log.at(-1)).toMatchObject({ action: 'ambassador.designate', actor_id: coordinator.userId });
  });

  it('refuses designating in a group that is not a partner with a clear 409', async () => {
    const app = await testApp();
    const a = await signedUp(app);
    const g = await createGroup(a);
    const res = await a.post(`/api/v1/communities/${g.slug}/ambassadors`, { username: a.username, start: today() });
    expect(res.status).toBe(409);
    expect(res.body.detail).toMatch(/partner/i);
    expect((await a.get(`/api/v1/communities/${g.slug}`)).body.history).toEqual([]);
  });

  it('refuses designating someone who is not a member, or nobody at all', async () => {
    const app = await testApp();
    const { coordinator, group } = await partnerGroup(app);
    const outsider = await signedUp(app);
    const res = await coordinator.post(`/api/v1/communities/${group.slug}/ambassadors`, {
      username: outsider.username,
      start: today(),
    });
    expect(res.status).toBe(409);
    expect(res.body.errors[0].field).toBe('username');
    const nobody = await coordinator.post(`/api/v1/communities/${group.slug}/ambassadors`, {
      username: 'Nobody By This Name 9x',
      start: today(),
    });
    expect(nobody.status).toBe(400);
    expect(nobody.body.errors[0].field).toBe('username');
    expect((await coordinator.get(`/api/v1/communities/${group.slug}`)).body.ambassadors).toEqual([]);
  });

  it('refuses members and outsiders who are not coordinators, and writes nothing', async () => {
    const app = await testApp();
    const { member, group } = await partnerGroup(app);
    const res = await member.post(`/api/v1/communities/${group.slug}/ambassadors`, {
      username: member.username,
      start: today(),
    });
    expect(res.status).toBe(403);
    const outsider = await signedUp(app);
    expect((await outsider.delete(`/api/v1/communities/${group.slug}/ambassadors/${member.username}`)).status).toBe(
      403,
    );
    expect((await member.get(`/api/v1/communities/${group.slug}`)).body.ambassadors).toEqual([]);
    const log = await auditOf(app, group.id);
    expect(log.filter((e) => e.action === 'permission.refused')).toHaveLength(2);
  });

  it('checks dates: valid, end not before start, no overlap with a term of the same person', async () => {
    const app = await testApp();
    const { coordinator, member, group } = await partnerGroup(app);
    const url = `/api/v1/communities/${group.slug}/ambassadors`;
    const bad = await coordinator.post(url, { username: member.username, start: '2024-02-30', end: 'soon', role: 'x' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['end', 'role', 'start']);
    const backwards = await coordinator.post(url, {
      username: member.username,
      start: '2025-05-01',
      end: '2025-04-01',
    });
    expect(backwards.status).toBe(400);
    expect(backwards.body.errors).toEqual([{ field: 'end', message: expect.stringMatching(/end date/i) }]);
    expect(
      (await coordinator.post(url, { username: member.username, start: '2020-01-01', end: '2020-12-31' })).status,
    ).toBe(201);
    expect(
      (await coordinator.post(url, { username: member.username, start: '2020-06-01', end: '2021-06-01' })).status,
    ).toBe(409);
    expect((await coordinator.post(url, { username: member.username, start: daysFromToday(-1) })).status).toBe(201);
    const overlap = await coordinator.post(url, { username: member.username, start: daysFromToday(30) });
    expect(overlap.status).toBe(409);
    expect(overlap.body.errors[0].field).toBe('start');
    const detail = await coordinator.get(`/api/v1/communities/${group.slug}`);
    expect(detail.body.ambassadors).toHaveLength(1);
    expect(detail.body.history.filter((h: { event: string }) => h.event === 'designated')).toHaveLength(2);
  });

  it('ends the current term today, keeps it in history, and then refuses to end it again', async () => {
    const app = await testApp();
    const { coordinator, member, group } = await partnerGroup(app);
    await coordinator.post(`/api/v1/communities/${group.slug}/ambassadors`, {
      username: member.username,
      start: daysFromToday(-100),
    });
    const res = await coordinator.delete(`/api/v1/communities/${group.slug}/ambassadors/${member.username}`);
    expect(res.status).toBe(204);
    const row = await app.db
      .selectFrom('ambassador_terms')
      .selectAll()
      .where('community_id', '=', Number(group.id))
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ end_date: today(), ended_by: coordinator.userId });
    const detail = await coordinator.get(`/api/v1/communities/${group.slug}`);
    expect(detail.body.history.map((h: { event: string }) => h.event).slice(0, 2)).toEqual(['ended', 'designated']);
    expect(detail.body.history[0]).toMatchObject({ by: coordinator.username, end: today() });
    expect((await coordinator.delete(`/api/v1/communities/${group.slug}/ambassadors/${member.username}`)).status).toBe(
      404,
    );
    expect((await auditOf(app, group.id)).at(-1)).toMatchObject({ action: 'ambassador.end' });
  });

  it('ends terms when the group stops being a partner, keeping the history, and when the ambassador leaves', async () => {
    const app = await testApp();
    const { coordinator, member, group, admin } = await partnerGroup(app);
    await coordinator.post(`/api/v1/communities/${group.slug}/ambassadors`, {
      username: member.username,
      start: daysFromToday(-5),
    });
    const unmarked = await admin.patch(`/api/v1/communities/${group.slug}`, { partner: false });
    expect(unmarked.status).toBe(200);
    const events = unmarked.body.history.map((h: { event: string }) => h.event);
    expect(events).toEqual(expect.arrayContaining(['designated', 'ended', 'partner_unmarked', 'partner_marked']));
    const term = await app.db
      .selectFrom('ambassador_terms')
      .select(['end_date'])
      .where('community_id', '=', Number(group.id))
      .executeTakeFirstOrThrow();
    expect(term.end_date).toBe(today());
    // Partner again: a new term after the ended one; leaving the group ends it.
    await admin.patch(`/api/v1/communities/${group.slug}`, { partner: true });
    expect(
      (
        await coordinator.post(`/api/v1/communities/${group.slug}/ambassadors`, {
          username: member.username,
          start: daysFromToday(1),
        })
      ).status,
    ).toBe(201);
    expect((await member.delete(`/api/v1/communities/${group.slug}/members/${member.username}`)).status).toBe(204);
    const open = await app.db
      .selectFrom('ambassador_terms')
      .select(['end_date', 'ended_by'])
      .where('community_id', '=', Number(group.id))
      .where('start_date', '=', daysFromToday(1))
      .executeTakeFirstOrThrow();
    expect(open).toEqual({ end_date: daysFromToday(1), ended_by: member.userId });
  });
});
