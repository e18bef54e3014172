// Initiatives as the API shows them (src/contracts/initiatives-answers.ts): explicit whitelists, Markdown
// rendered and sanitized on the server, people through the one person presenter (hidden display names).
// Each capability presents its own parts (call/present.ts, team/present.ts, records/present.ts).
import type { Phase, Stage } from '../../../contracts/initiatives';
import type { InitiativeDetail, InitiativeItem } from '../../../contracts/initiatives-answers';
import type { PersonRef } from '../../../contracts/people';
import { storedExcerpt } from '../../markdown/stored';
import { presentJoinedPerson, presentPersonRef, type PersonRefRow } from '../people';
import type { InitiativeRow } from './repo';

type CommunityOf = { initiative_id: number; slug: string; name: string };
type LeadOf = PersonRefRow & { initiative_id: number };

export function presentItem(r: InitiativeRow, communities: CommunityOf[], leads: LeadOf[]): InitiativeItem {
  return {
    id: String(r.id),
    title: r.title,
    summary: r.summary,
    summaryText: storedExcerpt(r.summary, r.summary_lead, r.html_version, 240),
    stage: r.stage as Stage,
    phase: (r.phase as Phase | null) ?? null,
    languages: r.languages,
    regions: r.regions,
    skills: r.skills,
    communities: communities.filter((c) => c.initiative_id === r.id).map((c) => ({ slug: c.slug, name: c.name })),
    leads: leads.filter((l) => l.initiative_id === r.id).map((l) => presentPersonRef(l)),
    supporters: Number(r.supporters),
    seekingLead: r.seeking_lead,
    quiet: r.quiet_since !== null,
    call: r.call_state ?? 'none',
    // Places count only while people can take them.
    openPlaces: r.call_state === 'open' ? Number(r.open_places) : 0,
    createdAt: r.created_at.toISOString(),
    endedAt: r.ended_at ? r.ended_at.toISOString() : null,
    outcome: (r.outcome as 'met' | 'partly_met' | 'not_met' | null) ?? null,
  };
}

/** A person read through a left join of `users` (every column null when there is none), as the one presenter shows them. */
export function joinedPerson(p: {
  username: string | null;
  display_name: string | null;
  public_fields: readonly string[] | null;
}): PersonRef | null {
  return presentJoinedPerson(p.username, p.display_name, p.public_fields);
}

/** Who posted the idea (null once their account is gone). */
export const presentAuthor = (r: InitiativeRow): PersonRef | null =>
  joinedPerson({
    username: r.author_username,
    display_name: r.author_display_name,
    public_fields: r.author_public_fields,
  });

/**
 * A hidden initiative as people who may not read it see it: where it stands and who leads it, with none of its
 * text, call, team requests, progress, grants or evaluation, and nothing they can add to it.
 */
export function withheld(d: InitiativeDetail): InitiativeDetail {
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
