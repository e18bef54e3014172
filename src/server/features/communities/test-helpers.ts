// Shared steps of the communities and people tests.
import type { FastifyInstance } from 'fastify';
import { unique } from '../../testing/harness';
import { grantRole, signedUp, type TestClient } from '../../testing/client';

export type Person = TestClient & { username: string; userId: number };

export async function createGroup(c: TestClient, fields: Record<string, unknown> = {}) {
  const res = await c.post('/api/v1/communities', {
    name: unique('Group '),
    kind: 'user_group',
    region: 'NWE',
    ...fields,
  });
  if (res.status !== 201) throw new Error(`group creation failed: ${res.status} ${res.text}`);
  return res.body as { slug: string; id: string; name: string };
}

export async function admin(app: FastifyInstance): Promise<Person> {
  const a = await signedUp(app, unique('admin'));
  await grantRole(app, a.username, 'admin');
  return a;
}

/** A partner group with a coordinator and a second member, marked partner by an admin. */
export async function partnerGroup(app: FastifyInstance) {
  const coordinator = await signedUp(app, unique('coord'));
  const member = await signedUp(app, unique('member'));
  const group = await createGroup(coordinator);
  const boss = await admin(app);
  const marked = await boss.patch(`/api/v1/communities/${group.slug}`, { partner: true });
  if (marked.status !== 200) throw new Error(`marking partner failed: ${marked.status} ${marked.text}`);
  const joined = await member.post(`/api/v1/communities/${group.slug}/members`);
  if (joined.status !== 201) throw new Error(`joining failed: ${joined.status} ${joined.text}`);
  return { coordinator, member, group, admin: boss };
}

export const today = () => new Date().toISOString().slice(0, 10);
export const daysFromToday = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

/** Audit entries about one group, oldest first. */
export async function auditOf(app: FastifyInstance, communityId: string | number) {
  return app.db
    .selectFrom('audit_log')
    .select(['action', 'actor_id', 'details'])
    .where('object_type', '=', 'community')
    .where('object_id', '=', String(communityId))
    .orderBy('id')
    .execute();
}
