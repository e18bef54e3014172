// The guides' answers: the list, one guide with its checklist, revisions, and what changed in the English text
// since a translation caught up with it. The web derives its types from these with z.infer (and imports them
// with `import type`, so no schema code reaches the browser).
import { z } from 'zod';
import { personRef } from './people';

/** The LDP guide's phases, one guide each (the overview has none). */
export const PHASES = ['define', 'design', 'develop', 'implement', 'evaluate'] as const;
export type Phase = (typeof PHASES)[number];

const phase = z.enum(PHASES).nullable();

const languageState = z.object({
  language: z.string(),
  /** A translation whose English text changed since it was last brought up to date. */
  outdated: z.boolean(),
});

export const guideNeighbour = z.object({ slug: z.string(), phase, title: z.string(), language: z.string() }).nullable();
export type GuideNeighbour = NonNullable<z.infer<typeof guideNeighbour>>;

export const guideSummary = z.object({
  slug: z.string(),
  /** The LDP guide's phase; null for the overview. */
  phase,
  position: z.number(),
  /** The language of the text shown: the one asked for, or the first of its fallback chain that has one (English last). */
  language: z.string(),
  /** The text is in another language (a fallback, English last) because the one asked for has no version. */
  fallback: z.boolean(),
  outdated: z.boolean(),
  title: z.string(),
  summary: z.string(),
});
export type GuideSummary = z.infer<typeof guideSummary>;

export const guideList = z.object({
  items: z.array(guideSummary),
  next: z.null(),
  /** The language asked for (the interface language by default). */
  requested: z.string(),
});
export type GuideList = z.infer<typeof guideList>;

export const checklistEntry = z.object({
  /** The item's key within its guide. */
  key: z.string(),
  /** `<phase>_<key>` (dashes as underscores): what an initiative records when the item is done. */
  id: z.string(),
  text: z.string(),
  /** The item's own language: English where the translation has no text for it. */
  language: z.string(),
});
export type ChecklistEntry = z.infer<typeof checklistEntry>;

export const guideDetail = guideSummary.extend({
  requested: z.string(),
  /** Markdown source, for editing. */
  body: z.string(),
  /** Sanitized HTML rendered from the body. */
  bodyHtml: z.string(),
  checklist: z.array(checklistEntry),
  revision: z.number(),
  /** For a translation: the English revision it translates. */
  sourceRevision: z.number().nullable(),
  /** The English version's current revision. */
  sourceCurrentRevision: z.number(),
  updatedAt: z.string(),
  /** Every language the guide has a version in. */
  languages: z.array(languageState),
  previous: guideNeighbour,
  next: guideNeighbour,
});
export type GuideDetail = z.infer<typeof guideDetail>;

export const guideRevisionItem = z.object({
  revision: z.number(),
  language: z.string(),
  title: z.string(),
  note: z.string(),
  minor: z.boolean(),
  sourceRevision: z.number().nullable(),
  createdAt: z.string(),
  /** null for the text shipped with the platform, or an account since deleted. */
  editor: personRef.nullable(),
});
export type GuideRevisionItem = z.infer<typeof guideRevisionItem>;

export const guideRevisionList = z.object({ items: z.array(guideRevisionItem), next: z.string().nullable() });
export type GuideRevisionList = z.infer<typeof guideRevisionList>;

export const guideRevisionDetail = guideRevisionItem.extend({
  summary: z.string(),
  body: z.string(),
  checklist: z.array(z.object({ key: z.string(), text: z.string() })),
});
export type GuideRevisionDetail = z.infer<typeof guideRevisionDetail>;

export const diffPart = z.object({ op: z.enum(['same', 'added', 'removed']), text: z.string() });
export type DiffPart = z.infer<typeof diffPart>;

export const sourceChanges = z.object({
  /** The English revision the translation translates, and the current one. */
  from: z.number(),
  to: z.number(),
  changed: z.boolean(),
  title: z.array(diffPart),
  summary: z.array(diffPart),
  body: z.array(diffPart),
  checklist: z.array(diffPart),
});
export type SourceChanges = z.infer<typeof sourceChanges>;
