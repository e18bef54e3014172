// The guides the platform ships: the project's own text, written along the phases of the LDP's step-by-step
// guide (Section 3). English is the source; each translation gives the same checklist keys their text.
import type { Phase } from '../tables';

export const SHIPPED_SLUGS = ['overview', 'define', 'design', 'develop', 'implement', 'evaluate'] as const;
export type ShippedSlug = (typeof SHIPPED_SLUGS)[number];

/** The phase each shipped guide belongs to (the overview has none), in reading order. */
export const SHIPPED_PHASES: Record<ShippedSlug, Phase | null> = {
  overview: null,
  define: 'define',
  design: 'design',
  develop: 'develop',
  implement: 'implement',
  evaluate: 'evaluate',
};

export interface ShippedGuide {
  title: string;
  summary: string;
  /** Markdown; `#` headings become the page's second level. */
  body: string;
  /** Checklist item key -> text, in order. */
  checklist: Record<string, string>;
}

export type ShippedLanguage = Record<ShippedSlug, ShippedGuide>;
