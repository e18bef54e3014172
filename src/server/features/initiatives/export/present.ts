// Initiatives as report records for partner and funder reports: what the downloads hold (./formats.ts writes
// them as wikitext and CSV; the JSON download is these records). People are named as the one person presenter
// shows them: a display name they did not make public is never written.
import type { PersonRef } from '../../../../contracts/people';
import { presentPersonRef } from '../../people';
import type { InitiativeRow } from '../repo';
import type { ExportRecords } from './repo';

export interface Report {
  id: string;
  url: string;
  title: string;
  summary: string;
  problem: string;
  audience: string;
  stage: string;
  phase: string | null;
  outcome: string | null;
  createdAt: string;
  endedAt: string | null;
  regions: string[];
  languages: string[];
  communities: { slug: string; name: string; url: string }[];
  skills: string[];
  leads: PersonRef[];
  supporters: number;
  call: {
    goals: string[];
    start: string;
    end: string;
    deadline: string;
    jobs: { title: string; places: number; filled: number; commitment: string; skills: string[]; people: string[] }[];
    helpers: string[];
  } | null;
  grants: { program: string; amount: string; currency: string; status: string; url: string | null }[];
  links: { kind: string; title: string; url: string }[];
  evaluation: {
    outcomes: { goal: string; result: string; note: string }[];
    reached: { region: string; language: string; count: number }[];
    reachedTotal: number;
    lessons: string;
    differently: string;
    documentation: string[];
    followUp: string | null;
  } | null;
}

/** The report records of a list of initiatives (in its order), from the bulk reads of ./repo.ts. */
export function reports(rows: InitiativeRow[], r: ExportRecords, baseUrl: string): Report[] {
  return rows.map((i) => {
    const call = r.calls.find((c) => c.initiative_id === i.id);
    const accepted = r.accepted.filter((a) => a.initiative_id === i.id);
    const names = (jobId: number | null) =>
      accepted.filter((a) => a.job_id === jobId).map((a) => presentPersonRef(a).displayName);
    const e = r.evaluations.find((x) => x.initiative_id === i.id);
    return {
      id: String(i.id),
      url: `${baseUrl}/initiatives/${i.id}`,
      title: i.title,
      summary: i.summary,
      problem: i.problem,
      audience: i.audience,
      stage: i.stage,
      phase: i.phase,
      outcome: i.outcome,
      createdAt: i.created_at.toISOString(),
      endedAt: i.ended_at ? i.ended_at.toISOString() : null,
      regions: i.regions,
      languages: i.languages,
      communities: r.communities
        .filter((c) => c.initiative_id === i.id)
        .map((c) => ({ slug: c.slug, name: c.name, url: `${baseUrl}/communities/${encodeURIComponent(c.slug)}` })),
      skills: i.skills,
      leads: r.leads.filter((l) => l.initiative_id === i.id).map((l) => presentPersonRef(l)),
      supporters: Number(i.supporters),
      call: call
        ? {
            goals: call.goals,
            start: call.starts_on,
            end: call.ends_on,
            deadline: call.deadline,
            jobs: r.jobs
              .filter((j) => j.initiative_id === i.id)
              .map((j) => ({
                title: j.title,
                places: j.places,
                filled: Number(j.filled),
                commitment: j.commitment,
                skills: j.skills,
                people: names(j.id),
              })),
            helpers: names(null),
          }
        : null,
      grants: r.grants
        .filter((g) => g.initiative_id === i.id)
        .map((g) => ({ program: g.program, amount: g.amount, currency: g.currency, status: g.status, url: g.url })),
      links: r.links.filter((l) => l.initiative_id === i.id).map((l) => ({ kind: l.kind, title: l.title, url: l.url })),
      evaluation: e
        ? {
            outcomes: e.outcomes.map((o) => ({ goal: o.goal, result: o.result, note: o.note ?? '' })),
            reached: e.reached.map((x) => ({ region: x.region, language: x.language, count: Number(x.count) })),
            reachedTotal: e.reached.reduce((n, x) => n + Number(x.count), 0),
            lessons: e.lessons,
            differently: e.differently,
            documentation: e.documentation,
            followUp: e.follow_up,
          }
        : null,
    };
  });
}
