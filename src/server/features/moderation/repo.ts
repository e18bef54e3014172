// SQL for moderation: reports, the moderation log (actions), hidden content, appeals, and the suspension and
// block columns of users.
import { sql } from 'kysely';
import type { Db } from '../../db/connection';
import type { ActionKind, ReportReason } from './tables';

export interface SubjectKey {
  type: string;
  id: number;
}

// Reports

export const insertReport = (
  db: Db,
  v: {
    subject: SubjectKey;
    ownerId: number | null;
    reporterId: number;
    reason: ReportReason;
    text: string;
    countsToHide: boolean;
    at: Date;
  },
) =>
  db
    .insertInto('moderation_reports')
    .values({
      subject_type: v.subject.type,
      subject_id: v.subject.id,
      subject_user_id: v.ownerId,
      reporter_id: v.reporterId,
      reason: v.reason,
      text: v.text,
      counts_to_hide: v.countsToHide,
      closed_by: null,
      closed_at: null,
      note: null,
      created_at: v.at,
    })
    .returning(['id', 'subject_type', 'subject_id', 'reason', 'text', 'status', 'created_at'])
    .executeTakeFirstOrThrow();

/** Different members with open reports on the item whose accounts were old enough when they reported. */
export async function hideVotes(db: Db, s: SubjectKey): Promise<number> {
  const row = await db
    .selectFrom('moderation_reports')
    .select(sql<number>`count(distinct reporter_id)`.as('n'))
    .where('subject_type', '=', s.type)
    .where('subject_id', '=', s.id)
    .where('status', '=', 'open')
    .where('counts_to_hide', '=', true)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

const selectReports = (db: Db) =>
  db
    .selectFrom('moderation_reports as r')
    .leftJoin('users as rep', 'rep.id', 'r.reporter_id')
    .leftJoin('users as own', 'own.id', 'r.subject_user_id')
    .leftJoin('moderation_hidden as h', (j) =>
      j.onRef('h.subject_type', '=', 'r.subject_type').onRef('h.subject_id', '=', 'r.subject_id'),
    )
    .select([
      'r.id',
      'r.subject_type',
      'r.subject_id',
      'r.subject_user_id',
      'r.reporter_id',
      'r.reason',
      'r.text',
      'r.status',
      'r.note',
      'r.created_at',
      'r.closed_at',
      'rep.username as reporter_username',
      'rep.display_name as reporter_display_name',
      'rep.public_fields as reporter_public_fields',
      'own.username as owner_username',
      'own.display_name as owner_display_name',
      'own.public_fields as owner_public_fields',
      'h.reason as hidden_reason',
      'h.automatic as hidden_automatic',
      sql<number>`(select count(*) from moderation_reports o where o.subject_type = r.subject_type and o.subject_id = r.subject_id and o.status = 'open')`.as(
        'open_reports',
      ),
    ]);

export type ReportRow = Awaited<ReturnType<ReturnType<typeof selectReports>['executeTakeFirstOrThrow']>>;

export const findReport = (db: Db, id: number): Promise<ReportRow | undefined> =>
  selectReports(db).where('r.id', '=', id).executeTakeFirst();

/** Open reports oldest first (a queue); closed ones newest first. Keyset on id; limit+1 rows. */
export function listReports(
  db: Db,
  status: 'open' | 'closed',
  afterId: number | null,
  limit: number,
): Promise<ReportRow[]> {
  let q = selectReports(db);
  if (status === 'open') {
    q = q.where('r.status', '=', 'open');
    if (afterId !== null) q = q.where('r.id', '>', afterId);
    return q
      .orderBy('r.id', 'asc')
      .limit(limit + 1)
      .execute();
  }
  q = q.where('r.status', '<>', 'open');
  if (afterId !== null) q = q.where('r.id', '<', afterId);
  return q
    .orderBy('r.id', 'desc')
    .limit(limit + 1)
    .execute();
}

/** Closes one open report, or every open report on an item; answers how many were closed. */
export async function closeReports(
  db: Db,
  which: { id: number } | { subject: SubjectKey },
  v: { status: 'resolved' | 'dismissed'; by: number; at: Date; note?: string | null },
): Promise<number> {
  let q = db
    .updateTable('moderation_reports')
    .set({ status: v.status, closed_by: v.by, closed_at: v.at, note: v.note ?? null })
    .where('status', '=', 'open');
  q =
    'id' in which
      ? q.where('id', '=', which.id)
      : q.where('subject_type', '=', which.subject.type).where('subject_id', '=', which.subject.id);
  const res = await q.executeTakeFirst();
  return Number(res.numUpdatedRows);
}

// Actions (the moderation log)

export const insertAction = (
  db: Db,
  v: {
    kind: ActionKind;
    subject: SubjectKey;
    targetId: number | null;
    moderatorId: number | null;
    automatic?: boolean;
    reason: string;
    suspendedUntil?: Date | null;
    at: Date;
  },
) =>
  db
    .insertInto('moderation_actions')
    .values({
      kind: v.kind,
      subject_type: v.subject.type,
      subject_id: v.subject.id,
      target_user_id: v.targetId,
      moderator_id: v.moderatorId,
      automatic: v.automatic ?? false,
      reason: v.reason,
      suspended_until: v.suspendedUntil ?? null,
      reversed_at: null,
      created_at: v.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();

const selectActions = (db: Db) =>
  db
    .selectFrom('moderation_actions as a')
    .leftJoin('users as t', 't.id', 'a.target_user_id')
    .leftJoin('users as m', 'm.id', 'a.moderator_id')
    .leftJoin('moderation_appeals as ap', 'ap.action_id', 'a.id')
    .select([
      'a.id',
      'a.kind',
      'a.subject_type',
      'a.subject_id',
      'a.target_user_id',
      'a.moderator_id',
      'a.automatic',
      'a.reason',
      'a.suspended_until',
      'a.reversed_at',
      'a.created_at',
      't.username as target_username',
      't.display_name as target_display_name',
      't.public_fields as target_public_fields',
      'm.username as moderator_username',
      'm.display_name as moderator_display_name',
      'm.public_fields as moderator_public_fields',
      'ap.id as appeal_id',
      'ap.text as appeal_text',
      'ap.status as appeal_status',
      'ap.answer as appeal_answer',
      'ap.created_at as appeal_created_at',
      'ap.answered_at as appeal_answered_at',
    ]);

export type ActionRow = Awaited<ReturnType<ReturnType<typeof selectActions>['executeTakeFirstOrThrow']>>;

export const findAction = (db: Db, id: number): Promise<ActionRow | undefined> =>
  selectActions(db).where('a.id', '=', id).executeTakeFirst();

/** The log newest first, all of it or the actions concerning one person; limit+1 rows. */
export function listActions(
  db: Db,
  f: { targetId?: number; beforeId: number | null; limit: number },
): Promise<ActionRow[]> {
  let q = selectActions(db);
  if (f.targetId !== undefined) q = q.where('a.target_user_id', '=', f.targetId);
  if (f.beforeId !== null) q = q.where('a.id', '<', f.beforeId);
  return q
    .orderBy('a.id', 'desc')
    .limit(f.limit + 1)
    .execute();
}

export const markReversed = (db: Db, id: number, at: Date) =>
  db.updateTable('moderation_actions').set({ reversed_at: at }).where('id', '=', id).execute();

/** The reason of the suspension in force: the latest suspension action not reversed. */
export const currentSuspension = (db: Db, userId: number) =>
  db
    .selectFrom('moderation_actions')
    .select(['id', 'reason', 'suspended_until'])
    .where('target_user_id', '=', userId)
    .where('kind', '=', 'suspend')
    .where('reversed_at', 'is', null)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();

export async function warningCount(db: Db, userId: number): Promise<number> {
  const row = await db
    .selectFrom('moderation_actions')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('target_user_id', '=', userId)
    .where('kind', '=', 'warn')
    .where('reversed_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

// Hidden content

export const findHidden = (db: Db, s: SubjectKey) =>
  db
    .selectFrom('moderation_hidden')
    .selectAll()
    .where('subject_type', '=', s.type)
    .where('subject_id', '=', s.id)
    .executeTakeFirst();

/** Hides an item; false when it already is (another request got there first). */
export async function insertHidden(
  db: Db,
  s: SubjectKey,
  v: { actionId: number; reason: string; automatic: boolean; at: Date },
): Promise<boolean> {
  const rows = await db
    .insertInto('moderation_hidden')
    .values({
      subject_type: s.type,
      subject_id: s.id,
      action_id: v.actionId,
      reason: v.reason,
      automatic: v.automatic,
      hidden_at: v.at,
    })
    .onConflict((oc) => oc.columns(['subject_type', 'subject_id']).doNothing())
    .returning('action_id')
    .execute();
  return rows.length > 0;
}

/** A moderator confirms an automatic hide: it keeps the item hidden, now with their reason. */
export const confirmHidden = (db: Db, s: SubjectKey, v: { actionId: number; reason: string }) =>
  db
    .updateTable('moderation_hidden')
    .set({ action_id: v.actionId, reason: v.reason, automatic: false })
    .where('subject_type', '=', s.type)
    .where('subject_id', '=', s.id)
    .execute();

export async function deleteHidden(db: Db, s: SubjectKey): Promise<boolean> {
  const res = await db
    .deleteFrom('moderation_hidden')
    .where('subject_type', '=', s.type)
    .where('subject_id', '=', s.id)
    .executeTakeFirst();
  return Number(res.numDeletedRows) > 0;
}

// Suspensions and blocks

export const setSuspension = (db: Db, userId: number, until: Date | null) =>
  db.updateTable('users').set({ suspended_until: until }).where('id', '=', userId).execute();

/** Blocks an account: it is marked, and every session and personal token it has ends. */
export async function blockAccount(db: Db, userId: number, at: Date) {
  await db.updateTable('users').set({ blocked_at: at }).where('id', '=', userId).execute();
  const sessions = await db.deleteFrom('sessions').where('user_id', '=', userId).executeTakeFirst();
  const tokens = await db
    .updateTable('api_tokens')
    .set({ revoked_at: at })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return { sessions: Number(sessions.numDeletedRows), tokens: Number(tokens.numUpdatedRows) };
}

export const unblockAccount = (db: Db, userId: number) =>
  db.updateTable('users').set({ blocked_at: null }).where('id', '=', userId).execute();

// Appeals

export const insertAppeal = (db: Db, v: { actionId: number; userId: number; text: string; at: Date }) =>
  db
    .insertInto('moderation_appeals')
    .values({
      action_id: v.actionId,
      user_id: v.userId,
      text: v.text,
      answer: null,
      answered_by: null,
      answered_at: null,
      created_at: v.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();

const selectAppeals = (db: Db) =>
  db
    .selectFrom('moderation_appeals as ap')
    .leftJoin('users as p', 'p.id', 'ap.user_id')
    .select([
      'ap.id',
      'ap.action_id',
      'ap.user_id',
      'ap.text',
      'ap.status',
      'ap.answer',
      'ap.created_at',
      'ap.answered_at',
      'p.username',
      'p.display_name',
      'p.public_fields',
    ]);

export type AppealRow = Awaited<ReturnType<ReturnType<typeof selectAppeals>['executeTakeFirstOrThrow']>>;

export const findAppeal = (db: Db, id: number): Promise<AppealRow | undefined> =>
  selectAppeals(db).where('ap.id', '=', id).executeTakeFirst();

/** Open appeals oldest first; answered ones newest first; limit+1 rows. */
export function listAppeals(
  db: Db,
  status: 'open' | 'closed',
  afterId: number | null,
  limit: number,
): Promise<AppealRow[]> {
  let q = selectAppeals(db);
  if (status === 'open') {
    q = q.where('ap.status', '=', 'open');
    if (afterId !== null) q = q.where('ap.id', '>', afterId);
    return q
      .orderBy('ap.id', 'asc')
      .limit(limit + 1)
      .execute();
  }
  q = q.where('ap.status', '<>', 'open');
  if (afterId !== null) q = q.where('ap.id', '<', afterId);
  return q
    .orderBy('ap.id', 'desc')
    .limit(limit + 1)
    .execute();
}

/** Answers an open appeal; false when someone answered it first. */
export async function answerAppeal(
  db: Db,
  id: number,
  v: { status: 'upheld' | 'reversed'; answer: string; by: number; at: Date },
): Promise<boolean> {
  const res = await db
    .updateTable('moderation_appeals')
    .set({ status: v.status, answer: v.answer, answered_by: v.by, answered_at: v.at })
    .where('id', '=', id)
    .where('status', '=', 'open')
    .executeTakeFirst();
  return Number(res.numUpdatedRows) > 0;
}

export const actionsByIds = (db: Db, ids: number[]) =>
  ids.length === 0 ? Promise.resolve([] as ActionRow[]) : selectActions(db).where('a.id', 'in', ids).execute();
