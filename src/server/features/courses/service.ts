// The course catalogue: WikiLearn courses with their provider group, skills, LDP phases, level and effort, and
// the LDP revision they follow. Any member adds one; its author, the provider's coordinators and admins change it.
import { VersionedCache } from '../../http/content-cache';
import { trainingsOf } from '../events';
import type { CourseDetail, CourseList } from '../../../contracts/courses';
import type { Db } from '../../db/connection';
import { ensure, requireUser } from '../../http/access';
import { actorOf, audit } from '../../http/audit';
import type { Ctx, CurrentUser } from '../../http/context';
import { badRequest, conflict, notFound } from '../../http/errors';
import { decodeTimeIdCursor, page } from '../../http/pagination';
import { storedHtml } from '../../markdown/stored';
import { rolesInCommunity, todayUtc } from '../communities';
import { parseId } from '../conversations';
import { currentUnits, findDocumentBySlug, TITLE_UNIT } from '../documents';
import { linkingInitiatives } from '../initiatives';
import { hiddenView } from '../moderation';
import { followFor } from '../notifications';
import { presentJoinedPerson } from '../people';
import { canCreateCourse, canManageCourse, canNameProvider } from './policy';
import { presentListItem, presentRun, shownCounts } from './present';
import {
  completionsOf,
  completionsPerCourse,
  findCommunity,
  findCourse,
  insertCourse,
  listCourses,
  lockCourse,
  progressOf,
  runsOf,
  updateCourse,
  type CourseRow,
  type CourseValues,
} from './repo';
import type { CreateBody, ListCoursesQuery, PatchBody } from './schema';

const coordinates = async (db: Db, user: CurrentUser | null, communityId: number | null, now: Date) =>
  !!user && communityId !== null && (await rolesInCommunity(db, user.id, communityId, todayUtc(now))).coordinator;

/** Whether the person may change this course (its author, the provider's coordinators, admins). */
export const mayManage = async (ctx: Ctx, c: Pick<CourseRow, 'created_by' | 'provider_community_id'>) =>
  canManageCourse(ctx.actor, c, await coordinates(ctx.db, ctx.actor, c.provider_community_id, ctx.now));

/** The course, readable by this viewer (a hidden one only by its author and moderators): else 404. */
export async function loadCourse(ctx: Ctx, idParam: string): Promise<CourseRow> {
  const id = parseId(idParam);
  const row = id === null ? undefined : await findCourse(ctx.db, id);
  if (!row || !hiddenView(row, ctx.actor, row.created_by).readable) throw notFound();
  return row;
}

// The catalogue names no one and nothing of the viewer's: one answer per query for everyone, kept until the
// courses' version moves.
const keptLists = new VersionedCache<CourseList>('courses.list');

export function listCoursesOf(ctx: Ctx, q: ListCoursesQuery): Promise<CourseList> {
  return keptLists.get(ctx.db, JSON.stringify(q), () => listAfresh(ctx, q));
}

async function listAfresh(ctx: Ctx, q: ListCoursesQuery): Promise<CourseList> {
  let communityId: number | undefined;
  if (q.community) {
    const g = await findCommunity(ctx.db, q.community);
    if (!g) return { items: [], next: null };
    communityId = g.id;
  }
  const after = decodeTimeIdCursor(q.cursor);
  const rows = await listCourses(
    ctx.db,
    { skill: q.skill, phase: q.phase, level: q.level, language: q.language, communityId },
    after,
    q.limit + 1,
  );
  const { items, next } = page(rows, q.limit, (r) => [r.updated_at.toISOString(), r.id]);
  const counts = await completionsPerCourse(
    ctx.db,
    items.map((r) => r.id),
  );
  return {
    items: items.map((r) =>
      presentListItem(
        r,
        counts.find((c) => c.key === String(r.id)),
      ),
    ),
    next,
  };
}

async function basedOnOf(db: Db, r: CourseRow): Promise<CourseDetail['basedOn']> {
  if (r.based_on_document_id === null || r.based_on_revision === null) return null;
  // The slug by id: a one-column read (the documents index finds documents by slug only).
  const d = await db.selectFrom('documents').select('slug').where('id', '=', r.based_on_document_id).executeTakeFirst();
  const doc = d && (await findDocumentBySlug(db, d.slug));
  if (!doc) return null;
  const title = (await currentUnits(db, doc.id)).find((u) => u.unit_id === TITLE_UNIT)?.text ?? doc.slug;
  return {
    slug: doc.slug,
    title,
    revision: r.based_on_revision,
    currentRevision: doc.revision,
    changedSince: doc.revision > r.based_on_revision,
  };
}

export async function getCourse(ctx: Ctx, idParam: string): Promise<CourseDetail> {
  const row = await loadCourse(ctx, idParam);
  const db = ctx.db;
  const [runs, counts, mine, basedOn, trainings, initiatives, manage] = await Promise.all([
    runsOf(db, row.id),
    completionsOf(db, row.id),
    ctx.actor ? progressOf(db, ctx.actor.id, row.id) : Promise.resolve([]),
    basedOnOf(db, row),
    trainingsOf(db, row.id, ctx.now),
    linkingInitiatives(db, 'course', row.id),
    mayManage(ctx, row),
  ]);
  const total = counts.perRun.reduce((a, t) => ({ n: a.n + t.n, private: a.private + t.private }), {
    n: 0,
    private: 0,
  });
  return {
    ...presentListItem(row, { key: String(row.id), ...total }),
    summary: row.summary,
    summaryHtml: storedHtml(row.summary, row.summary_html, row.html_version),
    basedOn,
    runs: runs.map((r) =>
      presentRun(
        r,
        counts.perRun.find((t) => t.key === String(r.id)),
        mine.find((m) => m.run_id === r.id),
      ),
    ),
    completionsByRegion: shownCounts(counts.perRegion),
    completionsByLanguage: shownCounts(counts.perLanguage),
    trainings: trainings.flatMap((t) =>
      t.start ? [{ id: String(t.id), title: t.title, start: new Date(t.start).toISOString() }] : [],
    ),
    initiatives,
    revision: row.revision,
    createdBy: presentJoinedPerson(row.username, row.display_name, row.public_fields),
    can: { manage },
  };
}

/** The provider's id from its slug (400 naming `provider` when no such group), checking who may name it. */
async function providerOf(ctx: Ctx, user: CurrentUser, slug: string | null | undefined, action: string) {
  if (!slug) return null;
  const g = await findCommunity(ctx.db, slug);
  if (!g) throw badRequest([{ field: 'provider', message: 'courses-provider-unknown' }]);
  await ensure(ctx, canNameProvider(user, await coordinates(ctx.db, user, g.id, ctx.now)), action, {
    type: 'community',
    id: g.id,
  });
  return g.id;
}

/** The document and revision a course follows (400 naming the field when either does not exist). */
async function basedOnValues(db: Db, b: CreateBody['basedOn']) {
  if (!b) return { based_on_document_id: null, based_on_revision: null };
  const doc = await findDocumentBySlug(db, b.document);
  if (!doc) throw badRequest([{ field: 'basedOn.document', message: 'courses-document-unknown' }]);
  if (b.revision > doc.revision) throw badRequest([{ field: 'basedOn.revision', message: 'courses-revision-unknown' }]);
  return { based_on_document_id: doc.id, based_on_revision: b.revision };
}

const hoursOf = (h: number | null | undefined) => (h === null || h === undefined ? null : h.toFixed(1));

export async function createCourse(ctx: Ctx, body: CreateBody): Promise<CourseDetail> {
  const user = requireUser(ctx);
  await ensure(ctx, canCreateCourse(user), 'course.create');
  const values: CourseValues = {
    title: body.title,
    summary: body.summary,
    provider_community_id: await providerOf(ctx, user, body.provider, 'course.create'),
    skills: body.skills,
    phases: body.phases,
    level: body.level,
    hours: hoursOf(body.hours),
    ...(await basedOnValues(ctx.db, body.basedOn)),
  };
  const id = await ctx.db.transaction().execute(async (trx) => {
    const newId = await insertCourse(trx, values, user.id, ctx.now);
    // Its author hears of new runs and comments.
    await followFor(trx, user.id, { type: 'course', id: newId }, ctx.now);
    await audit(trx, {
      ...actorOf(ctx),
      action: 'course.create',
      objectType: 'course',
      objectId: newId,
      details: { title: body.title },
    });
    return newId;
  });
  return getCourse(ctx, String(id));
}

export async function patchCourse(ctx: Ctx, idParam: string, body: PatchBody): Promise<CourseDetail> {
  const user = requireUser(ctx);
  const row = await loadCourse(ctx, idParam);
  await ensure(ctx, await mayManage(ctx, row), 'course.edit', { type: 'course', id: row.id });
  const values: Partial<CourseValues> = {};
  if (body.title !== undefined) values.title = body.title;
  if (body.summary !== undefined) values.summary = body.summary;
  if (body.skills !== undefined) values.skills = body.skills;
  if (body.phases !== undefined) values.phases = body.phases;
  if (body.level !== undefined) values.level = body.level;
  if (body.hours !== undefined) values.hours = hoursOf(body.hours);
  if (body.provider !== undefined && body.provider !== row.provider_slug)
    values.provider_community_id = await providerOf(ctx, user, body.provider, 'course.edit');
  if (body.basedOn !== undefined) Object.assign(values, await basedOnValues(ctx.db, body.basedOn));
  // Nothing to change (an empty body, or only baseRevision): no new revision, the course as it is.
  if (Object.keys(values).length === 0) return getCourse(ctx, String(row.id));
  await ctx.db.transaction().execute(async (trx) => {
    const locked = await lockCourse(trx, row.id);
    if (!locked) throw notFound();
    if (body.baseRevision !== undefined && body.baseRevision !== locked.revision)
      throw conflict('courses-edit-conflict', 'baseRevision');
    await updateCourse(trx, row.id, values, ctx.now);
    await audit(trx, {
      ...actorOf(ctx),
      action: 'course.edit',
      objectType: 'course',
      objectId: row.id,
      details: { fields: Object.keys(values), revision: locked.revision + 1 },
    });
  });
  return getCourse(ctx, String(row.id));
}
