// Test fixtures: groups with coordinators and ambassadors written straight into the tables, so these tests
// do not depend on the communities API.
import type { FastifyInstance } from 'fastify';
import { unique } from '../../testing/harness';

export async function makeCommunity(app: FastifyInstance, name = unique('Group ')) {
  const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  const row = await app.db
    .insertInto('communities')
    .values({ slug, name, name_key: name.toLowerCase(), kind: 'user_group', region: 'LAC' })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, slug, name };
}

export async function addMember(
  app: FastifyInstance,
  communityId: number,
  userId: number,
  role: 'member' | 'coordinator' = 'member',
) {
  await app.db.insertInto('community_members').values({ community_id: communityId, user_id: userId, role }).execute();
}

export async function addAmbassador(
  app: FastifyInstance,
  communityId: number,
  userId: number,
  start: string,
  end: string | null = null,
) {
  await app.db
    .insertInto('ambassador_terms')
    .values({ community_id: communityId, user_id: userId, start_date: start, end_date: end })
    .execute();
}

export async function auditCount(app: FastifyInstance, action: string, actorId: number) {
  const row = await app.db
    .selectFrom('audit_log')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('action', '=', action)
    .where('actor_id', '=', actorId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
