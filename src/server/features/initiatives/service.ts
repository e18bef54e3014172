// Initiatives: any member posts an idea; it gathers supporters and comments; its leads move it through the
// stages (idea, recruiting, active, evaluating, archived or discontinued) and, while active, the LDP guide's
// phases. Each use case checks who may do it first; every change is audited in its transaction.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { isMediaWikiLanguage } from '../../../contracts/mediawiki-languages';
import { isRegion } from '../../../contracts/regions';
import { isSkill } from '../../../contracts/skills';
import { PHASES, STAGE_MOVES, STAGES, type Phase, type Stage } from '../../../contracts/initiatives';
import { phaseChecklist, type PhaseChecklist } from '../guides/service';
import { actorOf, audit } from '../../http/audit';
import { badRequest, conflict, notFound, type FieldError } from '../../http/errors';
import { decodeCursor, page } from '../../http/pagination';
import { requireUser } from '../../http/permissions';
import { renderMarkdown } from '../../markdown/render';
import { canManage, ensureReadable, initiativeView, loadInitiative, manage, todayOf } from './access';
import { acceptedOf, findCall, jobsOf, listSignups, signupsOf } from './call-repo';
import { checkedItems, findEvaluation, grantsOf, linksOf, pendingRequests, updatesOf } from './content-repo';
import { follows } from './notify';
import { archiveIds } from './archive-service';
import { exportRecords } from './export-repo';
import { reports } from './export';
import { movesOf, person, presentCall, presentChecklist, presentEvaluation, presentItem, presentProgress, presentRequest, presentSignup, withheld } from './present';
import {
  addLead,
  addSupporter,
  communitiesOf,
  communityIds,
  countByStage,
  facets,
  findInitiative,
  findInitiatives,
  leadsOf,
  listInitiatives,
  profileOf,
  removeSupporter,
  setCommunities,
  supports,
  touch,
  type Filters,
  type InitiativeRow,
} from './repo';
import { ARCHIVE_OUTCOMES, type ArchiveQuery, type CountsQuery, type CreateBody, type ListQuery, type PatchBody } from './schema';
import './subjects';

/** Slugs of groups to their ids; unknown ones are a 400 naming each. */
async function groupIds(app: FastifyInstance, slugs: string[] | undefined): Promise<number[] | undefined> {
  if (!slugs) return undefined;
  const { ids, missing } = await communityIds(app.db, slugs);
  if (missing.length) throw badRequest(missing.map((m) => ({ field: `communities.${slugs.indexOf(m)}`, message: 'initiatives-community-unknown' })));
  return slugs.map((s) => ids.get(s)!);
}

export async function createInitiative(app: FastifyInstance, req: FastifyRequest, body: CreateBody) {
  const user = requireUser(req);
  const communities = await groupIds(app, body.communities);
  const at = app.deps.clock.now();
  const id = await app.db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('initiatives')
      .values({
        author_id: user.id,
        title: body.title,
        summary: body.summary,
        problem: body.problem ?? '',
        audience: body.audience ?? '',
        languages: body.languages ?? [],
        regions: body.regions ?? [],
        skills: body.skills ?? [],
        phase: null,
        quiet_since: null,
        ended_at: null,
        outcome: null,
        last_activity_at: at,
        created_at: at,
        updated_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await addLead(trx, row.id, user.id, at);
    if (communities) await setCommunities(trx, row.id, communities);
    await follows(trx, user.id, row.id, at);
    await audit(trx, { ...actorOf(req), action: 'initiative.create', objectType: 'initiative', objectId: row.id, details: { title: body.title } });
    return row.id;
  });
  return detail(app, req, id);
}

export async function patchInitiative(app: FastifyInstance, req: FastifyRequest, idParam: string, body: PatchBody) {
  const { row } = await manage(app, req, idParam, 'initiative.edit');
  const communities = await groupIds(app, body.communities);
  const at = app.deps.clock.now();
  await app.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('initiatives')
      .set({
        ...(body.title !== undefined ? { title: body.title } : {}),
        ...(body.summary !== undefined ? { summary: body.summary } : {}),
        ...(body.problem !== undefined ? { problem: body.problem } : {}),
        ...(body.audience !== undefined ? { audience: body.audience } : {}),
        ...(body.languages !== undefined ? { languages: body.languages } : {}),
        ...(body.regions !== undefined ? { regions: body.regions } : {}),
        ...(body.skills !== undefined ? { skills: body.skills } : {}),
      })
      .where('id', '=', row.id)
      .execute();
    if (communities) await setCommunities(trx, row.id, communities);
    await touch(trx, row.id, at);
    await audit(trx, { ...actorOf(req), action: 'initiative.edit', objectType: 'initiative', objectId: row.id, details: { fields: Object.keys(body) } });
  });
  return detail(app, req, row.id);
}

/** One initiative with everything its page shows: a fixed number of queries. */
export async function detail(app: FastifyInstance, req: FastifyRequest, id: number) {
  const db = app.db;
  const today = todayOf(app);
  const r = await findInitiative(db, id, today);
  if (!r) throw notFound();
  const viewer = req.user;
  const manager = await canManage(app, viewer, r.id);
  const { hidden, readable } = initiativeView(r, viewer, manager);
  const [communities, leads, call, jobs, accepted, mine, waiting, requests, updates, links, grants, checked, evaluation, supported, phases] = await Promise.all([
    communitiesOf(db, [r.id]),
    leadsOf(db, [r.id]),
    findCall(db, r.id),
    jobsOf(db, r.id),
    acceptedOf(db, r.id),
    viewer ? signupsOf(db, r.id, viewer.id) : Promise.resolve([]),
    manager ? listSignups(db, r.id, 'pending', null, 100) : Promise.resolve([]),
    pendingRequests(db, r.id),
    updatesOf(db, r.id),
    linksOf(db, r.id),
    grantsOf(db, r.id),
    checkedItems(db, r.id),
    findEvaluation(db, r.id),
    viewer ? supports(db, r.id, viewer.id) : Promise.resolve(false),
    checklists(app, req.lang),
  ]);
  const isLead = !!viewer && leads.some((l) => l.user_id === viewer.id);
  const callOpen = r.call_state === 'open';
  const live = !['archived', 'discontinued'].includes(r.stage);
  const noLead = leads.length === 0;
  const shown = {
    ...presentItem(r, communities, leads),
    hidden,
    problem: r.problem,
    audience: r.audience,
    summaryHtml: renderMarkdown(r.summary),
    problemHtml: r.problem ? renderMarkdown(r.problem) : '',
    audienceHtml: r.audience ? renderMarkdown(r.audience) : '',
    author: person(r.author_username, r.author_display_name),
    supported,
    lastActivityAt: r.last_activity_at.toISOString(),
    callDetail: call ? presentCall(call, jobs, accepted, callOpen ? 'open' : 'closed') : null,
    mySignups: mine.map(presentSignup),
    waitingList: waiting.slice(0, 100).map(presentSignup),
    // Invitations are seen by the invitee and the leads; volunteers by the leads and the volunteer.
    leadRequests: requests.filter((q) => manager || q.user_id === viewer?.id).map(presentRequest),
    updates: updates.map((u) => presentProgress(u, viewer, manager)),
    links: links.map((l) => ({ id: String(l.id), kind: l.kind as 'event', title: l.title, url: l.url })),
    grants: grants.map((g) => ({ id: String(g.id), program: g.program as 'other', amount: g.amount, currency: g.currency, status: g.status as 'planned', url: g.url })),
    checklist: presentChecklist(phases, checked),
    evaluation: presentEvaluation(evaluation),
    can: {
      edit: manager,
      lead: isLead,
      support: !!viewer,
      signUp: !!viewer && callOpen,
      volunteer: !!viewer && !isLead && live && (r.seeking_lead || noLead),
      stepDown: isLead,
      moves: manager ? movesOf(r.stage as Stage) : [],
    },
  };
  // Hidden by moderation: the reason in its place, for all but its author, leads and moderators.
  return readable ? shown : withheld(shown);
}

export async function getInitiative(app: FastifyInstance, req: FastifyRequest, idParam: string) {
  return detail(app, req, (await loadInitiative(app, idParam)).id);
}

/** Filters from a query: malformed values are a 400 naming the parameter; an unknown group matches nothing. */
async function filtersOf(app: FastifyInstance, q: Partial<ListQuery & ArchiveQuery>): Promise<Filters> {
  const errors: FieldError[] = [];
  const f: Filters = {};
  if (q.stage) {
    if ((STAGES as readonly string[]).includes(q.stage)) f.stage = q.stage;
    else errors.push({ field: 'stage', message: 'validation-invalid-choice' });
  }
  if (q.region) {
    if (isRegion(q.region)) f.region = q.region;
    else errors.push({ field: 'region', message: 'validation-invalid-choice' });
  }
  if (q.language) {
    if (isMediaWikiLanguage(q.language)) f.language = q.language;
    else errors.push({ field: 'language', message: 'initiatives-language-unknown' });
  }
  if (q.skill) {
    if (isSkill(q.skill)) f.skill = q.skill;
    else errors.push({ field: 'skill', message: 'validation-invalid-choice' });
  }
  if (q.year) {
    if (/^\d{4}$/.test(q.year)) f.year = Number(q.year);
    else errors.push({ field: 'year', message: 'validation-format' });
  }
  if (q.outcome) {
    if ((ARCHIVE_OUTCOMES as readonly string[]).includes(q.outcome)) f.outcome = q.outcome;
    else errors.push({ field: 'outcome', message: 'validation-invalid-choice' });
  }
  if (q.q && q.q.trim()) f.q = q.q.trim();
  if (errors.length) throw badRequest(errors);
  if (q.community) {
    const { ids } = await communityIds(app.db, [q.community]);
    f.communityId = ids.get(q.community) ?? -1;
  }
  return f;
}

function cursorOf(cursor: string | undefined): [string, number] | null {
  const after = decodeCursor(cursor, 2);
  if (after && (typeof after[0] !== 'string' || Number.isNaN(Date.parse(after[0])) || typeof after[1] !== 'number')) {
    throw badRequest([{ field: 'cursor', message: 'validation-cursor' }]);
  }
  return after as [string, number] | null;
}

async function withPeople(app: FastifyInstance, rows: InitiativeRow[]) {
  const ids = rows.map((r) => r.id);
  const [communities, leads] = await Promise.all([communitiesOf(app.db, ids), leadsOf(app.db, ids)]);
  return rows.map((r) => presentItem(r, communities, leads));
}

export async function listPage(app: FastifyInstance, req: FastifyRequest, q: ListQuery) {
  const f = await filtersOf(app, q);
  if (q.matching !== undefined) {
    if (q.matching !== 'me') throw badRequest([{ field: 'matching', message: 'validation-invalid-choice' }]);
    const user = requireUser(req);
    const p = await profileOf(app.db, user.id);
    f.matching = { languages: p?.languages ?? [], region: p?.region ?? null, skills: p?.interests ?? [], today: todayOf(app) };
  }
  const rows = await listInitiatives(app.db, f, todayOf(app), cursorOf(q.cursor), q.limit);
  const { items, next } = page(rows, q.limit, (r) => [r.created_at.toISOString(), r.id]);
  return { items: await withPeople(app, items), next };
}

export async function stageCounts(app: FastifyInstance, q: CountsQuery) {
  const counts = await countByStage(app.db, await filtersOf(app, q));
  const all = Object.fromEntries(STAGES.map((s) => [s, counts[s] ?? 0]));
  return { counts: all, total: Object.values(all).reduce((a, b) => a + b, 0) };
}

// --- stages and phases

export async function moveStage(app: FastifyInstance, req: FastifyRequest, idParam: string, stage: Stage) {
  const { row } = await manage(app, req, idParam, 'initiative.stage');
  const from = row.stage as Stage;
  if (!STAGE_MOVES[from].includes(stage)) throw conflict('initiatives-stage-move', 'stage', [from, stage]);
  const at = app.deps.clock.now();
  await app.db.transaction().execute(async (trx) => {
    const ended = stage === 'archived' || stage === 'discontinued';
    const res = await trx
      .updateTable('initiatives')
      .set({
        stage,
        ...(stage === 'active' ? { phase: row.phase ?? 'define' } : {}),
        ...(ended ? { ended_at: at } : stage === 'idea' ? { ended_at: null } : {}),
        ...(stage === 'idea' ? { seeking_lead: false } : {}),
      })
      .where('id', '=', row.id)
      .where('stage', '=', from)
      .executeTakeFirst();
    // Someone else moved it between our read and this write.
    if (Number(res.numUpdatedRows) === 0) throw conflict('initiatives-stage-move', 'stage', [from, stage]);
    await touch(trx, row.id, at);
    await audit(trx, { ...actorOf(req), action: 'initiative.stage', objectType: 'initiative', objectId: row.id, details: { from, to: stage } });
  });
  return detail(app, req, row.id);
}

export async function movePhase(app: FastifyInstance, req: FastifyRequest, idParam: string, phase: Phase) {
  const { row } = await manage(app, req, idParam, 'initiative.phase');
  if (row.stage !== 'active') throw conflict('initiatives-phase-not-active', 'phase');
  const at = app.deps.clock.now();
  await app.db.transaction().execute(async (trx) => {
    await trx.updateTable('initiatives').set({ phase }).where('id', '=', row.id).execute();
    await touch(trx, row.id, at);
    await audit(trx, { ...actorOf(req), action: 'initiative.phase', objectType: 'initiative', objectId: row.id, details: { from: row.phase, to: phase } });
  });
  return detail(app, req, row.id);
}

// --- supporters (one per person, withdrawable, counted)

export async function support(app: FastifyInstance, req: FastifyRequest, idParam: string) {
  const user = requireUser(req);
  const row = await loadInitiative(app, idParam);
  await ensureReadable(app, user, row);
  const at = app.deps.clock.now();
  await app.db.transaction().execute(async (trx) => {
    if (!(await addSupporter(trx, row.id, user.id, at))) throw conflict('initiatives-already-supported');
    await follows(trx, user.id, row.id, at);
    await audit(trx, { ...actorOf(req), action: 'initiative.support', objectType: 'initiative', objectId: row.id });
  });
  return { supporters: Number((await findInitiative(app.db, row.id, todayOf(app)))!.supporters), supported: true };
}

export async function withdrawSupport(app: FastifyInstance, req: FastifyRequest, idParam: string) {
  const user = requireUser(req);
  const row = await loadInitiative(app, idParam);
  await app.db.transaction().execute(async (trx) => {
    if (!(await removeSupporter(trx, row.id, user.id))) throw notFound();
    await audit(trx, { ...actorOf(req), action: 'initiative.support.withdraw', objectType: 'initiative', objectId: row.id });
  });
  return { supporters: Number((await findInitiative(app.db, row.id, todayOf(app)))!.supporters), supported: false };
}

// --- exports

/** At most this many initiatives go into one archive download (the newest ended first). */
export const EXPORT_MAX = 5000;

/** The archive, with the archive page's filters, as report records. */
export async function archiveReports(app: FastifyInstance, q: Omit<ArchiveQuery, 'limit' | 'cursor'>) {
  // Exactly what the archive search shows with the same filters (archive-service.ts), newest ended first.
  const ids = await archiveIds(app, q, EXPORT_MAX);
  const found = new Map<number, InitiativeRow>();
  for (let n = 0; n < ids.length; n += 500) for (const r of await findInitiatives(app.db, ids.slice(n, n + 500), todayOf(app))) found.set(r.id, r);
  const kept = ids.map((id) => found.get(id)).filter((r): r is InitiativeRow => !!r);
  return reports(kept, await exportRecords(app.db, kept.map((r) => r.id)), app.deps.config.baseUrl);
}

/**
 * One initiative as a report record with its progress updates, oldest first. Hidden by moderation, it is only
 * for its author, leads and moderators (404 for others); hidden progress updates are left out.
 */
export async function initiativeReport(app: FastifyInstance, req: FastifyRequest, idParam: string) {
  const row = await loadInitiative(app, idParam);
  if (!initiativeView(row, req.user, await canManage(app, req.user, row.id)).readable) throw notFound();
  const [records, updates] = await Promise.all([exportRecords(app.db, [row.id]), updatesOf(app.db, row.id)]);
  return {
    report: reports([row], records, app.deps.config.baseUrl)[0],
    updates: updates.filter((u) => u.hidden_reason === null).reverse().map((u) => ({ title: u.title, body: u.body, createdAt: u.created_at.toISOString() })),
  };
}

// --- the filters' choices: read at most every half minute per instance (a new language or group shows soon)

const FACETS_SECONDS = 30;
const facetCache = new WeakMap<FastifyInstance, { at: number; value: Promise<Awaited<ReturnType<typeof facets>>> }>();

export function cachedFacets(app: FastifyInstance) {
  const now = app.deps.clock.now().getTime();
  const kept = facetCache.get(app);
  if (kept && now - kept.at < FACETS_SECONDS * 1000) return kept.value;
  const value = facets(app.db);
  value.catch(() => facetCache.delete(app));
  facetCache.set(app, { at: now, value });
  return value;
}

// --- the guides' checklists: the same for every initiative, read at most every half minute per language

const checklistCache = new WeakMap<FastifyInstance, Map<string, { at: number; value: Promise<{ phase: Phase; list: PhaseChecklist | null }[]> }>>();

function checklists(app: FastifyInstance, lang: string) {
  const now = app.deps.clock.now().getTime();
  let byLang = checklistCache.get(app);
  if (!byLang) checklistCache.set(app, (byLang = new Map()));
  const kept = byLang.get(lang);
  if (kept && now - kept.at < FACETS_SECONDS * 1000) return kept.value;
  const value = Promise.all(PHASES.map(async (phase) => ({ phase, list: await phaseChecklist(app.db, phase, lang) })));
  // A phase without its guide (not loaded yet) is not kept: the next page asks again.
  value.then((lists) => lists.some((l) => !l.list) && byLang.delete(lang)).catch(() => byLang.delete(lang));
  byLang.set(lang, { at: now, value });
  return value;
}
