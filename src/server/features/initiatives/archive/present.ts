// Past initiatives as the archive shows them (src/contracts/initiatives-answers.ts).
import type { ArchivedInitiative } from '../../../../contracts/initiatives-answers';
import { presentPersonRef } from '../../people';
import type { ArchivedRow } from './repo';

const EXCERPT = 280;

/** Plain text from the start of a Markdown text, cut at a word. */
export function excerpt(text: string | null, max = EXCERPT): string {
  const plain = (text ?? '').replace(/\s+/gu, ' ').trim();
  if (plain.length <= max) return plain;
  const cut = plain.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

export function presentArchived(r: ArchivedRow): ArchivedInitiative {
  const outcomes = r.outcomes ?? [];
  const count = (result: string) => outcomes.filter((o) => o.result === result).length;
  return {
    id: String(r.id),
    title: r.title,
    summary: r.summary,
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
    lessonsExcerpt: excerpt(r.lessons),
    documentation: r.documentation ?? [],
  };
}
