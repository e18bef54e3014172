// Past initiatives as the archive shows them (src/contracts/initiatives-answers.ts).
// Cards show plain text: the summary and the lessons are Markdown, so their starts are read out of it.
import type { ArchivedInitiative } from '../../../../contracts/initiatives-answers';
import { storedExcerpt } from '../../../markdown/stored';
import { presentPersonRef } from '../../people';
import type { ArchivedRow } from './repo';

/** Characters of the summary and of the lessons a card shows. */
const SUMMARY_EXCERPT = 240;
const LESSONS_EXCERPT = 280;

export function presentArchived(r: ArchivedRow): ArchivedInitiative {
  const outcomes = r.outcomes ?? [];
  const count = (result: string) => outcomes.filter((o) => o.result === result).length;
  return {
    id: String(r.id),
    title: r.title,
    summary: r.summary,
    summaryText: storedExcerpt(r.summary, r.summary_lead, r.html_version, SUMMARY_EXCERPT),
    stage: r.stage as 'archived',
    ended: r.stage === 'archived' ? 'completed' : 'discontinued',
    outcome: r.lessons === null ? null : ((r.outcome as 'met' | null) ?? null),
    languages: r.languages,
    regions: r.regions,
    skills: r.skills,
    communities: r.communities.map((c) => ({ slug: c.slug, name: c.name })),
    leads: r.leads.map((l) => presentPersonRef(l)),
    createdAt: r.created_at.toISOString(),
    // In the archive every initiative has ended (archive/repo.ts reads only those with ended_at).
    endedAt: (r.ended_at ?? r.created_at).toISOString(),
    evaluated: r.lessons !== null,
    goals: { met: count('met'), partlyMet: count('partly_met'), notMet: count('not_met') },
    reachedTotal: (r.reached ?? []).reduce((n, x) => n + Number(x.count), 0),
    people: Number(r.people),
    lessonsExcerpt: r.lessons ? storedExcerpt(r.lessons, r.lessons_lead, r.lessons_version, LESSONS_EXCERPT) : '',
    documentation: r.documentation ?? [],
  };
}
