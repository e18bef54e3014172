// Calls for collaborators: the leads open a call (goals, jobs with places, a timeframe and a sign-up deadline);
// people sign up for a job or offer general help; the leads accept or decline them. A job never has more
// accepted people than places, even when two leads accept at once: acceptance locks the job's row. The call
// closes when every job is full or when its deadline passes, and the people still waiting are told either way.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { sql } from 'kysely';
import type { Db } from '../../db/connection';
import { actorOf, audit } from '../../http/audit';
import { badRequest, conflict, notFound } from '../../http/errors';
import { decodeTimeIdCursor, page } from '../../http/pagination';
import { ensure, requireUser } from '../../http/permissions';
import { registerSchedule } from '../../jobs/queue';
import { parseId } from '../conversations/subjects';
import { announce } from '../telegram/service';
import { ensureReadable, loadInitiative, manage, todayOf } from './access';
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
  listSignups,
  lockJob,
  saveCall,
  updateJob,
  waitingPeople,
  withdrawSignup,
} from './call-repo';
import { follows, tellPeople } from './notify';
import { presentCall, presentSignup } from './present';
import { findInitiative, leadIds, touch } from './repo';
import type { CallBody } from './schema';
import type { SignupStatus } from './tables';

const CALL_STAGES = ['idea', 'recruiting', 'active'];

/** Closes the call (once) and tells the people still waiting. */
export async function closeAndTell(db: Db, initiative: { id: number; title: string }, reason: 'full' | 'deadline', actorId: number | null, at: Date) {
  if (!(await closeCall(db, initiative.id, reason, at))) return false;
  await tellPeople(db, 'call_closed', await waitingPeople(db, initiative.id), { initiative, actorId, at, anchor: 'call' });
  return true;
}

async function callAnswer(app: FastifyInstance, initiativeId: number) {
  const [row, call, jobs, accepted] = await Promise.all([
    findInitiative(app.db, initiativeId, todayOf(app)),
    findCall(app.db, initiativeId),
    jobsOf(app.db, initiativeId),
    acceptedOf(app.db, initiativeId),
  ]);
  return presentCall(call!, jobs, accepted, row!.call_state === 'open' ? 'open' : 'closed');
}

export async function putCall(app: FastifyInstance, req: FastifyRequest, idParam: string, body: CallBody) {
  const { user, row } = await manage(app, req, idParam, 'initiative.call');
  if (!CALL_STAGES.includes(row.stage)) throw conflict('initiatives-call-stage', 'stage');
  const at = app.deps.clock.now();
  const today = todayOf(app);
  const deadline = body.deadline ?? body.start;
  const before = await findCall(app.db, row.id);
  await app.db.transaction().execute(async (trx) => {
    // Lock the jobs so that no acceptance runs while places change.
    await trx.selectFrom('initiative_jobs').select('id').where('initiative_id', '=', row.id).forUpdate().execute();
    const existing = new Map((await jobsOf(trx, row.id)).map((j) => [String(j.id), j]));
    const kept = new Set<string>();
    body.jobs.forEach((j, i) => {
      if (j.id === undefined) return;
      const old = existing.get(j.id);
      if (!old) throw badRequest([{ field: `jobs.${i}.id`, message: 'initiatives-job-unknown' }]);
      if (j.places < Number(old.filled)) throw conflict('initiatives-places-below-filled', `jobs.${i}.places`, [Number(old.filled)]);
      kept.add(j.id);
    });
    const removed = [...existing.values()].filter((j) => !kept.has(String(j.id)));
    const busy = removed.find((j) => Number(j.filled) + Number(j.waiting) > 0);
    if (busy) throw conflict('initiatives-job-has-signups', 'jobs', [busy.title]);
    await deleteJobs(trx, removed.map((j) => j.id));
    for (const [position, j] of body.jobs.entries()) {
      const values = { title: j.title, description: j.description, places: j.places, skills: j.skills ?? [], commitment: j.commitment ?? '', position };
      if (j.id) await updateJob(trx, Number(j.id), values);
      else await insertJob(trx, row.id, values);
    }
    // A call whose jobs are all full stays (or becomes) closed; one with room and a deadline to come is open.
    const full = await everyJobFull(trx, row.id);
    const reopen = deadline >= today && !full;
    await saveCall(trx, row.id, { goals: body.goals, start: body.start, end: body.end, deadline, howToJoin: body.howToJoin ?? '', at, reopen });
    if (row.stage === 'idea') await trx.updateTable('initiatives').set({ stage: 'recruiting' }).where('id', '=', row.id).where('stage', '=', 'idea').execute();
    await touch(trx, row.id, at);
    await audit(trx, {
      ...actorOf(req),
      action: before ? 'initiative.call.update' : 'initiative.call.open',
      objectType: 'initiative',
      objectId: row.id,
      details: { jobs: body.jobs.length, deadline, removedJobs: removed.map((j) => j.id) },
    });
    // Closing tells the people waiting, once: a call that was closed already stays closed quietly.
    if (full) await closeAndTell(trx, row, 'full', user.id, at);
    // A newly opened call is announced on the channel (once per initiative).
    if (!before && reopen) {
      await announce(trx, app.deps, { event: 'call', subject: { type: 'initiative', id: row.id }, language: row.languages[0] ?? req.lang, title: row.title, path: `/initiatives/${row.id}` });
    }
  });
  return callAnswer(app, row.id);
}

export async function signUp(app: FastifyInstance, req: FastifyRequest, idParam: string, jobParam: string | null, message: string | undefined) {
  const user = requireUser(req);
  const row = await loadInitiative(app, idParam);
  await ensureReadable(app, user, row);
  let jobId: number | null = null;
  if (jobParam !== null) {
    jobId = parseId(jobParam);
    const job = jobId === null ? undefined : (await jobsOf(app.db, row.id)).find((j) => j.id === jobId);
    if (!job) throw notFound();
  }
  if (row.call_state !== 'open') throw conflict('initiatives-call-closed');
  const at = app.deps.clock.now();
  const id = await app.db.transaction().execute(async (trx) => {
    const newId = await insertSignup(trx, { initiativeId: row.id, jobId, userId: user.id, message: message ?? '', at });
    if (newId === null) throw conflict('initiatives-already-signed-up');
    // The leads hear of it, to answer from the waiting list.
    await tellPeople(trx, 'new_signup', await leadIds(trx, row.id), { initiative: row, actorId: user.id, at, anchor: 'call', object: { type: 'signup', id: newId } });
    await follows(trx, user.id, row.id, at);
    await touch(trx, row.id, at);
    await audit(trx, { ...actorOf(req), action: 'initiative.signup', objectType: 'initiative', objectId: row.id, details: { signup: newId, job: jobId } });
    return newId;
  });
  return presentSignup((await findSignup(app.db, id))!);
}

async function loadSignup(app: FastifyInstance, initiativeId: number, signupParam: string) {
  const id = parseId(signupParam);
  const s = id === null ? undefined : await findSignup(app.db, id);
  if (!s || s.initiative_id !== initiativeId) throw notFound();
  return s;
}

export async function decide(app: FastifyInstance, req: FastifyRequest, idParam: string, signupParam: string, status: 'accepted' | 'declined') {
  const { user, row } = await manage(app, req, idParam, status === 'accepted' ? 'initiative.signup.accept' : 'initiative.signup.decline');
  const s = await loadSignup(app, row.id, signupParam);
  if (s.status !== 'pending') throw conflict('initiatives-signup-decided');
  const at = app.deps.clock.now();
  await app.db.transaction().execute(async (trx) => {
    if (status === 'accepted' && s.job_id !== null) {
      // Held until commit: a second acceptance into this job waits here, then counts this one.
      const job = await lockJob(trx, s.job_id);
      if (!job) throw notFound();
      if (job.filled >= job.places) throw conflict('initiatives-job-full');
    }
    if (!(await decideSignup(trx, s.id, status, user.id, at))) throw conflict('initiatives-signup-decided');
    await tellPeople(trx, 'signup_answered', [s.user_id], { initiative: row, actorId: user.id, at, anchor: 'call', object: { type: 'signup', id: s.id } });
    await touch(trx, row.id, at);
    await audit(trx, { ...actorOf(req), action: `initiative.signup.${status === 'accepted' ? 'accept' : 'decline'}`, objectType: 'initiative', objectId: row.id, details: { signup: s.id, job: s.job_id } });
    if (status === 'accepted' && s.job_id !== null && (await everyJobFull(trx, row.id))) await closeAndTell(trx, row, 'full', user.id, at);
  });
  return presentSignup((await findSignup(app.db, s.id))!);
}

/** The person takes back their own sign-up (an accepted one frees its place). */
export async function withdraw(app: FastifyInstance, req: FastifyRequest, idParam: string, signupParam: string) {
  const user = requireUser(req);
  const row = await loadInitiative(app, idParam);
  const s = await loadSignup(app, row.id, signupParam);
  await ensure(app.db, req, s.user_id === user.id, 'initiative.signup.withdraw', { type: 'initiative', id: row.id });
  await app.db.transaction().execute(async (trx) => {
    if (s.job_id !== null) await lockJob(trx, s.job_id);
    if (!(await withdrawSignup(trx, s.id, app.deps.clock.now()))) throw notFound();
    await audit(trx, { ...actorOf(req), action: 'initiative.signup.withdraw', objectType: 'initiative', objectId: row.id, details: { signup: s.id } });
  });
}

export async function signupsPage(app: FastifyInstance, req: FastifyRequest, idParam: string, q: { status?: string; cursor?: string; limit: number }) {
  const { row } = await manage(app, req, idParam, 'initiative.signups.read');
  const status = (q.status ?? 'pending') as SignupStatus;
  if (!['pending', 'accepted', 'declined', 'withdrawn'].includes(status)) throw badRequest([{ field: 'status', message: 'validation-invalid-choice' }]);
  const rows = await listSignups(app.db, row.id, status, decodeTimeIdCursor(q.cursor), q.limit);
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
        const row = await trx.selectFrom('initiatives').select(['id', 'title']).where('id', '=', initiative_id).executeTakeFirstOrThrow();
        if (await closeAndTell(trx, row, 'deadline', null, now)) {
          closed++;
          // Pages kept for anonymous visitors are rendered again (the content version moves, as on any change).
          await sql`select nextval('directory_version_seq')`.execute(trx);
        }
      });
    }
  }
}

registerSchedule(DEADLINE_JOB, afterMidnight, async (_payload, ctx) => void (await closePastDeadlines(ctx.db, ctx.runAt)));
