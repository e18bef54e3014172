// Answers of the public directories (participants, communities, their filters, the overview counts) are the
// same for every viewer: each instance keeps them, serialized, while the content version stays the same
// (see http/content-cache.ts).
import type { FastifyReply } from 'fastify';
import type { Db } from '../../db/connection';
import { VersionedCache } from '../../http/content-cache';

const answers = new VersionedCache<string>('directory');

/** The JSON answer for `key`, from the instance's cache while the content version stays the same. */
export const cachedJson = (db: Db, key: string, compute: () => Promise<unknown>): Promise<string> =>
  answers.get(db, key, async () => JSON.stringify(await compute()));

/** Sends an answer that is already JSON (Fastify passes strings through without serializing them again). */
export const sendJson = (reply: FastifyReply, json: string) => reply.type('application/json; charset=utf-8').send(json);
