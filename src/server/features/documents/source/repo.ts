// SQL for the source of documents: the document row, its units, its revisions and each text a unit ever had.
import { sql } from 'kysely';
import type { Db } from '../../../db/connection';
import { personRefColumns } from '../../people';
import type { UnitKind } from '../tables';

export const findDocumentBySlug = (db: Db, slug: string) =>
  db
    .selectFrom('documents')
    .select(['id', 'slug', 'revision', 'next_unit_id', 'priority_languages', 'updated_at'])
    .where('slug', '=', slug)
    .executeTakeFirst();
export type DocumentRow = NonNullable<Awaited<ReturnType<typeof findDocumentBySlug>>>;

/** The document row, locked until the transaction ends: every source change goes through it, one at a time. */
export const lockDocument = (db: Db, id: number) =>
  db
    .selectFrom('documents')
    .select(['id', 'slug', 'revision', 'next_unit_id'])
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();

/** Every unit the document ever had (removed ones with a null position), current text. */
export const allUnits = (db: Db, documentId: number) =>
  db
    .selectFrom('document_units')
    .select(['unit_id', 'kind', 'text', 'position', 'text_revision', 'source_revision'])
    .where('document_id', '=', documentId)
    .execute();
export type UnitRow = Awaited<ReturnType<typeof allUnits>>[number];

/** The current units in order. */
export const currentUnits = (db: Db, documentId: number) =>
  db
    .selectFrom('document_units')
    .select(['unit_id', 'kind', 'text', 'position', 'text_revision', 'source_revision'])
    .where('document_id', '=', documentId)
    .where('position', 'is not', null)
    .orderBy('position')
    .execute();

export interface UnitWrite {
  unitId: number;
  kind: UnitKind;
  text: string;
  sourceRevision: number;
}

/** Inserts new units and replaces the text of changed ones, and keeps each new text in the history. */
export async function writeUnits(db: Db, documentId: number, revision: number, minor: boolean, units: UnitWrite[]) {
  if (units.length === 0) return;
  await db
    .insertInto('document_units')
    .values(
      units.map((u) => ({
        document_id: documentId,
        unit_id: u.unitId,
        kind: u.kind,
        text: u.text,
        // Placed by placeUnits below.
        position: null,
        text_revision: revision,
        source_revision: u.sourceRevision,
      })),
    )
    .onConflict((oc) =>
      oc.columns(['document_id', 'unit_id']).doUpdateSet((eb) => ({
        kind: eb.ref('excluded.kind'),
        text: eb.ref('excluded.text'),
        text_revision: eb.ref('excluded.text_revision'),
        source_revision: eb.ref('excluded.source_revision'),
      })),
    )
    .execute();
  await db
    .insertInto('document_unit_texts')
    .values(
      units.map((u) => ({ document_id: documentId, unit_id: u.unitId, revision, kind: u.kind, text: u.text, minor })),
    )
    .execute();
}

/** Every unit takes its place in `order` (0-based); units not in it are removed (position null). One query. */
export const placeUnits = (db: Db, documentId: number, order: number[]) =>
  sql`update document_units
      set position = array_position(${sql.val(order)}::int[], unit_id) - 1
      where document_id = ${documentId}
        and (position is not null or unit_id = any(${sql.val(order)}::int[]))`.execute(db);

export const insertRevision = (
  db: Db,
  r: {
    documentId: number;
    revision: number;
    summary: string;
    minor: boolean;
    order: number[];
    createdBy: number | null;
    creditedTo: number | null;
    amendmentId: number | null;
    at: Date;
  },
) =>
  db
    .insertInto('document_revisions')
    .values({
      document_id: r.documentId,
      revision: r.revision,
      summary: r.summary,
      minor: r.minor,
      unit_order: r.order,
      created_by: r.createdBy,
      credited_to: r.creditedTo,
      amendment_id: r.amendmentId,
      created_at: r.at,
    })
    .execute();

export const advanceDocument = (db: Db, id: number, revision: number, nextUnitId: number, at: Date) =>
  db
    .updateTable('documents')
    .set({ revision, next_unit_id: nextUnitId, updated_at: at })
    .where('id', '=', id)
    .execute();

/** Who made a revision and when (for an edit conflict's answer). */
export const revisionAuthor = (db: Db, documentId: number, revision: number) =>
  db
    .selectFrom('document_revisions as r')
    .leftJoin('users as u', 'u.id', 'r.created_by')
    .select(['r.created_at', ...personRefColumns('u')])
    .where('r.document_id', '=', documentId)
    .where('r.revision', '=', revision)
    .executeTakeFirst();
