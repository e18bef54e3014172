// Writes of an adaptation's units, each in one transaction with its audit entry: a coordinator's edit or drop
// (against the unit's own revision), an added unit, the review of an upstream change, and the text of an
// accepted or adopted amendment replacing consecutive units.
import type { UnitKind } from '../../../../contracts/documents';
import type { Db } from '../../../db/connection';
import { isUniqueViolation } from '../../../db/errors';
import { actorOf, audit } from '../../../http/audit';
import type { Ctx } from '../../../http/context';
import { badRequest, conflict, notFound } from '../../../http/errors';
import { kindOf, splitBlocks } from '../../../text/units';
import { presentJoinedPerson } from '../../people';
import { baseUnits } from './base';
import { upstreamOf } from './present';
import {
  bumpRevision,
  findUnit,
  insertUnitAt,
  isLocalUnit,
  takeLocalUnitId,
  unitsOf,
  updateUnit,
  type AdaptationRow,
  type AdaptedUnitRow,
  type UnitWrite,
} from './repo';
import type { AddUnitBody, ReviewBody } from './schema';

/** The 409 of a save that started from an older revision of the unit: it carries the unit as it is now. */
export const editConflict = (u: AdaptedUnitRow, detailKey = 'adaptations-edit-conflict') =>
  conflict(detailKey, 'baseRevision', [], {
    current: {
      text: u.text,
      revision: u.revision,
      editor: presentJoinedPerson(u.username, u.display_name, u.public_fields),
      at: u.updated_at.toISOString(),
    },
  });

/** Edits a unit from `baseRevision`: 404 for no such unit, 409 when it changed since. Answers the adaptation's revision. */
export async function editUnit(
  ctx: Ctx,
  a: AdaptationRow,
  unitId: number,
  baseRevision: number,
  change: (u: AdaptedUnitRow) => UnitWrite,
  action: string,
): Promise<number> {
  const user = ctx.actor!;
  return ctx.db.transaction().execute(async (trx) => {
    const u = await findUnit(trx, a.id, unitId);
    if (!u) throw notFound();
    if (u.revision !== baseRevision) throw editConflict(u);
    const w = change(u);
    if (!(await updateUnit(trx, a.id, unitId, baseRevision, w, user.id, ctx.now))) {
      throw editConflict((await findUnit(trx, a.id, unitId)) ?? u);
    }
    const revision = await bumpRevision(trx, a.id, ctx.now);
    await audit(trx, {
      ...actorOf(ctx),
      action,
      objectType: 'adaptation',
      objectId: a.id,
      details: { unit: unitId, revision, dropped: w.dropped ?? false },
    });
    return revision;
  });
}

export async function addUnitAfter(ctx: Ctx, a: AdaptationRow, body: AddUnitBody) {
  const user = ctx.actor!;
  return ctx.db.transaction().execute(async (trx) => {
    const after = await findUnit(trx, a.id, body.after);
    if (!after) throw badRequest([{ field: 'after', message: 'adaptations-unit-unknown' }]);
    const unitId = await takeLocalUnitId(trx, a.id);
    await insertUnitAt(
      trx,
      a.id,
      after.position + 1,
      {
        unitId,
        kind: kindOf(body.text),
        text: body.text,
        note: body.note ?? '',
        dropped: false,
        baseText: null,
        baseRevision: null,
      },
      user.id,
      ctx.now,
    );
    const revision = await bumpRevision(trx, a.id, ctx.now);
    await audit(trx, {
      ...actorOf(ctx),
      action: 'adaptation.unit.add',
      objectType: 'adaptation',
      objectId: a.id,
      details: { unit: unitId, after: body.after, revision },
    });
    return { unitId, revision };
  });
}

const kindFor = (unitId: number, text: string): UnitKind => (unitId === 0 ? 'title' : kindOf(text));

/** Settles an upstream change of one base unit: take the base, keep the local text, or a merged one. */
export async function reviewUpstream(ctx: Ctx, a: AdaptationRow, unitId: number, body: ReviewBody): Promise<number> {
  const user = ctx.actor!;
  if (isLocalUnit(unitId)) throw conflict('adaptations-nothing-to-review');
  return ctx.db.transaction().execute(async (trx) => {
    const [base, doc] = await Promise.all([
      baseUnits(trx, a.document_id, a.based_on, a.language),
      trx.selectFrom('documents').select('revision').where('id', '=', a.document_id).executeTakeFirstOrThrow(),
    ]);
    const b = base.find((x) => x.id === unitId);
    const row = await findUnit(trx, a.id, unitId);
    if (!row && !b) throw notFound();
    if (!upstreamOf(row ?? { unit_id: unitId, base_text: null }, b)) throw conflict('adaptations-nothing-to-review');
    const now = b?.text ?? null;
    if (row) {
      const w: UnitWrite =
        body.take === 'base'
          ? now === null
            ? { text: row.text, kind: row.kind, dropped: true }
            : { text: now, kind: b!.kind, dropped: false }
          : body.take === 'merged'
            ? { text: body.text!, kind: kindFor(unitId, body.text!), dropped: false }
            : { text: row.text, kind: row.kind };
      w.baseText = now;
      w.baseRevision = b?.sourceRevision ?? row.base_revision;
      if (!(await updateUnit(trx, a.id, unitId, row.revision, w, user.id, ctx.now))) throw editConflict(row);
    } else {
      // A unit added upstream: placed after the unit before it in the base.
      const rows = await unitsOf(trx, a.id);
      const at = base.findIndex((x) => x.id === unitId);
      const before = new Set(base.slice(0, at).map((x) => x.id));
      const previous = rows.filter((r) => before.has(r.unit_id)).at(-1);
      const text = body.take === 'merged' ? body.text! : now!;
      try {
        await insertUnitAt(
          trx,
          a.id,
          previous ? previous.position + 1 : 0,
          {
            unitId,
            kind: kindFor(unitId, text),
            text,
            note: '',
            dropped: body.take === 'local',
            baseText: now,
            baseRevision: b!.sourceRevision,
          },
          user.id,
          ctx.now,
        );
      } catch (err) {
        if (isUniqueViolation(err)) throw conflict('adaptations-nothing-to-review');
        throw err;
      }
    }
    const after = await unitsOf(trx, a.id);
    const byId = new Map(base.map((x) => [x.id, x]));
    const have = new Set(after.map((r) => r.unit_id));
    const pending = after.some((r) => upstreamOf(r, byId.get(r.unit_id))) || base.some((x) => !have.has(x.id));
    const revision = await bumpRevision(trx, a.id, ctx.now, pending ? undefined : doc.revision);
    await audit(trx, {
      ...actorOf(ctx),
      action: 'adaptation.unit.review',
      objectType: 'adaptation',
      objectId: a.id,
      details: { unit: unitId, take: body.take, revision },
    });
    return revision;
  });
}

/**
 * Replaces consecutive units with an amendment's text, block by block: the i-th block becomes the i-th unit's
 * text, further blocks become units of the group's own after the last, units left without a block are dropped
 * (the title takes the whole text). `expected` holds each unit's revision the text was written against: a unit
 * changed since is a 409 and nothing is written. Answers the adaptation's new revision.
 */
export async function replaceUnits(
  db: Db,
  adaptationId: number,
  unitIds: number[],
  expected: Record<string, number>,
  text: string,
  by: number,
  at: Date,
): Promise<number> {
  const blocks = unitIds[0] === 0 ? [{ kind: 'title' as const, text: text.trim() }] : splitBlocks(text);
  let last: AdaptedUnitRow | undefined;
  for (const [i, unitId] of unitIds.entries()) {
    const u = await findUnit(db, adaptationId, unitId);
    if (!u || u.dropped) throw conflict('amendments-units-gone', 'unitIds');
    const block = blocks[i];
    const w: UnitWrite = block
      ? { text: block.text, kind: unitId === 0 ? 'title' : block.kind, dropped: false }
      : { text: u.text, kind: u.kind, dropped: true };
    if (!(await updateUnit(db, adaptationId, unitId, expected[String(unitId)] ?? -1, w, by, at)))
      throw conflict('amendments-stale', 'text');
    last = u;
  }
  let position = (last?.position ?? 0) + 1;
  for (const block of blocks.slice(unitIds.length)) {
    const unitId = await takeLocalUnitId(db, adaptationId);
    await insertUnitAt(
      db,
      adaptationId,
      position++,
      { unitId, kind: block.kind, text: block.text, note: '', dropped: false, baseText: null, baseRevision: null },
      by,
      at,
    );
  }
  return bumpRevision(db, adaptationId, at);
}
