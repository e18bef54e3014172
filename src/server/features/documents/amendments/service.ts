// Amendments: anyone signed in proposes new Markdown for a unit, or consecutive units of one section, of a
// document or an adaptation, with a rationale; others take a position (one each, changeable), with an optional
// comment going to the amendment's thread. Deciding (accept, reject, withdraw, adopt) is in decide.ts. Each use
// case checks who may do it first; every change is audited in the same transaction.
import type { AmendmentDetail, AmendmentList, PositionAnswer } from '../../../../contracts/amendments';
import { markdownInsert } from '../../../markdown/stored';
import type { Db } from '../../../db/connection';
import { requireUser } from '../../../http/access';
import { actorOf, audit } from '../../../http/audit';
import type { Ctx } from '../../../http/context';
import { badRequest, conflict, notFound } from '../../../http/errors';
import { decodeCursor, page } from '../../../http/pagination';
import { rolesInCommunity } from '../../communities';
import { createComment, parseId } from '../../conversations';
import { presentJoinedPerson } from '../../people';
import { canDecide, canWithdraw } from './policy';
import { presentAmendment, presentAmendmentDetail } from './present';
import { tellProposed } from './notify';
import {
  adaptationsOfDocument,
  adoptionsOf,
  findAmendment,
  listAmendments,
  myPosition,
  positionCounts,
  removePosition,
  setPosition,
  type AmendmentRow,
} from './repo';
import type { ListAmendmentsQuery, PositionBody, ProposeBody } from './schema';
import { chosenUnits, targetKey, targetsOf, unitsOfTarget, unitsOfTargets, type TargetInfo } from './target';

export async function loadAmendment(db: Db, idParam: string): Promise<AmendmentRow> {
  const id = parseId(idParam);
  const row = id === null ? undefined : await findAmendment(db, id);
  if (!row) throw notFound();
  return row;
}

export async function targetOf(db: Db, row: Pick<AmendmentRow, 'target_type' | 'target_id'>): Promise<TargetInfo> {
  const t = (await targetsOf(db, [{ type: row.target_type, id: row.target_id }])).get(
    targetKey(row.target_type, row.target_id),
  );
  if (!t) throw notFound();
  return t;
}

/** Whether the person asking may accept or reject amendments of this target. */
export async function mayDecide(ctx: Ctx, target: TargetInfo): Promise<boolean> {
  if (!ctx.actor) return false;
  const roles = target.communityId === null ? null : await rolesInCommunity(ctx.db, ctx.actor.id, target.communityId);
  return canDecide(ctx.actor, target, roles);
}

/** Adaptations of the document of a rejected amendment that the person asking may adopt it into. */
async function adoptable(ctx: Ctx, row: AmendmentRow, target: TargetInfo, adopted: Set<number>) {
  if (!ctx.actor || row.target_type !== 'document' || row.status !== 'rejected') return [];
  const out: { id: string; title: string; language: string }[] = [];
  for (const ad of await adaptationsOfDocument(ctx.db, target.documentId)) {
    if (adopted.has(ad.id)) continue;
    if ((await rolesInCommunity(ctx.db, ctx.actor.id, ad.community_id)).coordinator)
      out.push({ id: String(ad.id), title: ad.title ?? target.title, language: ad.language });
  }
  return out;
}

export async function presentDetail(ctx: Ctx, row: AmendmentRow): Promise<AmendmentDetail> {
  const target = await targetOf(ctx.db, row);
  const [units, adoptions, mine, decides] = await Promise.all([
    unitsOfTarget(ctx.db, row.target_type, row.target_id),
    adoptionsOf(ctx.db, row.id),
    ctx.actor ? myPosition(ctx.db, row.id, ctx.actor.id) : Promise.resolve(null),
    mayDecide(ctx, target),
  ]);
  const open = row.status === 'open';
  return presentAmendmentDetail(row, target, units, {
    myPosition: mine,
    adoptions: adoptions.map((x) => ({
      adaptationId: String(x.adaptation_id),
      community: { slug: x.slug, name: x.name },
      language: x.language,
      by: presentJoinedPerson(x.username, x.display_name, x.public_fields),
      at: x.created_at.toISOString(),
    })),
    can: {
      position: !!ctx.actor && open,
      accept: decides && open,
      reject: decides && open,
      withdraw: open && canWithdraw(ctx.actor, row),
      adoptInto: await adoptable(ctx, row, target, new Set(adoptions.map((x) => x.adaptation_id))),
    },
  });
}

export async function getAmendment(ctx: Ctx, idParam: string): Promise<AmendmentDetail> {
  return presentDetail(ctx, await loadAmendment(ctx.db, idParam));
}

export async function propose(ctx: Ctx, body: ProposeBody): Promise<AmendmentDetail> {
  const user = requireUser(ctx);
  const target = (await targetsOf(ctx.db, [body.target])).get(targetKey(body.target.type, body.target.id));
  if (!target) throw badRequest([{ field: 'target.id', message: 'amendments-target-unknown' }]);
  const units = chosenUnits(await unitsOfTarget(ctx.db, body.target.type, body.target.id), body.unitIds);
  if (units.map((u) => u.text).join('\n\n') === body.text)
    throw badRequest([{ field: 'text', message: 'amendments-text-unchanged' }]);
  const id = await ctx.db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('amendments')
      .values({
        target_type: body.target.type,
        target_id: body.target.id,
        unit_ids: body.unitIds,
        text: body.text,
        rationale: body.rationale,
        ...markdownInsert({ text: body.text, rationale: body.rationale }, ['rationale']),
        author_id: user.id,
        base_revisions: JSON.stringify(Object.fromEntries(units.map((u) => [String(u.id), u.revision]))),
        target_revision: Math.max(target.revision, ...units.map((u) => u.revision)),
        created_at: ctx.now,
        updated_at: ctx.now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit(trx, {
      ...actorOf(ctx),
      action: 'amendment.propose',
      objectType: 'amendment',
      objectId: row.id,
      details: { target: { type: body.target.type, id: body.target.id }, unitIds: body.unitIds },
    });
    await tellProposed(trx, { id: row.id, target, actorId: user.id, at: ctx.now });
    return row.id;
  });
  return getAmendment(ctx, String(id));
}

/** Amendments newest first, of one target or all, of one status or all: three queries a page. */
export async function listPage(ctx: Ctx, q: ListAmendmentsQuery): Promise<AmendmentList> {
  if (q.targetId !== undefined && !q.targetType)
    throw badRequest([{ field: 'targetType', message: 'validation-required' }]);
  const [after] = decodeCursor(q.cursor, ['id']) ?? [];
  const rows = await listAmendments(
    ctx.db,
    { targetType: q.targetType, targetId: q.targetId === undefined ? undefined : Number(q.targetId), status: q.status },
    after ?? null,
    q.limit,
  );
  const { items, next } = page(rows, q.limit, (r) => [r.id]);
  const refs = items.map((r) => ({ type: r.target_type, id: r.target_id }));
  const [targets, units] = await Promise.all([
    targetsOf(ctx.db, refs),
    unitsOfTargets(ctx.db, refs, [...new Set(items.flatMap((r) => r.unit_ids))]),
  ]);
  return {
    items: items.flatMap((r) => {
      const key = targetKey(r.target_type, r.target_id);
      const t = targets.get(key);
      return t ? [presentAmendment(r, t, units.get(key) ?? [])] : [];
    }),
    next,
  };
}

async function positionAnswer(ctx: Ctx, id: number, commentId: string | null): Promise<PositionAnswer> {
  return {
    amendmentId: String(id),
    positions: await positionCounts(ctx.db, id),
    myPosition: ctx.actor ? await myPosition(ctx.db, id, ctx.actor.id) : null,
    commentId,
  };
}

export async function takePosition(ctx: Ctx, idParam: string, body: PositionBody): Promise<PositionAnswer> {
  const user = requireUser(ctx);
  const a = await loadAmendment(ctx.db, idParam);
  if (a.status !== 'open') throw conflict('amendments-not-open');
  await ctx.db.transaction().execute(async (trx) => {
    await setPosition(trx, a.id, user.id, body.position, ctx.now);
    await audit(trx, {
      ...actorOf(ctx),
      action: 'amendment.position',
      objectType: 'amendment',
      objectId: a.id,
      details: { position: body.position, comment: body.comment !== undefined },
    });
  });
  // The comment goes to the amendment's thread, as any comment there (its own audit entry and notifications).
  const comment = body.comment
    ? await createComment(ctx, { subject: { type: 'amendment', id: String(a.id) }, body: body.comment })
    : null;
  return positionAnswer(ctx, a.id, comment?.id ?? null);
}

export async function withdrawPosition(ctx: Ctx, idParam: string): Promise<PositionAnswer> {
  const user = requireUser(ctx);
  const a = await loadAmendment(ctx.db, idParam);
  if (a.status !== 'open') throw conflict('amendments-not-open');
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await removePosition(trx, a.id, user.id))) throw notFound();
    await audit(trx, {
      ...actorOf(ctx),
      action: 'amendment.position.withdraw',
      objectType: 'amendment',
      objectId: a.id,
    });
  });
  return positionAnswer(ctx, a.id, null);
}
