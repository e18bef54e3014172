// Calls for collaborators: the leads open a call (goals, jobs with places, a timeframe and a sign-up deadline);
// people sign up for a job or offer general help; the leads accept or decline them. A job never has more
// accepted people than places, even when two leads accept at once: acceptance locks the job's row. The call
// closes when every job is full or when its deadline passes, and the people still waiting are told either way.
import { contentChanged } from '../../../http/content-cache';
import { initiativeKey } from '../../../../contracts/initiatives';
import type { Call, Signup, SignupList } from '../../../../contracts/initiatives-answers';
import type { SignupAnswer } from '../../../../contracts/notifications';
import type { Db } from '../../../db/connection';
import type { Ctx } from '../../../http/context';
import { actorOf, audit } from '../../../http/audit';
import { ensure, requireUser } from '../../../http/access';
import { badRequest, conflict, notFound } from '../../../http/errors';
import { decodeTimeIdCursor, page } from '../../../http/pagination';
import type { JobHandler } from '../../../jobs/queue';
import { parseId } from '../../conversations';
import { announce } from '../../telegram';
import { ensureReadable, loadInitiative, manage, todayOf } from '../access';
import {
  acceptedOf,
  callsPastDeadline,
  closeCall,
  decideSignup,
  deleteJobs,
  everyJobFull,
  findCall,
  findSignup,
  insertJob,
  insertSignup,
  jobsOf,
  jobTitle,
  listSignups,
  lockJob,
  saveCall,
  updateJob,
  waitingPeople,
  withdrawSignup,
} from './repo';
import { follows, tellPeople } from '../notify';
import { CALL_STAGES, mayWithdrawSignup, takesSignups } from './policy';
import { presentCall, presentSignup } from './present';
import { findInitiative, leadIds, touch } from '../repo';
import type { CallBody, SignupsQuery } from './schema';
import type { SignupStatus } from '../tables';

/** Closes the call (once) and tells the people still waiting. */
export async function closeAndTell(
  db: Db,
  initiative: { id: number; title: string },
  reason: 'full' | 'deadline',
  actorId: number | null,
  at: Date,
) {
  if (!(await closeCall(db, initiative.id, reason, at))) return false;
  await tellPeople(db, 'call_closed', await waitingPeople(db, initiative.id), {
    initiative,
    actorId,
    at,
    anchor: 'call',
  });
  return true;
}

async function callAnswer(ctx: Ctx, initiativeId: number): Promise<Call> {
  const [row, call, jobs, accepted] = await Promise.all([
    findInitiative(ctx.db, initiativeId, todayOf(ctx)),
    findCall(ctx.db, initiativeId),
    jobsOf(ctx.db, initiativeId),
    acceptedOf(ctx.db, initiativeId),
  ]);
  // Both were just written (or read) by the use case that answers with them.
  if (!row || !call) throw notFound();
  return presentCall(call, jobs, accepted, row);
}

export async function putCall(ctx: Ctx, idParam: string, body: CallBody): Promise<Call> {
  const { user, row } = await manage(ctx, idParam, 'initiative.call');
  if (!CALL_STAGES.includes(row.stage)) throw conflict('initiatives-call-stage', 'stage');
  const at = ctx.now;
  const today = todayOf(ctx);
  const deadline = body.deadline ?? body.start;
  const before = await findCall(ctx.db, row.id);
  await ctx.db.transaction().execute(async (trx) => {
    // Lock the jobs so that no acceptance runs while places change.
    await trx.selectFrom('initiative_jobs').select('id').where('initiative_id', '=', row.id).forUpdate().execute();
    const existing = new Map((await jobsOf(trx, row.id)).map((j) => [String(j.id), j]));
    const kept = new Set<string>();
    body.jobs.forEach((j, i) => {
      if (j.id === undefined) return;
      const old = existing.get(j.id);
      if (!old) throw badRequest([{ field: `jobs.${i}.id`, message: 'initiatives-job-unknown' }]);
      if (j.places < Number(old.filled))
        throw conflict('initiatives-places-below-filled', `jobs.${i}.places`, [Number(old.filled)]);
      kept.add(j.id);
    });
    const removed = [...existing.values()].filter((j) => !kept.has(String(j.id)));
    const busy = removed.find((j) => Number(j.filled) + Number(j.waiting) > 0);
    if (busy) throw conflict('initiatives-job-has-signups', 'jobs', [busy.title]);
    await deleteJobs(
      trx,
      removed.map((j) => j.id),
    );
    for (const [position, j] of body.jobs.entries()) {
      const values = {
        title: j.title,
        description: j.description,
        places: j.places,
        skills: j.skills ?? [],
        commitment: j.commitment ?? '',
        position,
      };
      if (j.id) await updateJob(trx, Number(j.id), values);
      else await insertJob(trx, row.id, values);
    }
    // A call whose jobs are all full stays (or becomes) closed; one with room and a deadline to come is open.
    const full = await everyJobFull(trx, row.id);
    const reopen = deadline >= today && !full;
    await saveCall(trx, row.id, {
      goals: body.goals,
      start: body.start,
      end: body.end,
      deadline,
      howToJoin: body.howToJoin ?? '',
      at,
      reopen,
    });
    if (row.stage === 'idea')
      await trx
        .updateTable('initiatives')
        .set({ stage: 'recruiting' })
        .where('id', '=', row.id)
        .where('stage', '=', 'idea')
        .execute();
    await touch(trx, row.id, at);
    await audit(trx, {
      ...actorOf(ctx),
      action: before ? 'initiative.call.update' : 'initiative.call.open',
      objectType: 'initiative',
      objectId: row.id,
      details: { jobs: body.jobs.length, deadline, removedJobs: removed.map((j) => j.id) },
    });
    // Closing tells the people waiting, once: a call that was closed already stays closed quietly.
    if (full) await closeAndTell(trx, row, 'full', user.id, at);
    // A newly opened call is announced on the channel (once per initiative).
    if (!before && reopen) {
      await announce(trx, ctx.deps, {
        event: 'call',
        subject: { type: 'initiative', id: row.id },
        language: row.languages[0] ?? ctx.lang,
        title: row.title,
        path: `/initiatives/${row.id}`,
      });
    }
  });
  return callAnswer(ctx, row.id);
}

export async function signUp(
  ctx: Ctx,
  idParam: string,
  jobParam: string | null,
  message: string | undefined,
): Promise<Signup> {
  const user = requireUser(ctx);
  const row = await loadInitiative(ctx, idParam);
  await ensureReadable(ctx, user, row);
  let jobId: number | null = null;
  if (jobParam !== null) {
    jobId = parseId(jobParam);
    const job = jobId === null ? undefined : (await jobsOf(ctx.db, row.id)).find((j) => j.id === jobId);
    if (!job) throw notFound();
  }
  // Sign-ups only while the call is open: the initiative recruiting or active, before the deadline, a place left.
  if (row.call_state === null) throw conflict('initiatives-call-closed');
  if (!takesSignups(row.stage))
    throw conflict('initiatives-signup-closed-stage', undefined, [ctx.t(initiativeKey('stage', row.stage))]);
  if (row.call_state !== 'open') throw conflict('initiatives-call-closed');
  const at = ctx.now;
  const id = await ctx.db.transaction().execute(async (trx) => {
    const newId = await insertSignup(trx, { initiativeId: row.id, jobId, userId: user.id, message: message ?? '', at });
    if (newId === null) throw conflict('initiatives-already-signed-up');
    // The leads hear of it, to answer from the waiting list.
    await tellPeople(trx, 'new_signup', await leadIds(trx, row.id), {
      initiative: row,
      actorId: user.id,
      at,
      anchor: 'call',
      object: { type: 'signup', id: newId },
    });
    await follows(trx, user.id, row.id, at);
    await touch(trx, row.id, at);
    await audit(trx, {
      ...actorOf(ctx),
      action: 'initiative.signup',
      objectType: 'initiative',
      objectId: row.id,
      details: { signup: newId, job: jobId },
    });
    return newId;
  });
  return presentSignup(await loadSignup(ctx, row.id, String(id)));
}

async function loadSignup(ctx: Ctx, initiativeId: number, signupParam: string) {
  const id = parseId(signupParam);
  const s = id === null ? undefined : await findSignup(ctx.db, id);
  if (!s || s.initiative_id !== initiativeId) throw notFound();
  return s;
}

export async function decide(
  ctx: Ctx,
  idParam: string,
  signupParam: string,
  status: 'accepted' | 'declined',
): Promise<Signup> {
  const { user, row } = await manage(
    ctx,
    idParam,
    status === 'accepted' ? 'initiative.signup.accept' : 'initiative.signup.decline',
  );
  const s = await loadSignup(ctx, row.id, signupParam);
  if (s.status !== 'pending') throw conflict('initiatives-signup-decided');
  const at = ctx.now;
  await ctx.db.transaction().execute(async (trx) => {
    if (status === 'accepted' && s.job_id !== null) {
      // Held until commit: a second acceptance into this job waits here, then counts this one.
      const job = await lockJob(trx, s.job_id);
      if (!job) throw notFound();
      if (job.filled >= job.places) throw conflict('initiatives-job-full');
    }
    if (!(await decideSignup(trx, s.id, status, user.id, at))) throw conflict('initiatives-signup-decided');
    // The person hears which answer, and for which job (or for general help).
    const job = s.job_id === null ? undefined : await jobTitle(trx, s.job_id);
    const answer: SignupAnswer = `${job === undefined ? 'help' : 'signup'}_${status}`;
    await tellPeople(trx, 'signup_answered', [s.user_id], {
      initiative: row,
      actorId: user.id,
      at,
      anchor: 'call',
      object: { type: answer, id: s.id, ...(job === undefined ? {} : { title: job }) },
    });
    await touch(trx, row.id, at);
    await audit(trx, {
      ...actorOf(ctx),
      action: `initiative.signup.${status === 'accepted' ? 'accept' : 'decline'}`,
      objectType: 'initiative',
      objectId: row.id,
      details: { signup: s.id, job: s.job_id },
    });
    if (status === 'accepted' && s.job_id !== null && (await everyJobFull(trx, row.id)))
      await closeAndTell(trx, row, 'full', user.id, at);
  });
  return presentSignup(await loadSignup(ctx, row.id, String(s.id)));
}

/** The person takes back their own sign-up (an accepted one frees its place). */
export async function withdraw(ctx: Ctx, idParam: string, signupParam: string): Promise<void> {
  const user = requireUser(ctx);
  const row = await loadInitiative(ctx, idParam);
  const s = await loadSignup(ctx, row.id, signupParam);
  await ensure(ctx, mayWithdrawSignup(user, s), 'initiative.signup.withdraw', { type: 'initiative', id: row.id });
  await ctx.db.transaction().execute(async (trx) => {
    if (s.job_id !== null) await lockJob(trx, s.job_id);
    if (!(await withdrawSignup(trx, s.id, ctx.now))) throw notFound();
    await audit(trx, {
      ...actorOf(ctx),
      action: 'initiative.signup.withdraw',
      objectType: 'initiative',
      objectId: row.id,
      details: { signup: s.id },
    });
  });
}

export async function signupsPage(ctx: Ctx, idParam: string, q: SignupsQuery): Promise<SignupList> {
  const { row } = await manage(ctx, idParam, 'initiative.signups.read');
  const status = (q.status ?? 'pending') as SignupStatus;
  if (!['pending', 'accepted', 'declined', 'withdrawn'].includes(status))
    throw badRequest([{ field: 'status', message: 'validation-invalid-choice' }]);
  const rows = await listSignups(ctx.db, row.id, status, decodeTimeIdCursor(q.cursor), q.limit);
  const { items, next } = page(rows, q.limit, (r) => [r.created_at.toISOString(), r.id]);
  return { items: items.map(presentSignup), next };
}

// --- deadlines: a call whose deadline day (UTC) has passed is closed (reads show it closed at once), and the
// people still waiting are told. Deadlines are dates, so one check just after midnight UTC is enough.

export const DEADLINE_JOB = 'initiatives.call-deadlines';
export const afterMidnight = (after: Date) => {
  const d = new Date(Date.UTC(after.getUTCFullYear(), after.getUTCMonth(), after.getUTCDate(), 0, 5));
  return d > after ? d : new Date(d.getTime() + 86400_000);
};

export async function closePastDeadlines(db: Db, now: Date): Promise<number> {
  const today = now.toISOString().slice(0, 10);
  let closed = 0;
  for (;;) {
    const due = await callsPastDeadline(db, today, 50);
    if (due.length === 0) return closed;
    for (const { initiative_id } of due) {
      await db.transaction().execute(async (trx) => {
        const row = await trx
          .selectFrom('initiatives')
          .select(['id', 'title'])
          .where('id', '=', initiative_id)
          .executeTakeFirstOrThrow();
        if (await closeAndTell(trx, row, 'deadline', null, now)) {
          closed++;
          // Pages kept for anonymous visitors are rendered again (the content version moves, as on any change).
          await contentChanged(trx);
        }
      });
    }
  }
}

/** The deadline check (registered by index.ts as a daily schedule). */
export const deadlineJob: JobHandler = async (_payload, job) => void (await closePastDeadlines(job.db, job.runAt));
