// What a person sees of moderation concerning them (actions on their content and account, never who reported
// nor which moderator acted) and their appeals: one per action. Moderators answer appeals; reversing one
// shows hidden content again or lifts the suspension it concerned.
import type { AppealItem, AppealList, MyActionItem, MyModeration } from '../../../contracts/moderation';
import type { Db } from '../../db/connection';
import { isUniqueViolation } from '../../db/errors';
import { actorOf, audit } from '../../http/audit';
import { requireUser } from '../../http/access';
import type { Ctx } from '../../http/context';
import { conflict, notFound } from '../../http/errors';
import { page } from '../../http/pagination';
import { parseId } from '../conversations';
import { describeAll, requireModerator } from './access';
import { cursorId } from './cursor';
import { APPEALABLE, presentAppeal, presentMyAction } from './present';
import {
  actionsByIds,
  answerAppeal as answerAppealRow,
  closeReports,
  currentSuspension,
  deleteHidden,
  findAction,
  findAppeal,
  insertAction,
  insertAppeal,
  listActions,
  listAppeals,
  markReversed,
  setSuspension,
  type ActionRow,
} from './repo';
import type { LogQuery, QueueQuery } from './schema';

/** The signed-in person's own moderation: whether they are suspended and why, and every action concerning them. */
export async function myModeration(ctx: Ctx, q: LogQuery): Promise<MyModeration> {
  const user = requireUser(ctx);
  const rows = await listActions(ctx.db, { targetId: user.id, beforeId: cursorId(q.cursor), limit: q.limit });
  const { items, next } = page(rows, q.limit, (r) => [r.id]);
  const described = await describeAll(
    ctx.db,
    items.map((r) => ({ type: r.subject_type, id: r.subject_id })),
  );
  const until = user.suspendedUntil ?? null;
  const suspension = until ? await currentSuspension(ctx.db, user.id) : undefined;
  return {
    suspendedUntil: until ? until.toISOString() : null,
    suspensionReason: suspension?.reason ?? null,
    items: items.map((r) => presentMyAction(r, described)),
    next,
  };
}

async function myAction(db: Db, userId: number, idParam: string): Promise<ActionRow> {
  const id = parseId(idParam);
  const row = id === null ? undefined : await findAction(db, id);
  // Someone else's action is as unknown as a missing one.
  if (!row || row.target_user_id !== userId) throw notFound();
  return row;
}

/** Appeals one action taken against the person, once. */
export async function appeal(ctx: Ctx, idParam: string, body: { text: string }): Promise<MyActionItem> {
  const user = requireUser(ctx);
  const action = await myAction(ctx.db, user.id, idParam);
  if (!APPEALABLE.has(action.kind)) throw conflict('moderation-appeal-not-allowed');
  if (action.reversed_at) throw conflict('moderation-appeal-reversed');
  if (action.appeal_id !== null) throw conflict('moderation-appeal-once');
  try {
    await ctx.db.transaction().execute(async (trx) => {
      const row = await insertAppeal(trx, { actionId: action.id, userId: user.id, text: body.text, at: ctx.now });
      await audit(trx, {
        ...actorOf(ctx),
        action: 'moderation.appeal',
        objectType: 'moderation_action',
        objectId: action.id,
        details: { appeal: row.id },
      });
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw conflict('moderation-appeal-once');
    throw err;
  }
  const fresh = await findAction(ctx.db, action.id);
  if (!fresh) throw notFound();
  return presentMyAction(fresh, await describeAll(ctx.db, [{ type: fresh.subject_type, id: fresh.subject_id }]));
}

/** Appeals for moderators: open ones oldest first, answered ones newest first. */
export async function appealQueue(ctx: Ctx, q: QueueQuery): Promise<AppealList> {
  await requireModerator(ctx, 'moderation.appeals.read');
  const rows = await listAppeals(ctx.db, q.status, cursorId(q.cursor), q.limit);
  const { items, next } = page(rows, q.limit, (r) => [r.id]);
  const actions = new Map(
    (
      await actionsByIds(
        ctx.db,
        items.map((r) => r.action_id),
      )
    ).map((a) => [a.id, a]),
  );
  const described = await describeAll(
    ctx.db,
    [...actions.values()].map((a) => ({ type: a.subject_type, id: a.subject_id })),
  );
  return {
    items: items.flatMap((r) => {
      const action = actions.get(r.action_id);
      return action ? [presentAppeal(r, action, described)] : [];
    }),
    next,
  };
}

/** Undoes what an action did, where it still stands: shows the content again, or lifts the suspension. */
async function reverse(trx: Db, action: ActionRow, by: number, answer: string, now: Date): Promise<string | null> {
  const subject = { type: action.subject_type, id: action.subject_id };
  if (action.kind === 'hide' && (await deleteHidden(trx, subject))) {
    await insertAction(trx, {
      kind: 'unhide',
      subject,
      targetId: action.target_user_id,
      moderatorId: by,
      reason: answer,
      at: now,
    });
    await closeReports(trx, { subject }, { status: 'dismissed', by, at: now });
    return 'unhide';
  }
  if (action.kind === 'suspend' && action.target_user_id !== null) {
    const current = await currentSuspension(trx, action.target_user_id);
    if (current?.id === action.id && current.suspended_until && current.suspended_until > now) {
      await setSuspension(trx, action.target_user_id, null);
      await insertAction(trx, {
        kind: 'unsuspend',
        subject,
        targetId: action.target_user_id,
        moderatorId: by,
        reason: answer,
        at: now,
      });
      return 'unsuspend';
    }
  }
  return null;
}

/** A moderator upholds or reverses an appeal with a written answer. */
export async function answerAppeal(
  ctx: Ctx,
  idParam: string,
  body: { decision: 'upheld' | 'reversed'; answer: string },
): Promise<AppealItem> {
  const user = await requireModerator(ctx, 'moderation.appeal.answer', { type: 'appeal', id: idParam });
  const id = parseId(idParam);
  const row = id === null ? undefined : await findAppeal(ctx.db, id);
  if (!row) throw notFound();
  if (row.status !== 'open') throw conflict('moderation-appeal-answered');
  // An appeal's action stays (appeals are deleted with their action).
  const action = await findAction(ctx.db, row.action_id);
  if (!action) throw notFound();
  const now = ctx.now;
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await answerAppealRow(trx, row.id, { status: body.decision, answer: body.answer, by: user.id, at: now })))
      throw conflict('moderation-appeal-answered');
    let undone: string | null = null;
    if (body.decision === 'reversed') {
      undone = await reverse(trx, action, user.id, body.answer, now);
      await markReversed(trx, action.id, now);
    }
    await audit(trx, {
      ...actorOf(ctx),
      action: 'moderation.appeal.answer',
      objectType: 'appeal',
      objectId: row.id,
      details: { decision: body.decision, action: action.id, undone },
    });
  });
  const fresh = await findAppeal(ctx.db, row.id);
  const freshAction = await findAction(ctx.db, action.id);
  if (!fresh || !freshAction) throw notFound();
  return presentAppeal(
    fresh,
    freshAction,
    await describeAll(ctx.db, [{ type: freshAction.subject_type, id: freshAction.subject_id }]),
  );
}
