// Moderators' actions, each with a written reason, logged in the moderation log and audited in the same
// transaction: hiding and unhiding content (which also reviews automatic hides and closes the item's open
// reports; showing an item again sends its Telegram posts held back meanwhile), warning, suspending for a time,
// and blocking an account (which ends its sessions and tokens).
import type { ActionItem, ActionList, PersonStatus } from '../../../contracts/moderation';
import type { Db } from '../../db/connection';
import { ensure } from '../../http/access';
import { actorOf, audit } from '../../http/audit';
import type { Ctx } from '../../http/context';
import { conflict, notFound } from '../../http/errors';
import { page } from '../../http/pagination';
import { releaseHeld } from '../telegram';
import { describeAll, requireModerator } from './access';
import { cursorId } from './cursor';
import { mayActOnContent, mayActOnPerson } from './policy';
import { presentAction } from './present';
import {
  blockAccount,
  closeReports,
  confirmHidden,
  deleteHidden,
  findAction,
  findHidden,
  insertAction,
  insertHidden,
  listActions,
  setSuspension,
  unblockAccount,
  warningCount,
} from './repo';
import type { LogQuery, SubjectActionBody } from './schema';
import { PERSON, contentTypes, loadPerson, loadSubject } from './subjects';
import type { ActionKind } from './tables';

async function presentOne(db: Db, id: number): Promise<ActionItem> {
  const a = await findAction(db, id);
  if (!a) throw notFound();
  return presentAction(a, await describeAll(db, [{ type: a.subject_type, id: a.subject_id }]));
}

/** Hides content with a reason; on content hidden automatically it confirms the hide. */
export async function hideContent(ctx: Ctx, body: SubjectActionBody): Promise<ActionItem> {
  const user = await requireModerator(ctx, 'moderation.hide');
  const subject = await loadSubject(ctx.db, body.subject.type, body.subject.id, contentTypes());
  await ensure(ctx, mayActOnContent(user, subject.ownerRoles), 'moderation.hide', {
    type: subject.type,
    id: subject.id,
  });
  const current = await findHidden(ctx.db, subject);
  if (current && !current.automatic) throw conflict('moderation-already-hidden', 'subject');
  const now = ctx.now;
  const id = await ctx.db.transaction().execute(async (trx) => {
    const action = await insertAction(trx, {
      kind: 'hide',
      subject,
      targetId: subject.ownerId,
      moderatorId: user.id,
      reason: body.reason,
      at: now,
    });
    if (current) await confirmHidden(trx, subject, { actionId: action.id, reason: body.reason });
    else if (
      !(await insertHidden(trx, subject, { actionId: action.id, reason: body.reason, automatic: false, at: now }))
    ) {
      throw conflict('moderation-already-hidden', 'subject');
    }
    const reports = await closeReports(trx, { subject }, { status: 'resolved', by: user.id, at: now });
    await audit(trx, {
      ...actorOf(ctx),
      action: 'moderation.hide',
      objectType: subject.type,
      objectId: subject.id,
      details: { action: action.id, reason: body.reason, confirmsAutomatic: !!current, reportsResolved: reports },
    });
    return action.id;
  });
  return presentOne(ctx.db, id);
}

/** Shows hidden content again; on content hidden automatically it restores it and dismisses the reports. */
export async function unhideContent(ctx: Ctx, body: SubjectActionBody): Promise<ActionItem> {
  const user = await requireModerator(ctx, 'moderation.unhide');
  const subject = await loadSubject(ctx.db, body.subject.type, body.subject.id, contentTypes());
  await ensure(ctx, mayActOnContent(user, subject.ownerRoles), 'moderation.unhide', {
    type: subject.type,
    id: subject.id,
  });
  const current = await findHidden(ctx.db, subject);
  if (!current) throw conflict('moderation-not-hidden', 'subject');
  const now = ctx.now;
  const id = await ctx.db.transaction().execute(async (trx) => {
    if (!(await deleteHidden(trx, subject))) throw conflict('moderation-not-hidden', 'subject');
    const action = await insertAction(trx, {
      kind: 'unhide',
      subject,
      targetId: subject.ownerId,
      moderatorId: user.id,
      reason: body.reason,
      at: now,
    });
    const reports = await closeReports(trx, { subject }, { status: 'dismissed', by: user.id, at: now });
    const posts = await releaseHeld(trx, subject, now);
    await audit(trx, {
      ...actorOf(ctx),
      action: 'moderation.unhide',
      objectType: subject.type,
      objectId: subject.id,
      details: {
        action: action.id,
        reason: body.reason,
        wasAutomatic: current.automatic,
        reportsDismissed: reports,
        telegramPostsReleased: posts,
      },
    });
    return action.id;
  });
  return presentOne(ctx.db, id);
}

type Person = Awaited<ReturnType<typeof loadPerson>>;

/**
 * One action on a person: permission first (moderator, then outranking the person), then whether the person's
 * state allows it (409 otherwise), then the change, the log entry and the audit in one transaction.
 */
async function actOnPerson(
  ctx: Ctx,
  idParam: string,
  kind: ActionKind,
  reason: string,
  change: {
    allowed: (p: Person, now: Date) => string | null;
    apply: (trx: Db, p: Person, now: Date) => Promise<Record<string, unknown>>;
    until?: (now: Date) => Date;
  },
): Promise<ActionItem> {
  const user = await requireModerator(ctx, `moderation.${kind}`, { type: 'user', id: idParam });
  const target = await loadPerson(ctx.db, idParam);
  await ensure(ctx, mayActOnPerson(user, target), `moderation.${kind}`, { type: 'user', id: target.id });
  const now = ctx.now;
  const refusal = change.allowed(target, now);
  if (refusal) throw conflict(refusal);
  const subject = { type: PERSON, id: target.id };
  const id = await ctx.db.transaction().execute(async (trx) => {
    const until = change.until?.(now) ?? null;
    const action = await insertAction(trx, {
      kind,
      subject,
      targetId: target.id,
      moderatorId: user.id,
      reason,
      suspendedUntil: until,
      at: now,
    });
    const details = await change.apply(trx, target, now);
    if (kind === 'warn' || kind === 'suspend' || kind === 'block')
      details.reportsResolved = await closeReports(trx, { subject }, { status: 'resolved', by: user.id, at: now });
    await audit(trx, {
      ...actorOf(ctx),
      action: `moderation.${kind}`,
      objectType: 'user',
      objectId: target.id,
      details: { action: action.id, reason, ...details },
    });
    return action.id;
  });
  return presentOne(ctx.db, id);
}

const suspended = (p: Person, now: Date) => !!p.suspended_until && p.suspended_until > now;

export const warnPerson = (ctx: Ctx, id: string, body: { reason: string }) =>
  actOnPerson(ctx, id, 'warn', body.reason, {
    allowed: (p) => (p.blocked_at ? 'moderation-person-blocked' : null),
    apply: () => Promise.resolve({}),
  });

export function suspendPerson(ctx: Ctx, id: string, body: { reason: string; hours: number }) {
  const until = (now: Date) => new Date(now.getTime() + body.hours * 3600 * 1000);
  return actOnPerson(ctx, id, 'suspend', body.reason, {
    allowed: (p) => (p.blocked_at ? 'moderation-person-blocked' : null),
    until,
    apply: async (trx, p, now) => {
      await setSuspension(trx, p.id, until(now));
      return {
        until: until(now).toISOString(),
        replaces: p.suspended_until && p.suspended_until > now ? p.suspended_until.toISOString() : null,
      };
    },
  });
}

export const unsuspendPerson = (ctx: Ctx, id: string, body: { reason: string }) =>
  actOnPerson(ctx, id, 'unsuspend', body.reason, {
    allowed: (p, now) => (suspended(p, now) ? null : 'moderation-not-suspended'),
    apply: async (trx, p) => {
      await setSuspension(trx, p.id, null);
      return {};
    },
  });

export const blockPerson = (ctx: Ctx, id: string, body: { reason: string }) =>
  actOnPerson(ctx, id, 'block', body.reason, {
    allowed: (p) => (p.blocked_at ? 'moderation-person-blocked' : null),
    apply: (trx, p, now) => blockAccount(trx, p.id, now),
  });

export const unblockPerson = (ctx: Ctx, id: string, body: { reason: string }) =>
  actOnPerson(ctx, id, 'unblock', body.reason, {
    allowed: (p) => (p.blocked_at ? null : 'moderation-not-blocked'),
    apply: async (trx, p) => {
      await unblockAccount(trx, p.id);
      return {};
    },
  });

/** The moderation log, newest first. */
export async function moderationLog(ctx: Ctx, q: LogQuery): Promise<ActionList> {
  await requireModerator(ctx, 'moderation.log.read');
  const rows = await listActions(ctx.db, { beforeId: cursorId(q.cursor), limit: q.limit });
  const { items, next } = page(rows, q.limit, (r) => [r.id]);
  const described = await describeAll(
    ctx.db,
    items.map((r) => ({ type: r.subject_type, id: r.subject_id })),
  );
  return { items: items.map((r) => presentAction(r, described)), next };
}

/** A person's standing, for the moderators' tools on their page. */
export async function personStatus(ctx: Ctx, idParam: string): Promise<PersonStatus> {
  const user = await requireModerator(ctx, 'moderation.person.read', { type: 'user', id: idParam });
  const p = await loadPerson(ctx.db, idParam);
  const until = p.suspended_until;
  return {
    id: String(p.id),
    username: p.username,
    roles: p.roles,
    blocked: !!p.blocked_at,
    suspendedUntil: until && until > ctx.now ? until.toISOString() : null,
    warnings: await warningCount(ctx.db, p.id),
    can: { act: mayActOnPerson(user, p) },
  };
}
