// Every route declares its policy, and the policy holds for every write: a suspended person is refused each one
// but the short list that stays open while suspended (DECISIONS.md 1), hidden routes included.
import { describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { testApp } from '../testing/harness';
import { signedUp } from '../testing/client';
import { isSafeMethod, registeredRoutes } from './route-policy';

/**
 * The writes a suspended person may still make (DECISIONS.md 1): log out; own sessions and tokens; password;
 * notification settings and read marks; unfollowing; appeals; deleting or withdrawing own content (comments,
 * updates) and own support; leaving a group; cancelling own sign-ups; interface language. The use cases refuse
 * the same routes' acts on other people's things while suspended (removing another member, deleting another's
 * update). Anything added here is a deliberate choice.
 */
const OPEN_WHILE_SUSPENDED = [
  'DELETE /api/v1/amendments/:id/position',
  'POST /api/v1/amendments/:id/withdraw',
  'DELETE /api/v1/comments/:id',
  'DELETE /api/v1/communities/:slug/members/:username',
  'DELETE /api/v1/debates/:id/arguments/:argumentId/support',
  'DELETE /api/v1/follows/:id',
  'DELETE /api/v1/events/:id/registrations/:registrationId',
  'DELETE /api/v1/initiatives/:id/signups/:signupId',
  'DELETE /api/v1/initiatives/:id/support',
  'DELETE /api/v1/me/sessions/:id',
  'DELETE /api/v1/me/tokens/:id',
  'DELETE /api/v1/reading-lists/:id',
  'DELETE /api/v1/session',
  'DELETE /api/v1/sources/:id/review',
  'DELETE /api/v1/updates/:id',
  'POST /api/v1/me/moderation/:id/appeal',
  'POST /api/v1/notifications/read',
  'PUT /api/v1/me/notification-settings',
  'PUT /api/v1/me/password',
  'PUT /api/v1/me/ui-language',
];

const route = (r: { method: string; url: string }) => `${r.method} ${r.url}`;
/** A concrete address for a route's pattern: every parameter is 1 (the policy answers before the item is looked up). */
const concrete = (url: string) => url.replace(/:([A-Za-z]+)(\([^)]*\))?/g, '1').replace(/\*$/, 'x');

async function suspended(app: FastifyInstance) {
  const p = await signedUp(app);
  await app.db
    .updateTable('users')
    .set({ suspended_until: new Date(Date.now() + 86400_000) })
    .where('id', '=', p.userId)
    .execute();
  return p;
}

describe('route policies', () => {
  it('are declared by every route', async () => {
    const app = await testApp({ pages: true });
    const routes = registeredRoutes(app).filter((r) => !r.url.startsWith('/api/docs') && !r.url.startsWith('/assets/'));
    expect(routes.length).toBeGreaterThan(100);
    expect(routes.filter((r) => !r.policy).map(route)).toEqual([]);
  });

  it('make every creating POST idempotent, so a retry never creates twice (http/idempotency.ts)', async () => {
    const app = await testApp({ pages: true });
    const creating = registeredRoutes(app).filter((r) => r.method === 'POST' && r.answers.includes(201));
    expect(creating.length).toBeGreaterThan(40);
    expect(creating.filter((r) => !r.policy?.idempotent).map(route)).toEqual([]);
  });

  it('refuse a suspended person every write but those that stay open while suspended', async () => {
    const app = await testApp();
    const writes = registeredRoutes(app).filter((r) => !isSafeMethod(r.method));
    const open = writes
      .filter((r) => r.policy?.openWhileSuspended)
      .map(route)
      .sort();
    expect(open).toEqual([...OPEN_WHILE_SUSPENDED].sort());

    const person = await suspended(app);
    const refusedTitle = (await person.patch('/api/v1/me/profile', { bio: 'x' })).body?.title;
    for (const r of writes.filter((w) => !w.policy?.openWhileSuspended)) {
      const res = await person.request(r.method, concrete(r.url), {});
      // Moderators' and admins' routes refuse them before their suspension is asked about: 403 all the same.
      const staffOnly = r.policy?.access === 'moderator' || r.policy?.access === 'admin';
      expect([res.status, staffOnly || res.body?.title], route(r)).toEqual([403, staffOnly || refusedTitle]);
    }
    // Each open write with a person of its own: some end the session or the account.
    for (const r of writes.filter((w) => w.policy?.openWhileSuspended)) {
      const fresh = await suspended(app);
      const res = await fresh.request(r.method, concrete(r.url), {});
      expect(res.body?.title === refusedTitle && res.status === 403, `${route(r)} is open while suspended`).toBe(false);
    }
  });
});
