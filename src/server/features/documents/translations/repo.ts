// SQL for translations: per unit and language, each save kept; hidden translations read as missing.
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../../../db/connection';
import { notHidden } from '../../moderation';

/** A translation with who translated and who proofread it, hidden ones left out. */
export const translationsIn = (db: Db, documentId: number, language: string, unitId?: number) =>
  db
    .selectFrom('unit_translations as t')
    .leftJoin('users as tb', 'tb.id', 't.translated_by')
    .leftJoin('users as pb', 'pb.id', 't.proofread_by')
    .select([
      't.id',
      't.unit_id',
      't.text',
      't.revision',
      't.source_revision',
      't.translated_by',
      't.proofread_by',
      't.updated_at',
      'tb.username as tb_username',
      'tb.display_name as tb_display_name',
      'tb.public_fields as tb_public_fields',
      'pb.username as pb_username',
      'pb.display_name as pb_display_name',
      'pb.public_fields as pb_public_fields',
    ])
    .where('t.document_id', '=', documentId)
    .where('t.language', '=', language)
    .$if(unitId !== undefined, (q) => q.where('t.unit_id', '=', unitId!))
    .where(notHidden('unit_translation', 't.id'))
    .execute();
export type TranslationRow = Awaited<ReturnType<typeof translationsIn>>[number];

/** The translation row (hidden or not), locked until the transaction ends. */
export const lockTranslation = (db: Db, documentId: number, unitId: number, language: string) =>
  db
    .selectFrom('unit_translations')
    .select(['id', 'revision', 'text', 'source_revision', 'translated_by', 'updated_at'])
    .where('document_id', '=', documentId)
    .where('unit_id', '=', unitId)
    .where('language', '=', language)
    .forUpdate()
    .executeTakeFirst();

/** The current source unit (null once removed). */
export const findUnit = (db: Db, documentId: number, unitId: number) =>
  db
    .selectFrom('document_units')
    .select(['unit_id', 'kind', 'text', 'position', 'source_revision'])
    .where('document_id', '=', documentId)
    .where('unit_id', '=', unitId)
    .executeTakeFirst();

/**
 * For every outdated translation of a language: the source text it translated (the unit's text at its
 * source_revision) beside the unit's text now. One query.
 */
export const outdatedSources = (db: Db, documentId: number, language: string) =>
  sql<{ unit_id: number; from: number; to: number; before: string; after: string }>`
    select distinct on (t.unit_id) t.unit_id, t.source_revision as "from", u.source_revision as "to",
           x.text as before, u.text as after
    from unit_translations t
    join document_units u on u.document_id = t.document_id and u.unit_id = t.unit_id
    join document_unit_texts x on x.document_id = t.document_id and x.unit_id = t.unit_id
                              and x.revision <= t.source_revision
    where t.document_id = ${documentId} and t.language = ${language}
      and t.source_revision < u.source_revision and u.position is not null
      and ${notHidden('unit_translation', 't.id')}
    order by t.unit_id, x.revision desc`
    .execute(db)
    .then((r) => r.rows);

const md5 = (text: string) => createHash('md5').update(text, 'utf8').digest('hex');

/**
 * Up-to-date translations into a language of source units with one of these texts, in any document (found by
 * the units' md5 index): text → translation. One query.
 */
export async function translationsOfTexts(db: Db, language: string, texts: string[]): Promise<Map<string, string>> {
  if (texts.length === 0) return new Map();
  const rows = await db
    .selectFrom('document_units as u')
    .innerJoin('unit_translations as t', (j) =>
      j.onRef('t.document_id', '=', 'u.document_id').onRef('t.unit_id', '=', 'u.unit_id'),
    )
    .select(['u.text as source', 't.text'])
    .where(sql<boolean>`md5(u.text) = any(${sql.val([...new Set(texts.map(md5))])}::text[])`)
    .where('t.language', '=', language)
    .whereRef('t.source_revision', '>=', 'u.source_revision')
    .where(notHidden('unit_translation', 't.id'))
    .orderBy('t.updated_at', 'desc')
    .limit(texts.length * 3)
    .execute();
  const out = new Map<string, string>();
  for (const r of rows) if (!out.has(r.source)) out.set(r.source, r.text);
  return out;
}
