// The guides API's shapes, as the pages use them (src/server/features/guides/schema.ts).
import { isRtl } from '../../../contracts/languages';
export type Phase = 'define' | 'design' | 'develop' | 'implement' | 'evaluate';
export const PHASES: readonly Phase[] = ['define', 'design', 'develop', 'implement', 'evaluate'];

export interface GuideSummary {
  slug: string;
  phase: Phase | null;
  position: number;
  /** The language of the text shown: the one asked for, or English. */
  language: string;
  fallback: boolean;
  outdated: boolean;
  title: string;
  summary: string;
}

export interface GuideList {
  items: GuideSummary[];
  next: null;
  requested: string;
}

export interface ChecklistEntry {
  key: string;
  id: string;
  text: string;
  language: string;
}

export interface Neighbour {
  slug: string;
  phase: Phase | null;
  title: string;
  language: string;
}

export interface GuideDetail extends GuideSummary {
  requested: string;
  body: string;
  /** Sanitized on the server (src/server/markdown/render.ts). */
  bodyHtml: string;
  checklist: ChecklistEntry[];
  revision: number;
  sourceRevision: number | null;
  sourceCurrentRevision: number;
  updatedAt: string;
  languages: { language: string; outdated: boolean }[];
  previous: Neighbour | null;
  next: Neighbour | null;
}

export interface RevisionItem {
  revision: number;
  language: string;
  title: string;
  note: string;
  minor: boolean;
  sourceRevision: number | null;
  createdAt: string;
  editor: { username: string; displayName: string } | null;
}

export interface DiffPart {
  op: 'same' | 'added' | 'removed';
  text: string;
}

export interface SourceChanges {
  from: number;
  to: number;
  changed: boolean;
  title: DiffPart[];
  summary: DiffPart[];
  body: DiffPart[];
  checklist: DiffPart[];
}

/** The message key naming a guide's phase ("Define", …), or the overview. */
export const phaseKey = (phase: Phase | null) => (phase ? `guides-phase-${phase}` : 'guides-phase-overview');

/** The direction of text in a language, for `dir` beside `lang`. */
export const textDir = (code: string): 'rtl' | 'ltr' => (isRtl(code) ? 'rtl' : 'ltr');
