// The one place that changes the source of a document: admins' edits (one unit, the whole text) and accepted
// amendments go through applySourceEdits, in the caller's transaction. Each call is one new revision.
import type { EditConflict } from '../../../../contracts/documents';
import type { Db } from '../../../db/connection';
import { isUniqueViolation } from '../../../db/errors';
import { actorOf, audit } from '../../../http/audit';
import type { Ctx } from '../../../http/context';
import { badRequest, conflict, notFound, type FieldError } from '../../../http/errors';
import { kindOf, type Block } from '../../../text/units';
import { presentJoinedPerson } from '../../people';
import type { UnitKind } from '../tables';
import { tellOfRevision } from './notify';
import {
  advanceDocument,
  allUnits,
  insertRevision,
  lockDocument,
  placeUnits,
  revisionAuthor,
  writeUnits,
  type UnitRow,
  type UnitWrite,
} from './repo';

/** The title is unit 0: always first, never moved or removed. */
export const TITLE_UNIT = 0;

export type SourceEdit =
  | { op: 'change'; unitId: number; text: string }
  | { op: 'add'; after: number | null; text: string }
  | { op: 'remove'; unitId: number }
  | { op: 'move'; unitId: number; after: number | null };

export interface SourceEditMeta {
  summary: string;
  /** A small fix: translations up to date stay up to date (the units' source_revision does not move). */
  minor?: boolean;
  /** An accepted amendment's author, credited for the revision. */
  creditedTo?: number | null;
  amendmentId?: number | null;
  /**
   * The document revision the editor started from (DECISIONS 9): 409 only when a unit this call changes,
   * removes or moves changed after it. Left out: no check.
   */
  baseRevision?: number;
}

/** What the caller's edit is told when a unit it touches changed since its base: the unit as it is now. */
async function conflictOver(db: Db, documentId: number, unit: UnitRow, field: string) {
  const by = await revisionAuthor(db, documentId, unit.text_revision);
  const current: EditConflict = {
    text: unit.position === null ? '' : unit.text,
    revision: unit.text_revision,
    editor: by ? presentJoinedPerson(by.username, by.display_name, by.public_fields) : null,
    at: (by?.created_at ?? new Date(0)).toISOString(),
  };
  return conflict('documents-edit-conflict', field, [], { current });
}

const kindFor = (unitId: number, text: string): UnitKind => (unitId === TITLE_UNIT ? 'title' : kindOf(text));

/**
 * Applies edits to a document's source in one new revision, in the caller's transaction (`trx`), after locking
 * the document's row. Edits apply in order (an `add` may follow a unit added before it only by its id once
 * known, so callers add in order with `after` naming existing units or null for "after the title"). Throws 400
 * naming the field for an unknown unit, an empty text or touching the title's place, 409 (with `current`) when a
 * unit being saved changed after `baseRevision`, 404 when the document is gone. Audited as `documents.revise`.
 * Answers the new revision (the current one unchanged when the edits change nothing).
 */
export async function applySourceEdits(
  ctx: Ctx,
  trx: Db,
  documentId: number,
  edits: SourceEdit[],
  meta: SourceEditMeta,
): Promise<{ revision: number }> {
  const doc = await lockDocument(trx, documentId);
  if (!doc) throw notFound();
  const units = new Map((await allUnits(trx, documentId)).map((u) => [u.unit_id, u]));
  const order = [...units.values()]
    .filter((u) => u.position !== null)
    .sort((a, b) => a.position! - b.position!)
    .map((u) => u.unit_id);
  const revision = doc.revision + 1;
  const minor = !!meta.minor && doc.revision > 0;
  let nextUnitId = doc.next_unit_id;
  const writes = new Map<number, UnitWrite>();
  let moved = false;

  const errors: FieldError[] = [];
  const conflicts: { unit: UnitRow; field: string }[] = [];
  /** The unit an edit names, when it is in the text now; a removed one conflicts when the edit has a base. */
  const current = (unitId: number, field: string): UnitRow | null => {
    const unit = units.get(unitId);
    if (unit && order.includes(unitId)) {
      if (meta.baseRevision !== undefined && unit.text_revision > meta.baseRevision) conflicts.push({ unit, field });
      return unit;
    }
    if (unit && unit.position === null && meta.baseRevision !== undefined) conflicts.push({ unit, field });
    else errors.push({ field: 'unitId', message: 'documents-unit-unknown', params: [unitId] });
    return null;
  };
  const placeAfter = (unitId: number, after: number | null, field: string): boolean => {
    const at = order.indexOf(after ?? TITLE_UNIT);
    if (at < 0 || after === unitId) {
      errors.push({ field, message: 'documents-unit-unknown', params: [after] });
      return false;
    }
    order.splice(at + 1, 0, unitId);
    return true;
  };
  const cleanText = (text: string, field: string): string | null => {
    const t = text.trim();
    if (t === '') errors.push({ field, message: 'validation-required' });
    return t === '' ? null : t;
  };

  for (const edit of edits) {
    if (edit.op === 'add') {
      const text = cleanText(edit.text, 'text');
      const unitId = nextUnitId++;
      if (text === null || !placeAfter(unitId, edit.after, 'after')) continue;
      writes.set(unitId, { unitId, kind: kindFor(unitId, text), text, sourceRevision: revision });
      moved = true;
      continue;
    }
    const unit = current(edit.unitId, edit.op === 'change' ? 'text' : 'unitId');
    if (!unit) continue;
    if (edit.op === 'change') {
      const text = cleanText(edit.text, 'text');
      if (text === null || text === (writes.get(unit.unit_id)?.text ?? unit.text)) continue;
      const sourceRevision = minor ? unit.source_revision : revision;
      writes.set(unit.unit_id, { unitId: unit.unit_id, kind: kindFor(unit.unit_id, text), text, sourceRevision });
      continue;
    }
    if (unit.unit_id === TITLE_UNIT) {
      errors.push({ field: 'unitId', message: 'documents-title-fixed' });
      continue;
    }
    const at = order.indexOf(unit.unit_id);
    order.splice(at, 1);
    moved = true;
    if (edit.op === 'remove') writes.delete(unit.unit_id);
    else if (!placeAfter(unit.unit_id, edit.after, 'after')) order.splice(at, 0, unit.unit_id);
  }
  if (errors.length) throw badRequest(errors);
  const first = conflicts[0];
  if (first) throw await conflictOver(trx, documentId, first.unit, first.field);
  if (writes.size === 0 && !moved && doc.revision > 0) return { revision: doc.revision };

  await writeUnits(trx, documentId, revision, minor, [...writes.values()]);
  await placeUnits(trx, documentId, order);
  await insertRevision(trx, {
    documentId,
    revision,
    summary: meta.summary.trim(),
    minor,
    order,
    createdBy: ctx.actor?.id ?? null,
    creditedTo: meta.creditedTo ?? null,
    amendmentId: meta.amendmentId ?? null,
    at: ctx.now,
  });
  await advanceDocument(trx, documentId, revision, nextUnitId, ctx.now);
  if (!minor) {
    const outdating = [...writes.values()].filter((w) => units.has(w.unitId)).map((w) => w.unitId);
    await tellOfRevision(trx, { documentId, revision, actorId: ctx.actor?.id ?? null, at: ctx.now, outdating });
  }
  await audit(trx, {
    ...actorOf(ctx),
    action: 'documents.revise',
    objectType: 'document',
    objectId: documentId,
    details: {
      revision,
      minor,
      amendmentId: meta.amendmentId ?? null,
      edits: edits.map((e) => ({ op: e.op, unit: 'unitId' in e ? e.unitId : null })),
    },
  });
  return { revision };
}

export interface NewDocument {
  slug: string;
  title: string;
  /** The blocks in order; an id (from a marker) is kept, null ones get new ids after the largest. */
  blocks: (Block & { id?: number | null })[];
  summary: string;
}

/**
 * Creates a document at revision 1 in the caller's transaction: the title as unit 0, then the blocks. A taken
 * slug answers 409 (`slug`). Audited as `documents.create`. Answers the new id.
 */
export async function createDocument(ctx: Ctx, trx: Db, doc: NewDocument): Promise<{ id: number; revision: number }> {
  const title = doc.title.trim();
  if (title === '') throw badRequest([{ field: 'title', message: 'validation-required' }]);
  const given = doc.blocks.flatMap((b) => (b.id != null ? [b.id] : []));
  if (given.includes(TITLE_UNIT)) throw badRequest([{ field: 'markdown', message: 'documents-title-fixed' }]);
  let next = Math.max(0, ...given) + 1;
  const blocks = doc.blocks.map((b) => ({ ...b, id: b.id ?? next++ }));
  const taken = await trx.selectFrom('documents').select('id').where('slug', '=', doc.slug).executeTakeFirst();
  if (taken) throw conflict('documents-slug-taken', 'slug');
  let id: number;
  try {
    const row = await trx
      .insertInto('documents')
      .values({
        slug: doc.slug,
        revision: 1,
        next_unit_id: next,
        created_by: ctx.actor?.id ?? null,
        updated_at: ctx.now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    id = Number(row.id);
  } catch (err) {
    if (isUniqueViolation(err)) throw conflict('documents-slug-taken', 'slug');
    throw err;
  }
  const writes: UnitWrite[] = [
    { unitId: TITLE_UNIT, kind: 'title', text: title, sourceRevision: 1 },
    ...blocks.map((b) => ({ unitId: b.id, kind: b.kind, text: b.text, sourceRevision: 1 })),
  ];
  const order = writes.map((w) => w.unitId);
  await writeUnits(trx, id, 1, false, writes);
  await placeUnits(trx, id, order);
  await insertRevision(trx, {
    documentId: id,
    revision: 1,
    summary: doc.summary.trim(),
    minor: false,
    order,
    createdBy: ctx.actor?.id ?? null,
    creditedTo: null,
    amendmentId: null,
    at: ctx.now,
  });
  await audit(trx, {
    ...actorOf(ctx),
    action: 'documents.create',
    objectType: 'document',
    objectId: id,
    details: { slug: doc.slug, units: order.length },
  });
  return { id, revision: 1 };
}
