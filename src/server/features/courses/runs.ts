// A course's runs per language (Open edX course keys) and learners' self-reported progress on them. A new run
// tells the course's followers (kind `course_run`, daily by e-mail); progress is private unless the learner
// makes it public, when it shows on their profile page (GET /api/v1/people/{username}/courses).
import { defaultRunUrl, type CourseDetail, type PersonCourses } from '../../../contracts/courses';
import { isUniqueViolation } from '../../db/errors';
import { ensure, requireUser } from '../../http/access';
import { actorOf, audit } from '../../http/audit';
import type { Ctx } from '../../http/context';
import { badRequest, conflict, notFound } from '../../http/errors';
import { parseId } from '../conversations';
import { notify } from '../notifications';
import { canReportProgress } from './policy';
import {
  deleteProgress,
  findRun,
  insertRun,
  keyTaken,
  publicProgressOf,
  saveProgress,
  touchCourse,
  updateRun,
  type RunValues,
} from './repo';
import type { ProgressBody, RunBody, RunPatchBody } from './schema';
import { getCourse, loadCourse, mayManage } from './service';

const keyConflict = () => conflict('courses-key-taken', 'courseKey');

async function managed(ctx: Ctx, idParam: string, action: string) {
  requireUser(ctx);
  const course = await loadCourse(ctx, idParam);
  await ensure(ctx, await mayManage(ctx, course), action, { type: 'course', id: course.id });
  return course;
}

async function loadRun(ctx: Ctx, courseId: number, runParam: string) {
  const runId = parseId(runParam);
  const run = runId === null ? undefined : await findRun(ctx.db, courseId, runId);
  if (!run) throw notFound();
  return run;
}

export async function addRun(ctx: Ctx, idParam: string, body: RunBody): Promise<CourseDetail> {
  const course = await managed(ctx, idParam, 'course.run.add');
  const values: RunValues = {
    language: body.language,
    course_key: body.courseKey,
    url: body.url ?? defaultRunUrl(body.courseKey),
    status: body.status,
    starts_on: body.startsOn ?? null,
    ends_on: body.endsOn ?? null,
  };
  if (await keyTaken(ctx.db, body.courseKey, null)) throw keyConflict();
  const link = `/courses/${course.id}`;
  try {
    await ctx.db.transaction().execute(async (trx) => {
      const runId = await insertRun(trx, course.id, values, ctx.now);
      await touchCourse(trx, course.id, ctx.now);
      await notify(trx, {
        type: 'course.run',
        actorId: ctx.actor?.id ?? null,
        at: ctx.now,
        subject: { type: 'course', id: course.id, title: course.title, link },
        link: `${link}#run-${runId}`,
        followers: { kind: 'course_run', of: [{ type: 'course', id: course.id }] },
      });
      await audit(trx, {
        ...actorOf(ctx),
        action: 'course.run.add',
        objectType: 'course',
        objectId: course.id,
        details: { run: runId, courseKey: body.courseKey, language: body.language },
      });
    });
  } catch (err) {
    // Two runs with one key at the same moment: the second is told, not given a 500.
    if (isUniqueViolation(err)) throw keyConflict();
    throw err;
  }
  return getCourse(ctx, String(course.id));
}

export async function patchRun(ctx: Ctx, idParam: string, runParam: string, body: RunPatchBody): Promise<CourseDetail> {
  const course = await managed(ctx, idParam, 'course.run.edit');
  const run = await loadRun(ctx, course.id, runParam);
  const v: Partial<RunValues> = {};
  if (body.language !== undefined) v.language = body.language;
  if (body.courseKey !== undefined) v.course_key = body.courseKey;
  if (body.status !== undefined) v.status = body.status;
  if (body.startsOn !== undefined) v.starts_on = body.startsOn;
  if (body.endsOn !== undefined) v.ends_on = body.endsOn;
  // A run whose address was the default one follows its new key; a given address stays.
  if (body.url !== undefined) v.url = body.url ?? defaultRunUrl(body.courseKey ?? run.course_key);
  else if (body.courseKey !== undefined && run.url === defaultRunUrl(run.course_key))
    v.url = defaultRunUrl(body.courseKey);
  const startsOn = v.starts_on === undefined ? run.starts_on : v.starts_on;
  const endsOn = v.ends_on === undefined ? run.ends_on : v.ends_on;
  if (startsOn && endsOn && startsOn > endsOn)
    throw badRequest([{ field: 'endsOn', message: 'courses-run-dates-order' }]);
  if (body.courseKey !== undefined && (await keyTaken(ctx.db, body.courseKey, run.id))) throw keyConflict();
  // Nothing named, nothing changed: the course as it is.
  if (Object.keys(v).length === 0) return getCourse(ctx, String(course.id));
  try {
    await ctx.db.transaction().execute(async (trx) => {
      await updateRun(trx, run.id, v, ctx.now);
      await touchCourse(trx, course.id, ctx.now);
      await audit(trx, {
        ...actorOf(ctx),
        action: 'course.run.edit',
        objectType: 'course',
        objectId: course.id,
        details: { run: run.id, fields: Object.keys(v) },
      });
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw keyConflict();
    throw err;
  }
  return getCourse(ctx, String(course.id));
}

/** Sets one's own progress on a run (self-reported); private unless `public`. */
export async function putProgress(
  ctx: Ctx,
  idParam: string,
  runParam: string,
  body: ProgressBody,
): Promise<CourseDetail> {
  const user = requireUser(ctx);
  await ensure(ctx, canReportProgress(user), 'course.progress');
  const course = await loadCourse(ctx, idParam);
  const run = await loadRun(ctx, course.id, runParam);
  await ctx.db.transaction().execute(async (trx) => {
    await saveProgress(trx, {
      runId: run.id,
      userId: user.id,
      status: body.status,
      public: !!body.public,
      at: ctx.now,
    });
    await audit(trx, {
      ...actorOf(ctx),
      action: 'course.progress',
      objectType: 'course',
      objectId: course.id,
      details: { run: run.id, status: body.status, public: !!body.public },
    });
  });
  return getCourse(ctx, String(course.id));
}

export async function removeProgress(ctx: Ctx, idParam: string, runParam: string): Promise<void> {
  const user = requireUser(ctx);
  const course = await loadCourse(ctx, idParam);
  const run = await loadRun(ctx, course.id, runParam);
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await deleteProgress(trx, run.id, user.id))) throw notFound();
    await audit(trx, {
      ...actorOf(ctx),
      action: 'course.progress.delete',
      objectType: 'course',
      objectId: course.id,
      details: { run: run.id },
    });
  });
}

/** A person's public progress (their profile page's list); 404 for an unknown person. */
export async function personCourses(ctx: Ctx, username: string): Promise<PersonCourses> {
  // The person by username: a one-column read of `users` (the people index offers no finder).
  const u = await ctx.db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirst();
  if (!u) throw notFound();
  const rows = await publicProgressOf(ctx.db, u.id);
  return {
    items: rows.map((r) => ({
      course: { id: String(r.course_id), title: r.title },
      run: { id: String(r.run_id), language: r.language },
      status: r.status,
    })),
  };
}
