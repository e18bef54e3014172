// Test fixtures: an update to comment on, written straight into the tables.
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import type { Db } from '../../db/connection';
import { unique } from '../../testing/harness';

/**
 * A long thread written in four statements: `tops` top-level comments, each followed by `replies` replies, with
 * paths as the comments feature writes them (tests of long threads and the thread benchmark use it).
 */
export async function writeThread(
  db: Db,
  subject: { type: string; id: number },
  authorId: number,
  tops: number,
  replies: number,
): Promise<void> {
  const { type, id } = subject;
  await sql`insert into comments (subject_type, subject_id, author_id, depth, body)
    select ${type}, ${id}, ${authorId}, 0, 'Top comment ' || g from generate_series(1, ${tops}) g`.execute(db);
  await sql`update comments set path = lpad(id::text, 12, '0') where subject_type = ${type} and subject_id = ${id}`.execute(
    db,
  );
  await sql`insert into comments (subject_type, subject_id, author_id, parent_id, depth, body, path)
    select ${type}, ${id}, ${authorId}, t.id, 1, 'Reply ' || g, t.path
    from comments t, generate_series(1, ${replies}) g where t.subject_type = ${type} and t.subject_id = ${id}`.execute(
    db,
  );
  await sql`update comments set path = path || '.' || lpad(id::text, 12, '0')
    where subject_type = ${type} and subject_id = ${id} and depth = 1`.execute(db);
}

export async function makeUpdate(app: FastifyInstance, authorId: number): Promise<string> {
  const name = unique('Conversations group ');
  const c = await app.db
    .insertInto('communities')
    .values({
      slug: name.toLowerCase().replace(/[^a-z0-9]+/g, '-'),
      name,
      name_key: name.toLowerCase(),
      kind: 'user_group',
      region: 'LAC',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const u = await app.db
    .insertInto('updates')
    .values({
      community_id: c.id,
      author_id: authorId,
      title: unique('Update '),
      body: 'Hello',
      language: 'en',
      published_at: new Date(),
      updated_at: new Date(),
    })
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
