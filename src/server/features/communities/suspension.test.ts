// A suspended person may not register, change or manage groups, nor join one; leaving a group stays open
// (DECISIONS 1). Groups were guarded only where a route had a rate tier before the renovation.
import { describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { testApp, unique } from '../../testing/harness';
import { signedUp } from '../../testing/client';
import { withRole } from '../moderation/testing';
import { createGroup } from './test-helpers';

async function suspend(app: FastifyInstance, userId: number, reason = 'Cooling-off') {
  const moderator = await withRole(app, 'moderator');
  const res = await moderator.post(`/api/v1/moderation/people/${userId}/suspend`, { reason, hours: 24 });
  expect(res.status, res.text).toBe(201);
}

describe('a suspended person and groups', () => {
  it('may not change a group they coordinate, nor manage its members, register or join one', async () => {
    const app = await testApp();
    const coordinator = await signedUp(app, unique('coord'));
    const group = await createGroup(coordinator);
    const other = await createGroup(await signedUp(app, unique('coord')));
    const member = await signedUp(app, unique('member'));
    expect((await member.post(`/api/v1/communities/${group.slug}/members`)).status).toBe(201);
    await suspend(app, coordinator.userId, 'Flooding the directory');

    const patched = await coordinator.patch(`/api/v1/communities/${group.slug}`, {
      description: 'Changed while suspended',
    });
    expect(patched.status).toBe(403);
    expect(patched.body.title).toBe('Your account is suspended');
    expect(patched.body.detail).toContain('Flooding the directory');
    expect((await coordinator.get(`/api/v1/communities/${group.slug}`)).body.description).not.toBe(
      'Changed while suspended',
    );

    expect(
      (await coordinator.put(`/api/v1/communities/${group.slug}/members/${member.username}`, { role: 'coordinator' }))
        .status,
    ).toBe(403);
    expect((await coordinator.delete(`/api/v1/communities/${group.slug}/members/${member.username}`)).status).toBe(403);
    expect(
      (await coordinator.post('/api/v1/communities', { name: unique('Group '), kind: 'user_group', region: 'NWE' }))
        .status,
    ).toBe(403);
    expect((await coordinator.post(`/api/v1/communities/${other.slug}/members`)).status).toBe(403);

    const detail = await coordinator.get(`/api/v1/communities/${group.slug}`);
    expect(detail.body.memberCount).toBe(2);
    expect(detail.body.members.items.find((m: { username: string }) => m.username === member.username)).toMatchObject({
      role: 'member',
    });
  });

  it('may still leave a group', async () => {
    const app = await testApp();
    const group = await createGroup(await signedUp(app, unique('coord')));
    const member = await signedUp(app, unique('member'));
    expect((await member.post(`/api/v1/communities/${group.slug}/members`)).status).toBe(201);
    await suspend(app, member.userId);
    expect((await member.delete(`/api/v1/communities/${group.slug}/members/${member.username}`)).status).toBe(204);
    expect((await member.get(`/api/v1/communities/${group.slug}`)).body.memberCount).toBe(1);
  });
});
