// Exports for partner and funder reports: one initiative as wikitext for a Meta-Wiki page, and the archive as
// JSON or CSV. Every value people typed is escaped for its format: wikitext gets it inside <nowiki> with `<` and
// `&` as entities, CSV quotes every field and defuses cells a spreadsheet would run as a formula.
import { initiativeKey } from '../../../contracts/initiatives';
import { regionMessageKey } from '../../../contracts/regions';
import { skillMessageKey } from '../../../contracts/skills';
import { languageName } from '../../../contracts/mediawiki-languages';
import type { Translate } from '../../http/i18n';
import type { ExportRecords } from './export-repo';
import type { InitiativeRow } from './repo';

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
  leads: { username: string; displayName: string }[];
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

/** The report records of a list of initiatives (in its order), from the bulk reads of export-repo. */
export function reports(rows: InitiativeRow[], r: ExportRecords, baseUrl: string): Report[] {
  return rows.map((i) => {
    const call = r.calls.find((c) => c.initiative_id === i.id);
    const accepted = r.accepted.filter((a) => a.initiative_id === i.id);
    const names = (jobId: number | null) => accepted.filter((a) => a.job_id === jobId).map((a) => a.display_name || a.username);
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
      communities: r.communities.filter((c) => c.initiative_id === i.id).map((c) => ({ slug: c.slug, name: c.name, url: `${baseUrl}/communities/${encodeURIComponent(c.slug)}` })),
      skills: i.skills,
      leads: r.leads.filter((l) => l.initiative_id === i.id).map((l) => ({ username: l.username, displayName: l.display_name || l.username })),
      supporters: Number(i.supporters),
      call: call
        ? {
            goals: call.goals,
            start: call.starts_on,
            end: call.ends_on,
            deadline: call.deadline,
            jobs: r.jobs
              .filter((j) => j.initiative_id === i.id)
              .map((j) => ({ title: j.title, places: j.places, filled: Number(j.filled), commitment: j.commitment, skills: j.skills, people: names(j.id) })),
            helpers: names(null),
          }
        : null,
      grants: r.grants.filter((g) => g.initiative_id === i.id).map((g) => ({ program: g.program, amount: g.amount, currency: g.currency, status: g.status, url: g.url })),
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

// --- wikitext

/** Text people typed, shown literally on a wiki page: no markup, template, link or tag can come through. */
export const literal = (s: string) => (s === '' ? '' : `<nowiki>${s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/\r?\n/g, ' ')}</nowiki>`);
/** A paragraph of text people typed, its line breaks kept. */
const block = (s: string) => s.split(/\r?\n\s*\r?\n/).map((p) => literal(p.trim())).filter(Boolean).join('\n\n');
/** An external link [url text]: the address made safe for the bracket syntax. */
const extLink = (url: string, text: string) => `[${wikiUrl(url)} ${literal(text)}]`;
/**
 * An address as wikitext reads it literally: every character outside a plain set (brackets, braces, pipes,
 * quotes, tildes, spaces, letters beyond ASCII) percent-encoded, and `__` split, so no template, link, quote,
 * signature or magic word can come out of it. The address stays the same to a browser.
 */
export const wikiUrl = (url: string) =>
  url
    .replace(/[^A-Za-z0-9\-._:/?#@!$&()*+,;=%]/gu, (c) => encodeURIComponent(c).replace(/['~]/g, (x) => `%${x.charCodeAt(0).toString(16).toUpperCase()}`))
    .replace(/__/g, '_%5F');
/** A user page on Meta when the name can be a wiki title (and holds no quote, signature or magic word), else the name as text. */
const userLink = (p: { username: string; displayName: string }) =>
  /[[\]{}|#<>]|''|~~~|__/.test(p.username) ? literal(p.displayName) : `[[m:User:${p.username}|${literal(p.displayName)}]]`;

export function wikitext(r: Report, updates: { title: string; body: string; createdAt: string }[], t: Translate, lang: string): string {
  const out: string[] = [];
  const heading = (level: number, text: string) => out.push('', `${'='.repeat(level)} ${text} ${'='.repeat(level)}`);
  const names = (codes: string[]) => codes.map((c) => languageName(c, lang)).join(', ');
  out.push(`${t('initiatives-export-intro')} ${extLink(r.url, r.title)}`, '', block(r.summary));
  heading(2, t('initiatives-about'));
  out.push(`* ${t('initiatives-filter-stage')}: ${t(initiativeKey('stage', r.stage))}`);
  if (r.phase && r.stage === 'active') out.push(`* ${t('initiatives-export-phase')}: ${t(initiativeKey('phase', r.phase))}`);
  if (r.regions.length) out.push(`* ${t('initiatives-field-regions')}: ${r.regions.map((x) => t(regionMessageKey(x))).join(', ')}`);
  if (r.languages.length) out.push(`* ${t('initiatives-field-languages')}: ${names(r.languages)}`);
  if (r.communities.length) out.push(`* ${t('initiatives-field-groups')}: ${r.communities.map((c) => extLink(c.url, c.name)).join(', ')}`);
  if (r.skills.length) out.push(`* ${t('initiatives-field-skills')}: ${r.skills.map((s) => t(skillMessageKey(s))).join(', ')}`);
  out.push(`* ${t('initiatives-leads')} ${r.leads.length ? r.leads.map(userLink).join(', ') : '—'}`);
  if (r.problem) {
    heading(3, t('initiatives-field-problem'));
    out.push(block(r.problem));
  }
  if (r.audience) {
    heading(3, t('initiatives-field-audience'));
    out.push(block(r.audience));
  }
  if (r.call) {
    heading(2, t('initiatives-call-title'));
    out.push(`* ${t('initiatives-call-timeframe')}: ${r.call.start} – ${r.call.end}`, `* ${t('initiatives-call-deadline')}: ${r.call.deadline}`);
    heading(3, t('initiatives-call-goals'));
    for (const g of r.call.goals) out.push(`* ${literal(g)}`);
    heading(3, t('initiatives-export-jobs-people'));
    out.push('{| class="wikitable"', `! ${t('initiatives-field-job-title')} !! ${t('initiatives-field-job-places')} !! ${t('initiatives-export-filled')} !! ${t('initiatives-export-people')}`);
    for (const j of r.call.jobs) out.push('|-', `| ${literal(j.title)} || ${j.places} || ${j.filled} || ${j.people.map(literal).join(', ')}`);
    if (r.call.helpers.length) out.push('|-', `| ${t('initiatives-general-help')} || || ${r.call.helpers.length} || ${r.call.helpers.map(literal).join(', ')}`);
    out.push('|}');
  }
  if (updates.length) {
    heading(2, t('initiatives-updates-title'));
    for (const u of updates) {
      heading(3, `${literal(u.title)} (${u.createdAt.slice(0, 10)})`);
      out.push(block(u.body));
    }
  }
  if (r.links.length) {
    heading(2, t('initiatives-links-title'));
    for (const l of r.links) out.push(`* ${t(initiativeKey('link', l.kind))}: ${extLink(l.url, l.title)}`);
  }
  if (r.grants.length) {
    heading(2, t('initiatives-grants-title'));
    for (const g of r.grants) {
      out.push(`* ${t(initiativeKey('program', g.program))}: ${g.amount} ${g.currency} (${t(initiativeKey('grant', g.status))})${g.url ? ` ${extLink(g.url, t('initiatives-grant-page'))}` : ''}`);
    }
  }
  const e = r.evaluation;
  if (e) {
    heading(2, t('initiatives-evaluation-title'));
    heading(3, t('initiatives-evaluation-outcomes'));
    for (const o of e.outcomes) out.push(`* ${literal(o.goal)}: ${t(initiativeKey('result', o.result))}${o.note ? ` — ${literal(o.note)}` : ''}`);
    heading(3, t('initiatives-evaluation-reached', e.reachedTotal));
    out.push('{| class="wikitable"', `! ${t('initiatives-filter-region')} !! ${t('initiatives-filter-language')} !! ${t('initiatives-field-reached-count')}`);
    for (const x of e.reached) out.push('|-', `| ${t(regionMessageKey(x.region))} || ${languageName(x.language, lang)} || ${x.count}`);
    out.push('|}');
    heading(3, t('initiatives-evaluation-lessons'));
    out.push(block(e.lessons));
    if (e.differently) {
      heading(3, t('initiatives-evaluation-differently'));
      out.push(block(e.differently));
    }
    if (e.documentation.length) {
      heading(3, t('initiatives-evaluation-documentation'));
      for (const d of e.documentation) out.push(`* ${extLink(d, d)}`);
    }
  }
  return `${out.join('\n')}\n`;
}

// --- CSV (RFC 4180)

/** One CSV field: always quoted, quotes doubled, and a leading =, +, -, @, tab or return defused with a '. */
export function csvField(v: string | number | null): string {
  let s = v === null ? '' : String(v);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return `"${s.replace(/"/g, '""')}"`;
}

const CSV_COLUMNS = [
  'id', 'url', 'title', 'stage', 'outcome', 'created', 'ended', 'regions', 'languages', 'groups', 'skills', 'leads', 'supporters',
  'goals', 'jobs', 'people', 'reached_total', 'reached', 'grants', 'lessons', 'differently', 'documentation',
] as const;

export function csv(rows: Report[]): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const r of rows) {
    const e = r.evaluation;
    const people = r.call ? [...r.call.jobs.flatMap((j) => j.people), ...r.call.helpers] : [];
    const values: (string | number | null)[] = [
      r.id,
      r.url,
      r.title,
      r.stage,
      r.outcome,
      r.createdAt.slice(0, 10),
      r.endedAt ? r.endedAt.slice(0, 10) : null,
      r.regions.join('; '),
      r.languages.join('; '),
      r.communities.map((c) => c.name).join('; '),
      r.skills.join('; '),
      r.leads.map((l) => l.username).join('; '),
      r.supporters,
      (e?.outcomes.map((o) => `${o.goal}: ${o.result}`) ?? r.call?.goals ?? []).join('; '),
      (r.call?.jobs.map((j) => `${j.title} (${j.filled}/${j.places})`) ?? []).join('; '),
      people.length,
      e ? e.reachedTotal : null,
      (e?.reached.map((x) => `${x.region}/${x.language}: ${x.count}`) ?? []).join('; '),
      r.grants.map((g) => `${g.program} ${g.amount} ${g.currency} ${g.status}`).join('; '),
      e?.lessons ?? null,
      e?.differently ?? null,
      (e?.documentation ?? []).join(' '),
    ];
    lines.push(values.map(csvField).join(','));
  }
  // A byte-order mark so spreadsheet programs read UTF-8; CRLF line ends as RFC 4180 says.
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
