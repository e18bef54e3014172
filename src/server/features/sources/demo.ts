// The demo's thirty sources with their first revisions, reviews by demo people spread over the four judgements,
// and a few replies under reviews. Inserted directly; a source already there (same title and first author) is
// left as it is, so running the demo twice adds nothing. Without demo people, nothing. Others' demo steps (reading
// lists, initiatives' sources) find these sources by title with demoSourceIdsByTitle.
import type { SourceRecord } from '../../../contracts/sources';
import { markdownInsert } from '../../markdown/stored';
import type { Db } from '../../db/connection';
import { segment } from '../conversations';
import { demoUsername } from '../people';
import { usernameKey } from '../../../contracts/usernames';
import { DEMO_ARTICLES } from './demo-articles';
import { DEMO_BOOKS } from './demo-books';
import { isbnOf, type DemoSource } from './demo-data';
import { DEMO_MEDIA } from './demo-media';
import { normalizeUrl } from './identifiers';
import { authorsText, firstAuthorKey, textKey } from './keys';

export const DEMO_SOURCES: DemoSource[] = [...DEMO_BOOKS, ...DEMO_ARTICLES, ...DEMO_MEDIA];
export const DEMO_SOURCE_TITLES: readonly string[] = DEMO_SOURCES.map((s) => s.title);

const HOUR = 3600 * 1000;
const START = Date.parse('2026-01-05T09:00:00Z');

export function demoRecord(s: DemoSource): SourceRecord {
  return {
    kind: s.kind,
    title: s.title,
    authors: s.authors,
    year: s.year,
    publisher: s.publisher,
    languages: s.languages,
    identifiers: {
      isbn: s.isbn12 ? isbnOf(s.isbn12) : null,
      doi: s.doi === undefined ? null : `10.5555/ldn.${s.doi}`,
      url: s.url ?? null,
      wikidata: null,
    },
    access: s.access,
    summary: s.summary,
    skills: s.skills,
  };
}

/** The demo sources in the database, by title (those a demo step may link to). */
export async function demoSourceIdsByTitle(db: Db): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('sources')
    .select(['id', 'title'])
    .where('title', 'in', [...DEMO_SOURCE_TITLES])
    .orderBy('id')
    .execute();
  const ids = new Map<string, number>();
  for (const r of rows) if (!ids.has(r.title)) ids.set(r.title, r.id);
  return ids;
}

export async function loadDemoSources(db: Db): Promise<void> {
  const people = await db.selectFrom('users').select(['id', 'username_key']).where('is_demo', '=', true).execute();
  if (!people.length) return;
  const byKey = new Map(people.map((p) => [p.username_key, p.id]));
  const who = (name: string) => byKey.get(usernameKey(demoUsername(name))) ?? null;
  for (const [i, s] of DEMO_SOURCES.entries()) await loadOne(db, s, new Date(START + i * 29 * HOUR), who);
}

async function loadOne(db: Db, s: DemoSource, at: Date, who: (name: string) => number | null): Promise<void> {
  const record = demoRecord(s);
  const titleKey = textKey(s.title);
  const authorKey = firstAuthorKey(s.authors);
  const there = await db
    .selectFrom('sources')
    .select('id')
    .where('title_key', '=', titleKey)
    .where('first_author_key', '=', authorKey)
    .executeTakeFirst();
  if (there) return;
  const adder = who(s.addedBy);
  const url = record.identifiers.url ? normalizeUrl(record.identifiers.url) : null;
  const { id } = await db
    .insertInto('sources')
    .values({
      kind: s.kind,
      title: s.title,
      authors: JSON.stringify(s.authors),
      authors_text: authorsText(s.authors),
      year: s.year,
      publisher: s.publisher,
      languages: s.languages,
      isbn: record.identifiers.isbn,
      doi: record.identifiers.doi,
      url: url?.url ?? null,
      url_key: url?.key ?? null,
      wikidata: null,
      access: s.access,
      summary: s.summary,
      ...markdownInsert({ summary: s.summary }),
      skills: s.skills,
      title_key: titleKey,
      first_author_key: authorKey,
      created_by: adder,
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('source_revisions')
    .values({ source_id: id, revision: 1, record: JSON.stringify(record), created_by: adder, created_at: at })
    .execute();
  const reviews = s.reviews
    .map((r, n) => ({ r, user: who(r.by), when: new Date(at.getTime() + (n + 1) * 7 * HOUR) }))
    .filter((x): x is typeof x & { user: number } => x.user !== null);
  if (!reviews.length) return;
  const saved = await db
    .insertInto('source_reviews')
    .values(
      reviews.map(({ r, user, when }) => ({
        source_id: id,
        user_id: user,
        judgement: r.judgement,
        reasons: r.reasons,
        intended_use: r.intendedUse,
        ...markdownInsert({ reasons: r.reasons, intended_use: r.intendedUse }),
        audience: r.audience ?? null,
        language: r.language ?? null,
        usefulness: r.usefulness,
        created_at: when,
        updated_at: when,
      })),
    )
    .returning(['id', 'user_id'])
    .execute();
  for (const { r, user, when } of reviews) {
    const reviewId = saved.find((x) => x.user_id === user)?.id;
    if (reviewId === undefined) continue;
    for (const [k, reply] of (r.replies ?? []).entries()) {
      const author = who(reply.by);
      if (author === null) continue;
      const c = await db
        .insertInto('comments')
        .values({
          subject_type: 'source_review',
          subject_id: reviewId,
          author_id: author,
          depth: 0,
          body: reply.body,
          ...markdownInsert({ body: reply.body }, ['body']),
          created_at: new Date(when.getTime() + (k + 1) * 3 * HOUR),
          edited_at: null,
          deleted_at: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await db
        .updateTable('comments')
        .set({ path: segment(c.id) })
        .where('id', '=', c.id)
        .execute();
    }
  }
}
