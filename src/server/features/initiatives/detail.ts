// One initiative with everything its page shows. Most of it is the same for every reader (its text, call,
// team, progress, grants, checklists, evaluation): that part is kept per initiative, language and day until
// the content changes (http/content-cache.ts), with its Markdown already rendered. What depends on the reader
// (whether they lead it or may step in, their own sign-ups and support, the waiting list leads see, requests
// meant for them, hidden progress updates they may still read) is read for each request: at most three queries.
import { PHASES, type Phase, type Stage } from '../../../contracts/initiatives';
import type { InitiativeDetail } from '../../../contracts/initiatives-answers';
import type { Ctx, Deps } from '../../http/context';
import { contentVersions, VersionedCache } from '../../http/content-cache';
import { notFound } from '../../http/errors';
import { storedHtml } from '../../markdown/stored';
import { parseId } from '../conversations';
import { phaseChecklist, type PhaseChecklist } from '../guides';
import { todayOf } from './access';
import { acceptedOf, findCall, jobsOf, listSignups, signupsOf } from './call/repo';
import { presentCall, presentSignup } from './call/present';
import { initiativeView, isStaff, viewerCan } from './policy';
import { presentAuthor, presentItem, withheld } from './present';
import { checkedItems, findEvaluation, grantsOf, linksOf, updatesOf } from './records/repo';
import { presentChecklist, presentEvaluation, presentGrant, presentLink, presentProgress } from './records/present';
import { communitiesOf, findInitiative, leadsOf, supports } from './repo';
import { pendingRequests } from './team/repo';
import { presentRequest } from './team/present';

const kept = new VersionedCache<Shared | undefined>('initiatives.detail');

type Shared = NonNullable<Awaited<ReturnType<typeof readShared>>>;

/** What every reader of the initiative sees alike (before moderation's withholding). */
async function readShared(ctx: Ctx, id: number, today: string) {
  const db = ctx.db;
  const r = await findInitiative(db, id, today);
  if (!r) return undefined;
  const [communities, leads, call, jobs, accepted, requests, updates, links, grants, checked, evaluation, phases] =
    await Promise.all([
      communitiesOf(db, [r.id]),
      leadsOf(db, [r.id]),
      findCall(db, r.id),
      jobsOf(db, r.id),
      acceptedOf(db, r.id),
      pendingRequests(db, r.id),
      updatesOf(db, r.id),
      linksOf(db, r.id),
      grantsOf(db, r.id),
      checkedItems(db, r.id),
      findEvaluation(db, r.id),
      checklists(ctx),
    ]);
  return {
    r,
    leads,
    requests,
    updates: updates.map((u) => ({ row: u, bodyHtml: storedHtml(u.body, u.body_html, u.html_version) })),
    shown: {
      ...presentItem(r, communities, leads),
      problem: r.problem,
      audience: r.audience,
      summaryHtml: storedHtml(r.summary, r.summary_html, r.html_version),
      problemHtml: r.problem ? storedHtml(r.problem, r.problem_html, r.html_version) : '',
      audienceHtml: r.audience ? storedHtml(r.audience, r.audience_html, r.html_version) : '',
      author: presentAuthor(r),
      lastActivityAt: r.last_activity_at.toISOString(),
      callDetail: call ? presentCall(call, jobs, accepted, r) : null,
      links: links.map(presentLink),
      grants: grants.map(presentGrant),
      checklist: presentChecklist(phases, checked),
      evaluation: presentEvaluation(evaluation),
    },
  };
}

/**
 * The shared part: kept for reads; a use case that changed something reads it afresh, since the content
 * version only moves once its answer is sent, so a kept copy would show the initiative as it was before.
 */
function shared(ctx: Ctx, id: number, keep: boolean) {
  const today = todayOf(ctx);
  if (!keep) return readShared(ctx, id, today);
  return kept.get(
    ctx.db,
    `${id}|${ctx.lang}|${today}`,
    () => readShared(ctx, id, today),
    (v) => v !== undefined,
  );
}

/**
 * One initiative as the reader sees it; 404 when there is none. `keep`: a plain read may use the kept shared
 * part (use cases that answer with the initiative after a change leave it off).
 */
export async function detail(ctx: Ctx, id: number, { keep = false } = {}): Promise<InitiativeDetail> {
  const s = await shared(ctx, id, keep);
  if (!s) throw notFound();
  const { r, leads } = s;
  const viewer = ctx.actor;
  const isLead = !!viewer && leads.some((l) => l.user_id === viewer.id);
  const manager = isLead || isStaff(viewer);
  const { hidden, readable } = initiativeView(r, viewer, manager);
  const db = ctx.db;
  const [mine, waiting, supported] = await Promise.all([
    viewer ? signupsOf(db, r.id, viewer.id) : Promise.resolve([]),
    manager ? listSignups(db, r.id, 'pending', null, 100) : Promise.resolve([]),
    viewer ? supports(db, r.id, viewer.id) : Promise.resolve(false),
  ]);
  const shown: InitiativeDetail = {
    ...s.shown,
    hidden,
    supported,
    mySignups: mine.map(presentSignup),
    waitingList: waiting.slice(0, 100).map(presentSignup),
    // Invitations are seen by the invitee and the leads; volunteers by the leads and the volunteer.
    leadRequests: s.requests.filter((q) => manager || q.user_id === viewer?.id).map(presentRequest),
    updates: s.updates.map((u) => presentProgress(u.row, viewer, manager, u.bodyHtml)),
    can: viewerCan({
      viewer,
      isLead,
      stage: r.stage as Stage,
      callOpen: r.call_state === 'open',
      seekingLead: r.seeking_lead,
      leadCount: leads.length,
    }),
  };
  // Hidden by moderation: the reason in its place, for all but its author, leads and moderators.
  return readable ? shown : withheld(shown);
}

/** GET /initiatives/:id: anyone may read an initiative (hidden ones are withheld from most readers). */
export async function getInitiative(ctx: Ctx, idParam: string): Promise<InitiativeDetail> {
  const id = parseId(idParam);
  if (id === null) throw notFound();
  return detail(ctx, id, { keep: true });
}

// --- the guides' checklists: the same for every initiative, read again once the content version moved (an edit
// of a guide moves it), so a page kept under the new version never shows the old checklist

type Checklists = Promise<{ phase: Phase; list: PhaseChecklist | null }[]>;
/** Per app (its dependencies), per language. */
const checklistCache = new WeakMap<Deps, Map<string, { version: string; value: Checklists }>>();

async function checklists(ctx: Ctx): Checklists {
  const { global: version } = await contentVersions(ctx.db);
  let byLang = checklistCache.get(ctx.deps);
  if (!byLang) checklistCache.set(ctx.deps, (byLang = new Map()));
  const lang = ctx.lang;
  const hit = byLang.get(lang);
  if (hit && hit.version === version) return hit.value;
  const value = Promise.all(PHASES.map(async (phase) => ({ phase, list: await phaseChecklist(ctx.db, phase, lang) })));
  // A phase without its guide (not loaded yet) is not kept: the next page asks again.
  value.then((lists) => lists.some((l) => !l.list) && byLang.delete(lang)).catch(() => byLang.delete(lang));
  byLang.set(lang, { version, value });
  return value;
}
