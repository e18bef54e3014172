// Test data for the search, lookups and downloads: sources written straight into the table with their keys
// (keys.ts), as the records' own use cases would keep them, and reviews that move the kept counts.
import { sql } from 'kysely';
import type { FastifyInstance } from 'fastify';
import type { Judgement, SourceRecord } from '../../../../contracts/sources';
import { normalizeUrl } from '../identifiers';
import { authorsText, firstAuthorKey, textKey } from '../keys';

export type SourceFixture = Partial<SourceRecord> & { title: string; createdAt?: Date };

/** Inserts sources (one statement) and answers their ids in the order given. */
export async function insertSources(app: FastifyInstance, fixtures: SourceFixture[]): Promise<number[]> {
  if (!fixtures.length) return [];
  const rows = await app.db
    .insertInto('sources')
    .values(
      fixtures.map((f) => {
        const authors = f.authors ?? [];
        const ids = f.identifiers ?? { isbn: null, doi: null, url: null, wikidata: null };
        return {
          kind: f.kind ?? 'book',
          title: f.title,
          authors: JSON.stringify(authors),
          authors_text: authorsText(authors),
          year: f.year ?? null,
          publisher: f.publisher ?? null,
          languages: f.languages ?? [],
          isbn: ids.isbn,
          doi: ids.doi,
          url: ids.url,
          url_key: ids.url ? (normalizeUrl(ids.url)?.key ?? null) : null,
          wikidata: ids.wikidata,
          access: f.access ?? 'open',
          summary: f.summary ?? '',
          skills: f.skills ?? [],
          title_key: textKey(f.title),
          first_author_key: firstAuthorKey(authors),
          ...(f.createdAt ? { created_at: f.createdAt } : {}),
        };
      }),
    )
    .returning('id')
    .execute();
  return rows.map((r) => r.id);
}

export const insertSource = async (app: FastifyInstance, f: SourceFixture) => (await insertSources(app, [f]))[0]!;

/** Reviews of a source by new people (the triggers keep its counts and judgement). */
export async function insertReviews(app: FastifyInstance, sourceId: number, judgements: Judgement[]): Promise<void> {
  if (!judgements.length) return;
  const people = await app.db
    .insertInto('users')
    .values(
      judgements.map(() => {
        const name = `rv${Math.random().toString(36).slice(2, 12)}`;
        return { username: name, username_key: name };
      }),
    )
    .returning('id')
    .execute();
  await app.db
    .insertInto('source_reviews')
    .values(
      judgements.map((judgement, i) => ({ source_id: sourceId, user_id: people[i]!.id, judgement, usefulness: 3 })),
    )
    .execute();
}

/** Sets how many archived initiatives with goals met "used" a source (a count the triggers keep): for sort tests. */
export async function setUsedCount(app: FastifyInstance, id: number, n: number): Promise<void> {
  // The column is the triggers' own; tests write it directly rather than archive n initiatives.
  await sql`update sources set used_count = ${n} where id = ${id}`.execute(app.db);
}
