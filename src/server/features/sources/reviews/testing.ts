// Test fixtures for reviews: people, and sources inserted directly (adding sources is the records' part).
import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import type { SourceKind } from '../../../../contracts/sources';
import { grantRole, signedUp, type TestClient } from '../../../testing/client';
import { unique } from '../../../testing/harness';
import { textKey } from '../keys';

export type Person = TestClient & { username: string; userId: number };

export const someone = (app: FastifyInstance, prefix = 'rvw'): Promise<Person> => signedUp(app, unique(prefix));

export async function moderator(app: FastifyInstance): Promise<Person> {
  const p = await someone(app, 'rvwmod');
  await grantRole(app, p.username, 'moderator');
  return p;
}

/** A source row as the records' part would leave it (with its first revision); answers its id. */
export async function source(
  app: FastifyInstance,
  by: Person | null = null,
  extra: { kind?: SourceKind; title?: string } = {},
): Promise<number> {
  const title = extra.title ?? unique('A reviewed book ');
  const authors = [{ family: 'Okafor', given: 'Ada' }];
  const row = await app.db
    .insertInto('sources')
    .values({
      kind: extra.kind ?? 'book',
      title,
      title_key: textKey(title),
      first_author_key: 'okafor',
      authors: JSON.stringify(authors),
      authors_text: 'Ada Okafor',
      access: 'open',
      languages: ['en'],
      created_by: by?.userId ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export const REVIEW = {
  judgement: 'reliable',
  reasons: 'Careful **sources** and clear examples.',
  intendedUse: 'Preparing a facilitation workshop.',
  audience: 'New volunteers',
  language: 'en',
  usefulness: 4,
};

export async function review(p: Person, sourceId: number, extra: Record<string, unknown> = {}) {
  const res = await p.put(`/api/v1/sources/${sourceId}/review`, { ...REVIEW, ...extra });
  expect(res.status, res.text).toBe(200);
  return res.body as { id: string; revision: number };
}

export const counts = (app: FastifyInstance, id: number) =>
  app.db
    .selectFrom('sources')
    .select(['review_count', 'judgement_counts', 'usefulness_counts', 'judgement'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
