// What an adaptation is based on, read from the documents' own tables: the document's current units in order,
// each with the text of its base (the English source, or the translation in the adaptation's language where
// there is one and it is not hidden, else the source).
import type { AdaptationBase } from '../../../../contracts/adaptations';
import type { UnitKind } from '../../../../contracts/documents';
import type { Db } from '../../../db/connection';
import { notHidden } from '../../moderation';
import { SOURCE_LANGUAGE } from '../schema';

export interface BaseUnit {
  id: number;
  kind: UnitKind;
  text: string;
  /** The language of `text`: the adaptation's where the base has a translation, else English (the source). */
  language: string;
  /** The document unit's revision of its last change not marked minor, and of its last change. */
  sourceRevision: number;
  textRevision: number;
  position: number;
}

export interface DocumentHead {
  id: number;
  slug: string;
  revision: number;
  title: string;
}

export async function findDocumentBySlug(db: Db, slug: string): Promise<DocumentHead | undefined> {
  return db
    .selectFrom('documents as d')
    .leftJoin('document_units as t', (j) => j.onRef('t.document_id', '=', 'd.id').on('t.unit_id', '=', 0))
    .select(['d.id', 'd.slug', 'd.revision', (eb) => eb.fn.coalesce('t.text', 'd.slug').as('title')])
    .where('d.slug', '=', slug)
    .executeTakeFirst();
}

export async function findDocumentById(db: Db, id: number): Promise<DocumentHead | undefined> {
  return db
    .selectFrom('documents as d')
    .leftJoin('document_units as t', (j) => j.onRef('t.document_id', '=', 'd.id').on('t.unit_id', '=', 0))
    .select(['d.id', 'd.slug', 'd.revision', (eb) => eb.fn.coalesce('t.text', 'd.slug').as('title')])
    .where('d.id', '=', id)
    .executeTakeFirst();
}

/** The document's current units in order, each with its base text: one query. */
export async function baseUnits(
  db: Db,
  documentId: number,
  basedOn: AdaptationBase,
  language: string,
): Promise<BaseUnit[]> {
  const rows = await db
    .selectFrom('document_units as u')
    .leftJoin('unit_translations as t', (j) =>
      j
        .onRef('t.document_id', '=', 'u.document_id')
        .onRef('t.unit_id', '=', 'u.unit_id')
        .on('t.language', '=', basedOn === 'translation' ? language : '')
        // A hidden translation reads as missing: the source stands in.
        .on(notHidden('unit_translation', 't.id')),
    )
    .select([
      'u.unit_id',
      'u.kind',
      'u.text',
      't.text as translated',
      'u.source_revision',
      'u.text_revision',
      'u.position',
    ])
    .where('u.document_id', '=', documentId)
    .where('u.position', 'is not', null)
    .orderBy('u.position')
    .execute();
  return rows.map((r) => ({
    id: r.unit_id,
    kind: r.kind,
    text: r.translated ?? r.text,
    language: r.translated === null ? SOURCE_LANGUAGE : language,
    sourceRevision: r.source_revision,
    textRevision: r.text_revision,
    position: r.position ?? 0,
  }));
}

/** How many units of the document have a translation in the language (a translation base needs one). */
export async function translatedCount(db: Db, documentId: number, language: string): Promise<number> {
  const row = await db
    .selectFrom('unit_translations')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('document_id', '=', documentId)
    .where('language', '=', language)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
