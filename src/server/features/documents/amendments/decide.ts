// Deciding amendments: maintainers (admins for a document, the group's coordinators for its adaptation) accept
// one, as a revision crediting its author, or reject it with a reason; its author may withdraw it; coordinators
// adopt a rejected amendment of a document into their adaptation. Accepting after a unit changed since the
// amendment was proposed is a 409 (with the units' current text) until merged text is sent.
import type { AmendmentDetail } from '../../../../contracts/amendments';
import { ensure, requireUser } from '../../../http/access';
import { actorOf, audit } from '../../../http/audit';
import type { Ctx } from '../../../http/context';
import { badRequest, conflict } from '../../../http/errors';
import { splitBlocks } from '../../../text/units';
import { rolesInCommunity } from '../../communities';
import { canChangeAdaptation } from '../adaptations/policy';
import { findAdaptation } from '../adaptations/repo';
import { replaceUnits } from '../adaptations/units';
import { applySourceEdits, TITLE_UNIT, type SourceEdit } from '../source/apply';
import { canWithdraw } from './policy';
import { amendedUnits, isStale, joinedText } from './present';
import { amendmentTitle, tellDecided } from './notify';
import { decide } from './repo';
import type { AcceptBody, AdoptBody, RejectBody } from './schema';
import { getAmendment, loadAmendment, mayDecide, presentDetail, targetOf } from './service';
import { unitsOfTarget, type CurrentUnit } from './target';

/**
 * The edits that put `text` in place of the units: block i replaces unit i, further blocks are added after the
 * last unit (in reverse, each right after it, so they land in order), units left without a block are removed.
 * The title takes the whole text.
 */
export function editsFor(unitIds: number[], text: string): SourceEdit[] {
  if (unitIds[0] === TITLE_UNIT) return [{ op: 'change', unitId: TITLE_UNIT, text: text.trim() }];
  const blocks = splitBlocks(text);
  const edits: SourceEdit[] = [];
  unitIds.forEach((unitId, i) => {
    const block = blocks[i];
    edits.push(block ? { op: 'change', unitId, text: block.text } : { op: 'remove', unitId });
  });
  const last = unitIds.at(-1)!;
  for (const block of blocks.slice(unitIds.length).reverse()) edits.push({ op: 'add', after: last, text: block.text });
  return edits;
}

/** The 409 of an amendment whose units changed since it was proposed: their current text and revision. */
const staleConflict = (units: ReturnType<typeof amendedUnits>, revision: number) =>
  conflict('amendments-stale', 'text', [], {
    current: { text: joinedText(units), revision, editor: null, at: new Date().toISOString() },
  });

export async function accept(ctx: Ctx, idParam: string, body: AcceptBody): Promise<AmendmentDetail> {
  const user = requireUser(ctx);
  const row = await loadAmendment(ctx.db, idParam);
  const target = await targetOf(ctx.db, row);
  await ensure(ctx, await mayDecide(ctx, target), 'amendment.accept', { type: 'amendment', id: row.id });
  if (row.status !== 'open') throw conflict('amendments-not-open');
  const all: CurrentUnit[] = await unitsOfTarget(ctx.db, row.target_type, row.target_id);
  const units = amendedUnits(row, all);
  const stale = isStale(row, units);
  if (stale && body.text === undefined) throw staleConflict(units, target.revision);
  if (units.some((u) => u.removed)) throw conflict('amendments-units-gone', 'unitIds');
  const text = body.text ?? row.text;
  await ctx.db.transaction().execute(async (trx) => {
    let revision: number;
    if (row.target_type === 'document') {
      // Merged text was written against the units as they are now; else against those the author saw.
      ({ revision } = await applySourceEdits(ctx, trx, target.documentId, editsFor(row.unit_ids, text), {
        summary: `Amendment ${row.id}`,
        creditedTo: row.author_id,
        amendmentId: row.id,
        baseRevision: stale ? Math.max(target.revision, ...units.map((u) => u.current)) : row.target_revision,
      }));
    } else {
      const expected = stale
        ? Object.fromEntries(units.map((u) => [u.id, u.current]))
        : (row.base_revisions as Record<string, number>);
      revision = await replaceUnits(trx, target.numericId, row.unit_ids, expected, text, user.id, ctx.now);
    }
    if (!(await decide(trx, row.id, { status: 'accepted', by: user.id, at: ctx.now, acceptedRevision: revision })))
      throw conflict('amendments-not-open');
    await audit(trx, {
      ...actorOf(ctx),
      action: 'amendment.accept',
      objectType: 'amendment',
      objectId: row.id,
      details: { target: { type: row.target_type, id: row.target_id }, revision, merged: body.text !== undefined },
    });
    await tellDecided(trx, {
      id: row.id,
      title: amendmentTitle(target, row.unit_ids),
      authorId: row.author_id,
      actorId: user.id,
      at: ctx.now,
      status: 'accepted',
    });
  });
  return getAmendment(ctx, String(row.id));
}

export async function reject(ctx: Ctx, idParam: string, body: RejectBody): Promise<AmendmentDetail> {
  const user = requireUser(ctx);
  const row = await loadAmendment(ctx.db, idParam);
  const target = await targetOf(ctx.db, row);
  await ensure(ctx, await mayDecide(ctx, target), 'amendment.reject', { type: 'amendment', id: row.id });
  if (row.status !== 'open') throw conflict('amendments-not-open');
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await decide(trx, row.id, { status: 'rejected', by: user.id, at: ctx.now, reason: body.reason })))
      throw conflict('amendments-not-open');
    await audit(trx, { ...actorOf(ctx), action: 'amendment.reject', objectType: 'amendment', objectId: row.id });
    await tellDecided(trx, {
      id: row.id,
      title: amendmentTitle(target, row.unit_ids),
      authorId: row.author_id,
      actorId: user.id,
      at: ctx.now,
      status: 'rejected',
    });
  });
  return getAmendment(ctx, String(row.id));
}

export async function withdraw(ctx: Ctx, idParam: string): Promise<AmendmentDetail> {
  const user = requireUser(ctx);
  const row = await loadAmendment(ctx.db, idParam);
  await ensure(ctx, canWithdraw(user, row), 'amendment.withdraw', { type: 'amendment', id: row.id });
  if (row.status !== 'open') throw conflict('amendments-not-open');
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await decide(trx, row.id, { status: 'withdrawn', by: user.id, at: ctx.now })))
      throw conflict('amendments-not-open');
    await audit(trx, { ...actorOf(ctx), action: 'amendment.withdraw', objectType: 'amendment', objectId: row.id });
  });
  return getAmendment(ctx, String(row.id));
}

/** Coordinators adopt a rejected amendment of a document into their group's adaptation of it (linked). */
export async function adopt(ctx: Ctx, idParam: string, body: AdoptBody): Promise<AmendmentDetail> {
  const user = requireUser(ctx);
  const row = await loadAmendment(ctx.db, idParam);
  const a = await findAdaptation(ctx.db, body.adaptation);
  if (!a) throw badRequest([{ field: 'adaptation', message: 'amendments-adaptation-unknown' }]);
  await ensure(
    ctx,
    canChangeAdaptation(user, await rolesInCommunity(ctx.db, user.id, a.community_id)),
    'amendment.adopt',
    { type: 'adaptation', id: a.id },
  );
  if (row.target_type !== 'document' || row.status !== 'rejected') throw conflict('amendments-not-adoptable');
  if (a.document_id !== row.target_id)
    throw badRequest([{ field: 'adaptation', message: 'amendments-adaptation-other-document' }]);
  const units = amendedUnits(row, await unitsOfTarget(ctx.db, 'adaptation', a.id));
  if (units.some((u) => u.removed)) throw conflict('amendments-units-gone', 'unitIds');
  const expected = Object.fromEntries(units.map((u) => [u.id, u.current]));
  const target = await targetOf(ctx.db, row);
  await ctx.db.transaction().execute(async (trx) => {
    const taken = await trx
      .insertInto('amendment_adoptions')
      .values({ amendment_id: row.id, adaptation_id: a.id, adopted_by: user.id, revision: 0, created_at: ctx.now })
      .onConflict((oc) => oc.columns(['amendment_id', 'adaptation_id']).doNothing())
      .executeTakeFirst();
    if (Number(taken.numInsertedOrUpdatedRows ?? 0) === 0) throw conflict('amendments-already-adopted', 'adaptation');
    const revision = await replaceUnits(trx, a.id, row.unit_ids, expected, body.text ?? row.text, user.id, ctx.now);
    await trx
      .updateTable('amendment_adoptions')
      .set({ revision })
      .where('amendment_id', '=', row.id)
      .where('adaptation_id', '=', a.id)
      .execute();
    await audit(trx, {
      ...actorOf(ctx),
      action: 'amendment.adopt',
      objectType: 'amendment',
      objectId: row.id,
      details: { adaptation: a.id, revision },
    });
    await tellDecided(trx, {
      id: row.id,
      title: amendmentTitle(target, row.unit_ids),
      authorId: row.author_id,
      actorId: user.id,
      at: ctx.now,
      status: 'adopted',
    });
  });
  return presentDetail(ctx, await loadAmendment(ctx.db, String(row.id)));
}
