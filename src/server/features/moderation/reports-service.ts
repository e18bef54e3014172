// Reports: anyone signed in reports content or a person, once while the report is open; moderators read the
// queue and close reports. Content is hidden automatically once enough members with accounts at least a
// week old have reported it, until a moderator reviews it.
import type { OwnReport, ReportItem, ReportList } from '../../../contracts/moderation';
import type { Db } from '../../db/connection';
import { isUniqueViolation } from '../../db/errors';
import { actorOf, audit } from '../../http/audit';
import { badRequest, conflict, notFound } from '../../http/errors';
import { page } from '../../http/pagination';
import { requireUser } from '../../http/access';
import type { Ctx } from '../../http/context';
import { parseId } from '../conversations';
import { cursorId } from './cursor';
import { describeAll, requireModerator } from './access';
import { presentOwnReport, presentReport } from './present';
import {
  closeReports,
  findHidden,
  findReport,
  hideVotes,
  insertAction,
  insertHidden,
  insertReport,
  listReports,
} from './repo';
import type { CreateReportBody, QueueQuery } from './schema';
import { isContentType, loadSubject, reportableTypes, type ModerationSubject } from './subjects';

const DAY_MS = 24 * 3600 * 1000;

/** Hides the item when enough members reported it (content of moderators and admins waits for a person). */
async function autoHide(ctx: Ctx, trx: Db, subject: ModerationSubject, now: Date) {
  if (!isContentType(subject.type) || subject.ownerRoles.includes('moderator') || subject.ownerRoles.includes('admin'))
    return;
  if (await findHidden(trx, subject)) return;
  const votes = await hideVotes(trx, subject);
  if (votes < ctx.config.moderation.reportHideThreshold) return;
  const action = await insertAction(trx, {
    kind: 'hide',
    subject,
    targetId: subject.ownerId,
    moderatorId: null,
    automatic: true,
    reason: '',
    at: now,
  });
  if (!(await insertHidden(trx, subject, { actionId: action.id, reason: '', automatic: true, at: now }))) {
    await trx.deleteFrom('moderation_actions').where('id', '=', action.id).execute();
    return;
  }
  await audit(trx, {
    actorId: null,
    action: 'moderation.auto_hide',
    objectType: subject.type,
    objectId: subject.id,
    details: { reports: votes },
  });
}

export async function fileReport(ctx: Ctx, body: CreateReportBody): Promise<OwnReport> {
  const user = requireUser(ctx);
  const db = ctx.db;
  const subject = await loadSubject(db, body.subject.type, body.subject.id, reportableTypes());
  if (subject.ownerId === user.id) throw badRequest([{ field: 'subject', message: 'moderation-report-own' }]);
  if (body.reason === 'other' && body.text === '')
    throw badRequest([{ field: 'text', message: 'moderation-report-text-needed' }]);
  const now = ctx.now;
  const reporter = await db
    .selectFrom('users')
    .select('created_at')
    .where('id', '=', user.id)
    .executeTakeFirstOrThrow();
  const countsToHide =
    now.getTime() - reporter.created_at.getTime() >= ctx.config.moderation.reporterMinAgeDays * DAY_MS;
  try {
    return await db.transaction().execute(async (trx) => {
      const row = await insertReport(trx, {
        subject,
        ownerId: subject.ownerId,
        reporterId: user.id,
        reason: body.reason,
        text: body.text,
        countsToHide,
        at: now,
      });
      await audit(trx, {
        ...actorOf(ctx),
        action: 'report.create',
        objectType: 'report',
        objectId: row.id,
        details: { subject: { type: subject.type, id: subject.id }, reason: body.reason },
      });
      if (countsToHide) await autoHide(ctx, trx, subject, now);
      return presentOwnReport(row);
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw conflict('moderation-report-exists', 'subject');
    throw err;
  }
}

/** The queue: open reports oldest first, or closed ones newest first. Moderators and admins only. */
export async function reportQueue(ctx: Ctx, q: QueueQuery): Promise<ReportList> {
  await requireModerator(ctx, 'moderation.reports.read');
  const rows = await listReports(ctx.db, q.status, cursorId(q.cursor), q.limit);
  const { items, next } = page(rows, q.limit, (r) => [r.id]);
  const described = await describeAll(
    ctx.db,
    items.map((r) => ({ type: r.subject_type, id: r.subject_id })),
  );
  return { items: items.map((r) => presentReport(r, described)), next };
}

/** Resolves or dismisses one open report, with an optional note for the other moderators. */
export async function closeReport(
  ctx: Ctx,
  idParam: string,
  body: { outcome: 'resolved' | 'dismissed'; note?: string },
): Promise<ReportItem> {
  const user = await requireModerator(ctx, 'moderation.report.close', { type: 'report', id: idParam });
  const id = parseId(idParam);
  const row = id === null ? undefined : await findReport(ctx.db, id);
  if (!row) throw notFound();
  if (row.status !== 'open') throw conflict('moderation-report-closed');
  await ctx.db.transaction().execute(async (trx) => {
    const n = await closeReports(
      trx,
      { id: row.id },
      { status: body.outcome, by: user.id, at: ctx.now, note: body.note ?? null },
    );
    if (n === 0) throw conflict('moderation-report-closed');
    await audit(trx, {
      ...actorOf(ctx),
      action: 'moderation.report.close',
      objectType: 'report',
      objectId: row.id,
      details: { outcome: body.outcome },
    });
  });
  const closed = await findReport(ctx.db, row.id);
  if (!closed) throw notFound();
  return presentReport(closed, await describeAll(ctx.db, [{ type: closed.subject_type, id: closed.subject_id }]));
}
