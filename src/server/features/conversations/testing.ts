// Test fixtures: an update to comment on, written straight into the tables.
import type { FastifyInstance } from 'fastify';
import { unique } from '../../testing/harness';

export async function makeUpdate(app: FastifyInstance, authorId: number): Promise<string> {
  const name = unique('Conversations group ');
  const c = await app.db
    .insertInto('communities')
    .values({ slug: name.toLowerCase().replace(/[^a-z0-9]+/g, '-'), name, name_key: name.toLowerCase(), kind: 'user_group', region: 'LAC' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const u = await app.db
    .insertInto('updates')
    .values({ community_id: c.id, author_id: authorId, title: unique('Update '), body: 'Hello', language: 'en', published_at: new Date(), updated_at: new Date() })
    .returning('id')
    .executeTakeFirstOrThrow();
  return String(u.id);
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
