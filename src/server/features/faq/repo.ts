import { sql } from 'kysely';
import type { Db } from '../../db/connection';
import { markdownColumns, markdownInsert } from '../../markdown/stored';

const columns = [
  'id',
  'language',
  'question',
  'answer',
  'answer_html',
  'html_version',
  'position',
  'is_demo',
  'updated_at',
] as const;

/** The most entries one language shows (the list is not paginated: it is one page to read). */
export const FAQ_MAX = 500;

/**
 * A language's entries, each also carrying every language the FAQ has (the list's language menu): one
 * statement for the whole list (the languages are computed once for the statement, not per row).
 */
export const faqEntriesIn = (db: Db, language: string) =>
  db
    .selectFrom('faq_entries')
    .select(columns)
    .select(sql<string[]>`array(select distinct f.language from faq_entries f order by 1)`.as('languages'))
    .where('language', '=', language)
    .orderBy('position')
    .orderBy('id')
    .limit(FAQ_MAX)
    .execute();

export type FaqRow = NonNullable<Awaited<ReturnType<typeof findFaqEntry>>>;

export const faqLanguages = async (db: Db) =>
  (await db.selectFrom('faq_entries').select('language').distinct().orderBy('language').execute()).map(
    (r) => r.language,
  );

export const findFaqEntry = (db: Db, id: number) =>
  db.selectFrom('faq_entries').select(columns).where('id', '=', id).executeTakeFirst();

export const faqEntriesByIds = (db: Db, ids: number[]) =>
  db.selectFrom('faq_entries').select(['id', 'language']).where('id', 'in', ids).execute();

/** The position after the last entry of a language. */
async function nextPosition(db: Db, language: string): Promise<number> {
  const row = await db
    .selectFrom('faq_entries')
    .select(sql<number>`coalesce(max(position), 0) + 1`.as('next'))
    .where('language', '=', language)
    .executeTakeFirstOrThrow();
  return Number(row.next);
}

export async function insertFaqEntry(
  db: Db,
  v: { language: string; question: string; answer: string; createdBy: number | null; isDemo?: boolean },
) {
  const position = await nextPosition(db, v.language);
  return db
    .insertInto('faq_entries')
    .values({
      language: v.language,
      question: v.question,
      answer: v.answer,
      ...markdownInsert({ answer: v.answer }),
      position,
      created_by: v.createdBy,
      is_demo: v.isDemo ?? false,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

export async function changeFaqEntry(
  db: Db,
  id: number,
  v: { language?: string; question?: string; answer?: string; movedLanguage: boolean; at: Date },
) {
  // An entry moved to another language goes to the end of that language's list.
  const position = v.movedLanguage && v.language ? await nextPosition(db, v.language) : undefined;
  await db
    .updateTable('faq_entries')
    .set({
      ...(v.language !== undefined ? { language: v.language } : {}),
      ...(v.question !== undefined ? { question: v.question } : {}),
      ...(v.answer !== undefined ? { answer: v.answer, ...markdownColumns({ answer: v.answer }) } : {}),
      ...(position !== undefined ? { position } : {}),
      updated_at: v.at,
    })
    .where('id', '=', id)
    .execute();
}

export const deleteFaqEntry = (db: Db, id: number) => db.deleteFrom('faq_entries').where('id', '=', id).execute();

/** Gives the entries positions 1..n in the order given, in one statement. */
export async function setFaqOrder(db: Db, ids: number[]): Promise<void> {
  const values = sql.join(ids.map((id, i) => sql`(${id}::bigint, ${i + 1}::integer)`));
  await sql`update faq_entries as f set position = o.position
    from (values ${values}) as o(id, position)
    where f.id = o.id`.execute(db);
}
