// Initiatives as the API shows them: explicit whitelists, Markdown rendered and sanitized on the server.
import { STAGE_MOVES, type Phase, type Stage } from '../../../contracts/initiatives';
import { markdownExcerpt, renderMarkdown } from '../../markdown/render';
import type { CallRow, JobRow, SignupRow } from './call-repo';
import type { CurrentUser } from '../../http/context';
import { hiddenView } from '../moderation/visibility';
import type { EvaluationRow, RequestRow, UpdateRow } from './content-repo';
import type { InitiativeRow } from './repo';
import type { PhaseChecklist } from '../guides/service';

export const person = (username: string | null, displayName: string | null) => (username ? { username, displayName: displayName || username } : null);

type CommunityOf = { initiative_id: number; slug: string; name: string };
type LeadOf = { initiative_id: number; username: string; display_name: string };

export function presentItem(r: InitiativeRow, communities: CommunityOf[], leads: LeadOf[]) {
  return {
    id: String(r.id),
    title: r.title,
    summary: r.summary,
    summaryText: markdownExcerpt(r.summary, 240),
    stage: r.stage as Stage,
    phase: (r.phase as Phase | null) ?? null,
    languages: r.languages,
    regions: r.regions,
    skills: r.skills,
    communities: communities.filter((c) => c.initiative_id === r.id).map((c) => ({ slug: c.slug, name: c.name })),
    leads: leads.filter((l) => l.initiative_id === r.id).map((l) => person(l.username, l.display_name)!),
    supporters: Number(r.supporters),
    seekingLead: r.seeking_lead,
    quiet: r.quiet_since !== null,
    call: r.call_state ?? 'none',
    openPlaces: Number(r.open_places),
    createdAt: r.created_at.toISOString(),
    endedAt: r.ended_at ? r.ended_at.toISOString() : null,
    outcome: (r.outcome as 'met' | 'partly_met' | 'not_met' | null) ?? null,
  };
}

export const presentSignup = (s: SignupRow) => ({
  id: String(s.id),
  jobId: s.job_id === null ? null : String(s.job_id),
  person: person(s.username, s.display_name),
  message: s.message,
  status: s.status,
  createdAt: s.created_at.toISOString(),
});

export function presentCall(c: CallRow, jobs: JobRow[], accepted: SignupRow[], state: 'open' | 'closed') {
  const people = (jobId: number | null) => accepted.filter((s) => s.job_id === jobId).map((s) => person(s.username, s.display_name)!).filter(Boolean);
  return {
    goals: c.goals,
    start: c.starts_on,
    end: c.ends_on,
    deadline: c.deadline,
    howToJoin: c.how_to_join,
    status: state,
    closedReason: state === 'closed' ? (c.closed_reason ?? 'deadline') : null,
    openedAt: c.opened_at.toISOString(),
    jobs: jobs.map((j) => ({
      id: String(j.id),
      title: j.title,
      description: j.description,
      places: j.places,
      filled: Number(j.filled),
      open: Math.max(0, j.places - Number(j.filled)),
      waiting: Number(j.waiting),
      skills: j.skills,
      commitment: j.commitment,
      accepted: people(j.id),
    })),
    helpers: people(null),
    waiting: jobs.reduce((n, j) => n + Number(j.waiting), 0),
  };
}

/** Each phase's checklist from its guide (in the viewer's language, or English), with what the leads checked. */
export function presentChecklist(phases: { phase: Phase; list: PhaseChecklist | null }[], checked: Set<string>) {
  return phases.map(({ phase, list }) => ({
    phase,
    guide: list?.guide ?? phase,
    items: (list?.items ?? []).map((i) => ({ id: i.id, text: i.text, language: i.language, checked: checked.has(i.id) })),
  }));
}

export function presentEvaluation(e: EvaluationRow | undefined) {
  if (!e) return null;
  return {
    outcomes: e.outcomes.map((o) => ({ goal: o.goal, result: o.result, note: o.note ?? '' })),
    reached: e.reached.map((r) => ({ region: r.region, language: r.language, count: Number(r.count) })),
    reachedTotal: e.reached.reduce((n, r) => n + Number(r.count), 0),
    lessons: e.lessons,
    lessonsHtml: renderMarkdown(e.lessons),
    differently: e.differently,
    differentlyHtml: e.differently ? renderMarkdown(e.differently) : '',
    documentation: e.documentation,
    followUp: e.follow_up,
    updatedAt: e.updated_at.toISOString(),
  };
}

export const presentRequest = (r: RequestRow) => ({
  id: String(r.id),
  kind: r.kind,
  person: person(r.username, r.display_name),
  message: r.message,
  createdAt: r.created_at.toISOString(),
});

/** The stages a manager may move the initiative to now. */
export const movesOf = (stage: Stage): Stage[] => [...STAGE_MOVES[stage]];

/**
 * A progress update. Hidden by moderation, it keeps its place with the reason; its author, the initiative's
 * leads, admins and moderators (`manager`) still read it.
 */
export function presentProgress(u: UpdateRow, viewer: CurrentUser | null, manager: boolean, bodyHtml = renderMarkdown(u.body)) {
  const { hidden, readable } = hiddenView(u, viewer, u.author_id);
  const shown = readable || manager;
  return {
    id: String(u.id),
    title: shown ? u.title : '',
    bodyHtml: shown ? bodyHtml : '',
    hidden,
    author: person(u.username, u.display_name),
    createdAt: u.created_at.toISOString(),
  };
}

interface DetailShape {
  can: { support: boolean; signUp: boolean; volunteer: boolean };
}

/**
 * A hidden initiative as people who may not read it see it: where it stands and who leads it, with none of its
 * text, call, team requests, progress, grants or evaluation, and nothing they can add to it.
 */
export function withheld<T extends DetailShape>(d: T): T {
  return {
    ...d,
    title: '',
    summary: '',
    summaryText: '',
    problem: '',
    audience: '',
    summaryHtml: '',
    problemHtml: '',
    audienceHtml: '',
    callDetail: null,
    mySignups: [],
    waitingList: [],
    leadRequests: [],
    updates: [],
    links: [],
    grants: [],
    checklist: [],
    evaluation: null,
    can: { ...d.can, support: false, signUp: false, volunteer: false },
  };
}
