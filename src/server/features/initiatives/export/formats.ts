// Exports for partner and funder reports: one initiative as wikitext for a Meta-Wiki page, and the archive as
// JSON or CSV. Every value people typed is escaped for its format: in wikitext, their Markdown goes through the
// Markdown -> wikitext converter (formatting kept, nothing else read as markup) and plain values (titles, names)
// inside <nowiki> with `<` and `&` as entities; CSV quotes every field and defuses cells a spreadsheet would run
// as a formula.
import { initiativeKey } from '../../../../contracts/initiatives';
import { regionMessageKey } from '../../../../contracts/regions';
import { skillMessageKey } from '../../../../contracts/skills';
import { languageName } from '../../../../contracts/mediawiki-languages';
import type { Translate } from '../../../http/i18n';
import { markdownToWikitext } from '../../../text/wikitext';
import type { Report } from './present';
import type { UsedSource } from './sources';

// --- wikitext

/** Text people typed, shown literally on a wiki page: no markup, template, link or tag can come through. */
export const literal = (s: string) =>
  s === '' ? '' : `<nowiki>${s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/\r?\n/g, ' ')}</nowiki>`;
/**
 * Markdown people wrote (summaries, updates, lessons) as wikitext by the one converter (src/server/text): its
 * formatting kept, its headings under the export's own, and nothing of it read as a template, tag, signature or
 * magic word (wikitext they marked to keep is shown as code, never written raw).
 */
const block = (s: string) => markdownToWikitext(s, { keepWikitext: false, headingShift: 3 });
/** An external link [url text]: the address made safe for the bracket syntax. */
const extLink = (url: string, text: string) => `[${wikiUrl(url)} ${literal(text)}]`;
/**
 * An address as wikitext reads it literally: every character outside a plain set (brackets, braces, pipes,
 * quotes, tildes, spaces, letters beyond ASCII) percent-encoded, and `__` split, so no template, link, quote,
 * signature or magic word can come out of it. The address stays the same to a browser.
 */
export const wikiUrl = (url: string) =>
  url
    .replace(/[^A-Za-z0-9\-._:/?#@!$&()*+,;=%]/gu, (c) =>
      encodeURIComponent(c).replace(/['~]/g, (x) => `%${x.charCodeAt(0).toString(16).toUpperCase()}`),
    )
    .replace(/__/g, '_%5F');
/** A user page on Meta when the name can be a wiki title (and holds no quote, signature or magic word), else the name as text. */
const userLink = (p: { username: string; displayName: string }) =>
  /[[\]{}|#<>]|''|~~~|__/.test(p.username)
    ? literal(p.displayName)
    : `[[m:User:${p.username}|${literal(p.displayName)}]]`;

export function wikitext(
  r: Report,
  updates: { title: string; body: string; createdAt: string }[],
  t: Translate,
  lang: string,
  sources: UsedSource[] = [],
): string {
  const out: string[] = [];
  const heading = (level: number, text: string) => out.push('', `${'='.repeat(level)} ${text} ${'='.repeat(level)}`);
  const names = (codes: string[]) => codes.map((c) => languageName(c, lang)).join(', ');
  out.push(`${t('initiatives-export-intro')} ${extLink(r.url, r.title)}`, '', block(r.summary));
  heading(2, t('initiatives-about'));
  out.push(`* ${t('initiatives-filter-stage')}: ${t(initiativeKey('stage', r.stage))}`);
  if (r.phase && r.stage === 'active')
    out.push(`* ${t('initiatives-export-phase')}: ${t(initiativeKey('phase', r.phase))}`);
  if (r.regions.length)
    out.push(`* ${t('initiatives-field-regions')}: ${r.regions.map((x) => t(regionMessageKey(x))).join(', ')}`);
  if (r.languages.length) out.push(`* ${t('initiatives-field-languages')}: ${names(r.languages)}`);
  if (r.communities.length)
    out.push(`* ${t('initiatives-field-groups')}: ${r.communities.map((c) => extLink(c.url, c.name)).join(', ')}`);
  if (r.skills.length)
    out.push(`* ${t('initiatives-field-skills')}: ${r.skills.map((s) => t(skillMessageKey(s))).join(', ')}`);
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
    out.push(
      `* ${t('initiatives-call-timeframe')}: ${r.call.start} – ${r.call.end}`,
      `* ${t('initiatives-call-deadline')}: ${r.call.deadline}`,
    );
    heading(3, t('initiatives-call-goals'));
    for (const g of r.call.goals) out.push(`* ${literal(g)}`);
    heading(3, t('initiatives-export-jobs-people'));
    out.push(
      '{| class="wikitable"',
      `! ${t('initiatives-field-job-title')} !! ${t('initiatives-field-job-places')} !! ${t('initiatives-export-filled')} !! ${t('initiatives-export-people')}`,
    );
    for (const j of r.call.jobs)
      out.push('|-', `| ${literal(j.title)} || ${j.places} || ${j.filled} || ${j.people.map(literal).join(', ')}`);
    if (r.call.helpers.length)
      out.push(
        '|-',
        `| ${t('initiatives-general-help')} || || ${r.call.helpers.length} || ${r.call.helpers.map(literal).join(', ')}`,
      );
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
  if (sources.length) {
    heading(2, t('sources-export-heading'));
    // The template escapes what would break it; signatures, magic words and quote markup are defused here too.
    const defused = (c: string) =>
      c
        .replace(/~(?=~)/g, '&#126;')
        .replace(/_(?=_)/g, '&#95;')
        .replace(/'(?=')/g, '&#39;');
    for (const s of sources) out.push(`* ${defused(s.citation)}${s.note ? ` — ${literal(s.note)}` : ''}`);
  }
  if (r.grants.length) {
    heading(2, t('initiatives-grants-title'));
    for (const g of r.grants) {
      out.push(
        `* ${t(initiativeKey('program', g.program))}: ${g.amount} ${g.currency} (${t(initiativeKey('grant', g.status))})${g.url ? ` ${extLink(g.url, t('initiatives-grant-page'))}` : ''}`,
      );
    }
  }
  const e = r.evaluation;
  if (e) {
    heading(2, t('initiatives-evaluation-title'));
    heading(3, t('initiatives-evaluation-outcomes'));
    for (const o of e.outcomes)
      out.push(`* ${literal(o.goal)}: ${t(initiativeKey('result', o.result))}${o.note ? ` — ${literal(o.note)}` : ''}`);
    heading(3, t('initiatives-evaluation-reached', e.reachedTotal));
    out.push(
      '{| class="wikitable"',
      `! ${t('initiatives-filter-region')} !! ${t('initiatives-filter-language')} !! ${t('initiatives-field-reached-count')}`,
    );
    for (const x of e.reached)
      out.push('|-', `| ${t(regionMessageKey(x.region))} || ${languageName(x.language, lang)} || ${x.count}`);
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
  'id',
  'url',
  'title',
  'stage',
  'outcome',
  'created',
  'ended',
  'regions',
  'languages',
  'groups',
  'skills',
  'leads',
  'supporters',
  'goals',
  'jobs',
  'people',
  'reached_total',
  'reached',
  'grants',
  'lessons',
  'differently',
  'documentation',
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
