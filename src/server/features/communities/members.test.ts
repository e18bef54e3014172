import { describe, expect, it } from 'vitest';
import { testApp } from '../../testing/harness';
import { TestClient, signedUp } from '../../testing/client';
import { admin, auditOf, createGroup } from './test-helpers';

describe('joining and leaving groups', () => {
  it('joins with 201, refuses joining twice with 409, and lists the member', async () => {
    const app = await testApp();
    const a = await signedUp(app);
    const g = await createGroup(a);
    const b = await signedUp(app);
    const res = await b.post(`/api/v1/communities/${g.slug}/members`);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ username: b.username, role: 'member' });
    expect((await b.post(`/api/v1/communities/${g.slug}/members`)).status).toBe(409);
    const detail = await b.get(`/api/v1/communities/${g.slug}`);
    expect(detail.body.memberCount).toBe(2);
    expect(detail.body.viewer).toMatchObject({ member: true, coordinator: false, canEdit: false });
    const members = await b.get(`/api/v1/communities/${g.slug}/members?limit=1`);
    expect(members.body.items).toHaveLength(1);
    const rest = await b.get(`/api/v1/communities/${g.slug}/members?limit=1&cursor=${members.body.next}`);
    expect(rest.body.items).toHaveLength(1);
    expect(rest.body.next).toBeNull();
    expect(new Set([members.body.items[0].username, rest.body.items[0].username])).toEqual(
      new Set([a.username, b.username]),
    );
    // A JSON body that is empty is a valid join too.
    const c = await signedUp(app);
    expect((await c.post(`/api/v1/communities/${g.slug}/members`, {})).status).toBe(201);
    const d = await signedUp(app);
    const extra = await d.post(`/api/v1/communities/${g.slug}/members`, { role: 'coordinator' });
    expect(extra.status).toBe(400);
    expect(extra.body.errors[0].field).toBe('role');
  });

  it('lets people leave by their own username (spaces as underscores, any case), with 204', async () => {
    const app = await testApp();
    const a = await signedUp(app);
    const g = await createGroup(a);
    const b = await signedUp(app, `Leaving Person ${Date.now().toString(36)}`);
    await b.post(`/api/v1/communities/${g.slug}/members`);
    const res = await b.delete(`/api/v1/communities/${g.slug}/members/${b.username.toLowerCase().replace(/ /g, '_')}`);
    expect(res.status).toBe(204);
    expect((await b.get(`/api/v1/communities/${g.slug}`)).body.memberCount).toBe(1);
    expect((await b.delete(`/api/v1/communities/${g.slug}/members/${encodeURIComponent(b.username)}`)).status).toBe(
      404,
    );
    expect((await auditOf(app, g.id)).map((e) => e.action)).toContain('community.leave');
  });

  it('refuses removal by someone who is neither the person, a coordinator nor an admin, and removes nothing', async () => {
    const app = await testApp();
    const a = await signedUp(app);
    const g = await createGroup(a);
    const b = await signedUp(app);
    const c = await signedUp(app);
    await b.post(`/api/v1/communities/${g.slug}/members`);
    await c.post(`/api/v1/communities/${g.slug}/members`);
    const res = await c.delete(`/api/v1/communities/${g.slug}/members/${b.username}`);
    expect(res.status).toBe(403);
    const anon = await new TestClient(app).start();
    expect((await anon.delete(`/api/v1/communities/${g.slug}/members/${b.username}`)).status).toBe(401);
    expect((await a.get(`/api/v1/communities/${g.slug}`)).body.memberCount).toBe(3);
    // A coordinator and an admin may.
    expect((await a.delete(`/api/v1/communities/${g.slug}/members/${b.username}`)).status).toBe(204);
    const boss = await admin(app);
    expect((await boss.delete(`/api/v1/communities/${g.slug}/members/${c.username}`)).status).toBe(204);
    expect((await a.get(`/api/v1/communities/${g.slug}`)).body.memberCount).toBe(1);
    const actions = (await auditOf(app, g.id)).map((e) => e.action);
    expect(actions.filter((x) => x === 'community.member_remove')).toHaveLength(2);
    expect(actions).toContain('permission.refused');
  });

  it('keeps the last coordinator until another member is made coordinator', async () => {
    const app = await testApp();
    const a = await signedUp(app);
    const g = await createGroup(a);
    const b = await signedUp(app);
    await b.post(`/api/v1/communities/${g.slug}/members`);
    const leave = await a.delete(`/api/v1/communities/${g.slug}/members/${a.username}`);
    expect(leave.status).toBe(409);
    expect(leave.body.detail).toBeTruthy();
    expect((await a.put(`/api/v1/communities/${g.slug}/members/${a.username}`, { role: 'member' })).status).toBe(409);
    const promote = await a.put(`/api/v1/communities/${g.slug}/members/${b.username}`, { role: 'coordinator' });
    expect(promote.status).toBe(200);
    expect(promote.body).toMatchObject({ username: b.username, role: 'coordinator' });
    expect((await a.delete(`/api/v1/communities/${g.slug}/members/${a.username}`)).status).toBe(204);
    const detail = await b.get(`/api/v1/communities/${g.slug}`);
    expect(detail.body.coordinators.map((p: { username: string }) => p.username)).toEqual([b.username]);
  });

  it('lets only coordinators and admins change roles, and checks the body', async () => {
    const app = await testApp();
    const a = await signedUp(app);
    const g = await createGroup(a);
    const b = await signedUp(app);
    await b.post(`/api/v1/communities/${g.slug}/members`);
    const self = await b.put(`/api/v1/communities/${g.slug}/members/${b.username}`, { role: 'coordinator' });
    expect(self.status).toBe(403);
    expect((await a.get(`/api/v1/communities/${g.slug}`)).body.coordinators).toHaveLength(1);
    const bad = await a.put(`/api/v1/communities/${g.slug}/members/${b.username}`, { role: 'king', extra: 1 });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['extra', 'role']);
    const stranger = await signedUp(app);
    expect(
      (await a.put(`/api/v1/communities/${g.slug}/members/${stranger.username}`, { role: 'coordinator' })).status,
    ).toBe(404);
    const boss = await admin(app);
    expect(
      (await boss.put(`/api/v1/communities/${g.slug}/members/${b.username}`, { role: 'coordinator' })).status,
    ).toBe(200);
  });

  it('answers 404 when joining a group that does not exist', async () => {
    const app = await testApp();
    const a = await signedUp(app);
    expect((await a.post('/api/v1/communities/no-such-group-anywhere/members')).status).toBe(404);
  });
});
