// An answer that is the same for every reader, kept as its JSON text (http/content-cache.ts) and sent as it is:
// neither the response schema's check nor the serialization runs again for it, and its compressed form is kept
// too (compression/answers.ts finds it by its text). The schema's check runs once, when the answer is made, so
// what is kept is exactly what the route's schema lets out.
import type { FastifyReply } from 'fastify';
import type { z } from 'zod';
import type { Db } from '../db/connection';
import type { VersionedCache } from './content-cache';

export async function sendKeptJson<S extends z.ZodType>(
  reply: FastifyReply,
  kept: VersionedCache<string>,
  db: Db,
  key: string,
  schema: S,
  compute: () => Promise<z.input<S>>,
): Promise<void> {
  const json = await kept.get(db, key, async () => JSON.stringify(schema.parse(await compute())));
  await reply.type('application/json; charset=utf-8').send(json);
}
