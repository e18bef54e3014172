// What the leads record, as the API shows it (src/contracts/initiatives-answers.ts): progress updates, links,
// grants, the phase checklists and the evaluation.
import type { Phase } from '../../../../contracts/initiatives';
import type {
  CheckAnswer,
  Evaluation,
  Grant,
  InitiativeLink,
  PhaseChecklist,
  ProgressUpdate,
} from '../../../../contracts/initiatives-answers';
import type { CurrentUser } from '../../../http/context';
import { storedHtml } from '../../../markdown/stored';
import type { PhaseChecklist as GuideChecklist } from '../../guides';
import { hiddenView } from '../../moderation';
import { joinedPerson } from '../present';
import type { EvaluationRow, GrantValues, UpdateRow } from './repo';

/**
 * A progress update. Hidden by moderation, it keeps its place with the reason; its author, the initiative's
 * leads, admins and moderators (`manager`) still read it.
 */
export function presentProgress(
  u: UpdateRow,
  viewer: CurrentUser | null,
  manager: boolean,
  bodyHtml = storedHtml(u.body, u.body_html, u.html_version),
): ProgressUpdate {
  const { hidden, readable } = hiddenView(u, viewer, u.author_id);
  const shown = readable || manager;
  return {
    id: String(u.id),
    title: shown ? u.title : '',
    bodyHtml: shown ? bodyHtml : '',
    hidden,
    author: joinedPerson(u),
    createdAt: u.created_at.toISOString(),
  };
}

export const presentLink = (l: { id: number; kind: string; title: string; url: string }): InitiativeLink => ({
  id: String(l.id),
  kind: l.kind as InitiativeLink['kind'],
  title: l.title,
  url: l.url,
});

export const presentGrant = (g: GrantValues & { id: number }): Grant => ({
  id: String(g.id),
  program: g.program as Grant['program'],
  amount: g.amount,
  currency: g.currency,
  status: g.status as Grant['status'],
  url: g.url,
});

/** Each phase's checklist from its guide (in the viewer's language, or English), with what the leads checked. */
export function presentChecklist(
  phases: { phase: Phase; list: GuideChecklist | null }[],
  checked: Set<string>,
): PhaseChecklist[] {
  return phases.map(({ phase, list }) => ({
    phase,
    guide: list?.guide ?? phase,
    items: (list?.items ?? []).map((i) => ({
      id: i.id,
      text: i.text,
      language: i.language,
      checked: checked.has(i.id),
    })),
  }));
}

export const presentCheck = (item: string, checked: boolean): CheckAnswer => ({ item, checked });

export function presentEvaluation(e: EvaluationRow | undefined): Evaluation | null {
  if (!e) return null;
  return {
    outcomes: e.outcomes.map((o) => ({ goal: o.goal, result: o.result, note: o.note ?? '' })),
    reached: e.reached.map((r) => ({ region: r.region, language: r.language, count: Number(r.count) })),
    reachedTotal: e.reached.reduce((n, r) => n + Number(r.count), 0),
    lessons: e.lessons,
    lessonsHtml: storedHtml(e.lessons, e.lessons_html, e.html_version),
    differently: e.differently,
    differentlyHtml: e.differently ? storedHtml(e.differently, e.differently_html, e.html_version) : '',
    documentation: e.documentation,
    followUp: e.follow_up,
    updatedAt: e.updated_at.toISOString(),
  };
}
