// Response mappers of the guides: explicit whitelists of fields.
import type {
  ChecklistEntry,
  GuideNeighbour,
  GuideRevisionDetail,
  GuideRevisionItem,
  GuideSummary,
} from '../../../contracts/guides';
import { storedHtml } from '../../markdown/stored';
import { presentPersonRef } from '../people';
import type { GuideRow, RevisionContentRow, RevisionRow, VersionHead, VersionRow } from './repo';
import { SOURCE_LANGUAGE } from './schema';
import type { ChecklistItem, Phase } from './tables';

/** A translation is outdated while the English text has a newer revision than the one it translates. */
export const isOutdated = (v: Pick<VersionHead, 'language' | 'source_revision'>, sourceRevision: number): boolean =>
  v.language !== SOURCE_LANGUAGE && (v.source_revision ?? 0) < sourceRevision;

/**
 * A guide's body sits right under the page title: Markdown's `#` becomes the page's second level (its stored
 * HTML, whose headings start at the third level, has them raised by one).
 */
export const guideBodyHtml = (v: Pick<VersionRow, 'body' | 'body_html' | 'html_version'>): string =>
  storedHtml(v.body, v.body_html, v.html_version).replace(
    /<(\/?)h([3-6])>/g,
    (_m, slash: string, level: string) => `<${slash}h${Number(level) - 1}>`,
  );

/** `<phase>_<key>` with dashes as underscores, e.g. `design_evaluation_plan`. */
export const checklistId = (phase: Phase | null, key: string): string =>
  `${phase ?? 'overview'}_${key.replace(/-/g, '_')}`;

/**
 * The checklist in English's items and order, each in the shown version's text when it has one, else in
 * English (marked with its language).
 */
export function mergeChecklist(phase: Phase | null, source: ChecklistItem[], shown: VersionRow): ChecklistEntry[] {
  const texts = new Map(shown.checklist.map((i) => [i.key, i.text]));
  return source.map((item) => {
    const text = texts.get(item.key);
    return text !== undefined
      ? { key: item.key, id: checklistId(phase, item.key), text, language: shown.language }
      : { key: item.key, id: checklistId(phase, item.key), text: item.text, language: SOURCE_LANGUAGE };
  });
}

export interface Shown<V> {
  /** The version shown: the language asked for, or English. */
  version: V;
  source: V;
  fallback: boolean;
}

export const presentSummary = (g: GuideRow, shown: Shown<VersionHead>): GuideSummary => ({
  slug: g.slug,
  phase: g.phase,
  position: g.position,
  language: shown.version.language,
  fallback: shown.fallback,
  outdated: isOutdated(shown.version, shown.source.revision),
  title: shown.version.title,
  summary: shown.version.summary,
});

export const presentNeighbour = (g: GuideRow | undefined, head: VersionHead | undefined): GuideNeighbour | null =>
  g && head ? { slug: g.slug, phase: g.phase, title: head.title, language: head.language } : null;

/** The person of a left join (all columns null when there is none), through the one person presenter. */
const personRef = (username: string | null, display_name: string | null, public_fields: readonly string[] | null) =>
  presentPersonRef(username === null ? null : { username, display_name, public_fields: public_fields ?? [] });

export const presentRevision = (r: RevisionRow): GuideRevisionItem => ({
  revision: r.revision,
  language: r.language,
  title: r.title,
  note: r.note,
  minor: r.minor,
  sourceRevision: r.source_revision,
  createdAt: r.created_at.toISOString(),
  editor: personRef(r.editor_username, r.editor_display_name, r.editor_public_fields),
});

export const presentRevisionDetail = (r: RevisionContentRow): GuideRevisionDetail => ({
  ...presentRevision(r),
  summary: r.summary,
  body: r.body,
  checklist: r.checklist.map((i) => ({ key: i.key, text: i.text })),
});
