// One initiative with everything its page shows. Most of it is the same for every reader (its text, call,
// team, progress, grants, checklists, evaluation): that part is kept per initiative, language and day until
// the content changes (http/content-cache.ts), with its Markdown already rendered. What depends on the reader
// (whether they lead it or may step in, their own sign-ups and support, the waiting list leads see, requests
// meant for them, hidden progress updates they may still read) is read for each request: at most three queries.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { PHASES, type Phase, type Stage } from '../../../contracts/initiatives';
import { isSafeMethod, VersionedCache } from '../../http/content-cache';
import { notFound } from '../../http/errors';
import { renderMarkdown } from '../../markdown/render';
import { parseId } from '../conversations/subjects';
import { phaseChecklist, type PhaseChecklist } from '../guides/service';
import { initiativeView, isStaff, todayOf } from './access';
import { acceptedOf, findCall, jobsOf, listSignups, signupsOf } from './call-repo';
import { checkedItems, findEvaluation, grantsOf, linksOf, pendingRequests, updatesOf } from './content-repo';
import { movesOf, person, presentCall, presentChecklist, presentEvaluation, presentItem, presentProgress, presentRequest, presentSignup, withheld } from './present';
import { communitiesOf, findInitiative, leadsOf, supports } from './repo';

const kept = new VersionedCache<Shared | undefined>(300);

type Shared = NonNullable<Awaited<ReturnType<typeof readShared>>>;

/** What every reader of the initiative sees alike (before moderation's withholding). */
async function readShared(app: FastifyInstance, id: number, lang: string, today: string) {
  const db = app.db;
  const r = await findInitiative(db, id, today);
  if (!r) return undefined;
  const [communities, leads, call, jobs, accepted, requests, updates, links, grants, checked, evaluation, phases] = await Promise.all([
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
    checklists(app, lang),
  ]);
  return {
    r,
    leads,
    requests,
    updates: updates.map((u) => ({ row: u, bodyHtml: renderMarkdown(u.body) })),
    shown: {
      ...presentItem(r, communities, leads),
      problem: r.problem,
      audience: r.audience,
      summaryHtml: renderMarkdown(r.summary),
      problemHtml: r.problem ? renderMarkdown(r.problem) : '',
      audienceHtml: r.audience ? renderMarkdown(r.audience) : '',
      author: person(r.author_username, r.author_display_name),
      lastActivityAt: r.last_activity_at.toISOString(),
      callDetail: call ? presentCall(call, jobs, accepted, r.call_state === 'open' ? 'open' : 'closed') : null,
      links: links.map((l) => ({ id: String(l.id), kind: l.kind as 'event', title: l.title, url: l.url })),
      grants: grants.map((g) => ({ id: String(g.id), program: g.program as 'other', amount: g.amount, currency: g.currency, status: g.status as 'planned', url: g.url })),
      checklist: presentChecklist(phases, checked),
      evaluation: presentEvaluation(evaluation),
    },
  };
}

/**
 * The shared part, kept. A request that changes something reads it afresh: the content version only moves once
 * its answer is sent, so a kept copy would show the initiative as it was before the change.
 */
function shared(app: FastifyInstance, req: FastifyRequest, id: number) {
  const today = todayOf(app);
  if (!isSafeMethod(req.method)) return readShared(app, id, req.lang, today);
  return kept.get(app.db, `${id}|${req.lang}|${today}`, () => readShared(app, id, req.lang, today), (v) => v !== undefined);
}

/** One initiative as the reader sees it; 404 when there is none. */
export async function detail(app: FastifyInstance, req: FastifyRequest, id: number) {
  const s = await shared(app, req, id);
  if (!s) throw notFound();
  const { r, leads } = s;
  const viewer = req.user;
  const isLead = !!viewer && leads.some((l) => l.user_id === viewer.id);
  const manager = isLead || isStaff(viewer);
  const { hidden, readable } = initiativeView(r, viewer, manager);
  const db = app.db;
  const [mine, waiting, supported] = await Promise.all([
    viewer ? signupsOf(db, r.id, viewer.id) : Promise.resolve([]),
    manager ? listSignups(db, r.id, 'pending', null, 100) : Promise.resolve([]),
    viewer ? supports(db, r.id, viewer.id) : Promise.resolve(false),
  ]);
  const callOpen = r.call_state === 'open';
  const live = !['archived', 'discontinued'].includes(r.stage);
  const shown = {
    ...s.shown,
    hidden,
    supported,
    mySignups: mine.map(presentSignup),
    waitingList: waiting.slice(0, 100).map(presentSignup),
    // Invitations are seen by the invitee and the leads; volunteers by the leads and the volunteer.
    leadRequests: s.requests.filter((q) => manager || q.user_id === viewer?.id).map(presentRequest),
    updates: s.updates.map((u) => presentProgress(u.row, viewer, manager, u.bodyHtml)),
    can: {
      edit: manager,
      lead: isLead,
      support: !!viewer,
      signUp: !!viewer && callOpen,
      volunteer: !!viewer && !isLead && live && (r.seeking_lead || leads.length === 0),
      stepDown: isLead,
      moves: manager ? movesOf(r.stage as Stage) : [],
    },
  };
  // Hidden by moderation: the reason in its place, for all but its author, leads and moderators.
  return readable ? shown : withheld(shown);
}

export async function getInitiative(app: FastifyInstance, req: FastifyRequest, idParam: string) {
  const id = parseId(idParam);
  if (id === null) throw notFound();
  return detail(app, req, id);
}

// --- the guides' checklists: the same for every initiative, read at most every half minute per language

const CHECKLIST_SECONDS = 30;
const checklistCache = new WeakMap<FastifyInstance, Map<string, { at: number; value: Promise<{ phase: Phase; list: PhaseChecklist | null }[]> }>>();

function checklists(app: FastifyInstance, lang: string) {
  const now = app.deps.clock.now().getTime();
  let byLang = checklistCache.get(app);
  if (!byLang) checklistCache.set(app, (byLang = new Map()));
  const kept = byLang.get(lang);
  if (kept && now - kept.at < CHECKLIST_SECONDS * 1000) return kept.value;
  const value = Promise.all(PHASES.map(async (phase) => ({ phase, list: await phaseChecklist(app.db, phase, lang) })));
  // A phase without its guide (not loaded yet) is not kept: the next page asks again.
  value.then((lists) => lists.some((l) => !l.list) && byLang.delete(lang)).catch(() => byLang.delete(lang));
  byLang.set(lang, { at: now, value });
  return value;
}
