// The adaptations' own tables: one adaptation with its group, its units in order, and the writes of a unit.
import { sql } from 'kysely';
import type { Db } from '../../../db/connection';
import type { UnitKind } from '../../../../contracts/documents';
import { personRefColumns } from '../../people';

/** Ids of units a group adds start here, above any document's unit id. */
export const LOCAL_UNIT_BASE = 1_000_000;
export const isLocalUnit = (id: number): boolean => id >= LOCAL_UNIT_BASE;

export async function findAdaptation(db: Db, id: number) {
  return db
    .selectFrom('adaptations as a')
    .innerJoin('communities as c', 'c.id', 'a.community_id')
    .innerJoin('documents as d', 'd.id', 'a.document_id')
    .leftJoin('document_units as t', (j) => j.onRef('t.document_id', '=', 'd.id').on('t.unit_id', '=', 0))
    .leftJoin('adaptation_units as at', (j) => j.onRef('at.adaptation_id', '=', 'a.id').on('at.unit_id', '=', 0))
    .leftJoin('users as cu', 'cu.id', 'a.created_by')
    .select([
      'a.id',
      'a.document_id',
      'a.community_id',
      'a.language',
      'a.based_on',
      'a.base_revision',
      'a.revision',
      'a.next_unit_id',
      'a.created_by',
      'a.created_at',
      'a.updated_at',
      'c.slug as community_slug',
      'c.name as community_name',
      'd.slug as document_slug',
      'd.revision as document_revision',
      (eb) => eb.fn.coalesce('t.text', 'd.slug').as('document_title'),
      'at.text as own_title',
      'at.dropped as own_title_dropped',
      ...personRefColumns('cu'),
    ])
    .where('a.id', '=', id)
    .executeTakeFirst();
}
export type AdaptationRow = NonNullable<Awaited<ReturnType<typeof findAdaptation>>>;

/** An adaptation's units in order (only those of `unitIds` when given), each with its last editor. */
export async function unitsOf(db: Db, adaptationId: number, unitIds?: readonly number[]) {
  let q = db
    .selectFrom('adaptation_units as u')
    .leftJoin('users as e', 'e.id', 'u.updated_by')
    .select([
      'u.unit_id',
      'u.kind',
      'u.text',
      'u.note',
      'u.dropped',
      'u.position',
      'u.base_text',
      'u.base_revision',
      'u.revision',
      'u.updated_at',
      ...personRefColumns('e'),
    ])
    .where('u.adaptation_id', '=', adaptationId);
  if (unitIds) q = q.where('u.unit_id', 'in', [...unitIds]);
  return q.orderBy('u.position').execute();
}
export type AdaptedUnitRow = Awaited<ReturnType<typeof unitsOf>>[number];

export async function findUnit(db: Db, adaptationId: number, unitId: number) {
  return (await unitsOfIds(db, adaptationId, [unitId]))[0];
}

export async function unitsOfIds(db: Db, adaptationId: number, unitIds: number[]): Promise<AdaptedUnitRow[]> {
  return unitIds.length ? unitsOf(db, adaptationId, unitIds) : [];
}

/** Open amendments per unit of an adaptation (or a document): one query. */
export async function openAmendmentCounts(
  db: Db,
  targetType: 'document' | 'adaptation',
  targetId: number,
): Promise<Map<number, number>> {
  const { rows } = await sql<{ unit_id: number; n: string }>`
    select u.unit_id, count(*) as n from amendments a cross join lateral unnest(a.unit_ids) as u(unit_id)
    where a.target_type = ${targetType} and a.target_id = ${targetId} and a.status = 'open'
    group by u.unit_id`.execute(db);
  return new Map(rows.map((r) => [Number(r.unit_id), Number(r.n)]));
}

export interface UnitWrite {
  text: string;
  kind: UnitKind;
  note?: string;
  dropped?: boolean;
  baseText?: string | null;
  baseRevision?: number | null;
}

/**
 * Writes a unit's new state if its revision is still `expected` (the editor's baseRevision); false when someone
 * saved in between (nothing written).
 */
export async function updateUnit(
  db: Db,
  adaptationId: number,
  unitId: number,
  expected: number,
  w: UnitWrite,
  by: number,
  at: Date,
): Promise<boolean> {
  const res = await db
    .updateTable('adaptation_units')
    .set({
      text: w.text,
      kind: w.kind,
      ...(w.note !== undefined ? { note: w.note } : {}),
      ...(w.dropped !== undefined ? { dropped: w.dropped } : {}),
      ...(w.baseText !== undefined ? { base_text: w.baseText } : {}),
      ...(w.baseRevision !== undefined ? { base_revision: w.baseRevision } : {}),
      revision: sql`revision + 1`,
      updated_by: by,
      updated_at: at,
    })
    .where('adaptation_id', '=', adaptationId)
    .where('unit_id', '=', unitId)
    .where('revision', '=', expected)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** Makes room after `position` and inserts a unit there. */
export async function insertUnitAt(
  db: Db,
  adaptationId: number,
  position: number,
  unit: {
    unitId: number;
    kind: UnitKind;
    text: string;
    note: string;
    dropped: boolean;
    baseText: string | null;
    baseRevision: number | null;
  },
  by: number,
  at: Date,
): Promise<void> {
  await db
    .updateTable('adaptation_units')
    .set({ position: sql`position + 1` })
    .where('adaptation_id', '=', adaptationId)
    .where('position', '>=', position)
    .execute();
  await db
    .insertInto('adaptation_units')
    .values({
      adaptation_id: adaptationId,
      unit_id: unit.unitId,
      kind: unit.kind,
      text: unit.text,
      note: unit.note,
      dropped: unit.dropped,
      position,
      base_text: unit.baseText,
      base_revision: unit.baseRevision,
      revision: 1,
      updated_by: by,
      updated_at: at,
    })
    .execute();
}

/** Takes the next local unit id. */
export async function takeLocalUnitId(db: Db, adaptationId: number): Promise<number> {
  const row = await db
    .updateTable('adaptations')
    .set({ next_unit_id: sql`next_unit_id + 1` })
    .where('id', '=', adaptationId)
    .returning('next_unit_id')
    .executeTakeFirstOrThrow();
  return row.next_unit_id - 1;
}

/** One more revision of the adaptation; answers it. */
export async function bumpRevision(db: Db, adaptationId: number, at: Date, baseRevision?: number): Promise<number> {
  const row = await db
    .updateTable('adaptations')
    .set({
      revision: sql`revision + 1`,
      updated_at: at,
      ...(baseRevision !== undefined ? { base_revision: baseRevision } : {}),
    })
    .where('id', '=', adaptationId)
    .returning('revision')
    .executeTakeFirstOrThrow();
  return row.revision;
}
