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

const revisionColumns = [
  'r.revision',
  'r.summary',
  'r.minor',
  'r.unit_order',
  'r.amendment_id',
  'r.created_at',
  'a.username as a_username',
  'a.display_name as a_display_name',
  'a.public_fields as a_public_fields',
  'c.username as c_username',
  'c.display_name as c_display_name',
  'c.public_fields as c_public_fields',
] as const;

/** The revision rows asked for (unit order, who, why). */
export const revisionsIn = (db: Db, documentId: number, revisions: number[]) =>
  db
    .selectFrom('document_revisions as r')
    .leftJoin('users as a', 'a.id', 'r.created_by')
    .leftJoin('users as c', 'c.id', 'r.credited_to')
    .select(revisionColumns)
    .where('r.document_id', '=', documentId)
    .where('r.revision', 'in', revisions.length ? revisions : [-1])
    .execute();
export type RevisionRow = Awaited<ReturnType<typeof revisionsIn>>[number];

/** Revisions newest first, before `before` when given (without their unit order). */
export const revisionPage = (db: Db, documentId: number, before: number | null, limit: number) =>
  db
    .selectFrom('document_revisions as r')
    .leftJoin('users as a', 'a.id', 'r.created_by')
    .leftJoin('users as c', 'c.id', 'r.credited_to')
    .select(revisionColumns)
    .where('r.document_id', '=', documentId)
    .$if(before !== null, (q) => q.where('r.revision', '<', before!))
    .orderBy('r.revision', 'desc')
    .limit(limit)
    .execute();

/**
 * Each unit's text as it stood at each of the given revisions (its latest text at or before it), with the revision
 * of its last change not marked minor by then. One query for any number of units and revisions.
 */
export const textsAt = (db: Db, documentId: number, revisions: number[]) =>
  sql<{
    at: number;
    unit_id: number;
    kind: UnitKind;
    text: string;
    text_revision: number;
    source_revision: number;
  }>`select r.at, t.unit_id, t.kind, t.text, t.revision as text_revision,
       coalesce((select max(m.revision) from document_unit_texts m
                 where m.document_id = t.document_id and m.unit_id = t.unit_id and m.revision <= r.at and not m.minor),
                t.revision) as source_revision
     from unnest(${sql.val(revisions)}::int[]) as r(at)
     join lateral (
       select distinct on (x.unit_id) x.document_id, x.unit_id, x.kind, x.text, x.revision
       from document_unit_texts x
       where x.document_id = ${documentId} and x.revision <= r.at
       order by x.unit_id, x.revision desc
     ) t on true`
    .execute(db)
    .then((r) => r.rows.map((row) => ({ ...row, at: Number(row.at) })));
export type TextAtRow = Awaited<ReturnType<typeof textsAt>>[number];
