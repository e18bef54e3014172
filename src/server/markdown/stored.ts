// Markdown is rendered when it is written, never when it is read: every feature that stores Markdown writes the
// columns this file gives beside the source (`<field>_html`, for lists `<field>_lead`, and the row's
// `html_version`), and reads the stored HTML back through `storedHtml`. A renderer change bumps
// RENDERER_VERSION; the job in rerender-job.ts then re-renders older rows in the background, and until it has
// reached a row, readers of that row render it themselves (so a tightened allowlist applies at once).
import { cutExcerpt, markdownExcerpt, markdownPlainText, renderMarkdown } from './render';

/**
 * The version of what renderMarkdown makes (markdown-it's options and plugins, the sanitizer's allowlist).
 * Bump it with any change to render.ts that changes its output.
 */
export const RENDERER_VERSION = 1;

/** How much plain text a `_lead` keeps: more than the longest excerpt any list cuts (280, the archive's lessons). */
export const LEAD_LENGTH = 320;

/** A source's sanitized HTML and the version of the renderer that made it. */
export function storeMarkdown(source: string): { html: string; version: number } {
  return { html: renderMarkdown(source), version: RENDERER_VERSION };
}

/** The start of a source's text without markup, to cut excerpts from with `excerptOf`. */
export const leadOf = (source: string): string => markdownPlainText(source).slice(0, LEAD_LENGTH);

/** The lead shortened to about `max` characters on a word boundary (as markdownExcerpt cuts the source). */
export const excerptOf = (lead: string, max = 200): string => cutExcerpt(lead, max);

type Sources<F extends string> = { [K in F]?: string | null | undefined };
type Html<F extends string> = { [K in F as `${K}_html`]?: string | null };

/**
 * The HTML columns for the Markdown fields being written (fields left undefined are not touched). An insert
 * spreads `{ ...markdownColumns(...), html_version: RENDERER_VERSION }`, or uses `markdownInsert`; an update
 * of some fields spreads this alone: the row's version stays the one its other fields were rendered with.
 */
export function markdownColumns<F extends string>(sources: Sources<F>): Html<F> {
  const out: Record<string, string | null> = {};
  for (const [field, source] of Object.entries(sources) as [string, string | null | undefined][]) {
    if (source === undefined) continue;
    out[`${field}_html`] = source === null ? null : storeMarkdown(source).html;
  }
  return out as Html<F>;
}

/** The lead columns for the fields being written that lists cut excerpts from. */
export function leadColumns<F extends string>(sources: Sources<F>): { [K in F as `${K}_lead`]?: string | null } {
  const out: Record<string, string | null> = {};
  for (const [field, source] of Object.entries(sources) as [string, string | null | undefined][]) {
    if (source === undefined) continue;
    out[`${field}_lead`] = source === null ? null : leadOf(source);
  }
  return out as { [K in F as `${K}_lead`]?: string | null };
}

/** Every derived column of a new row: its fields' HTML (and leads) with the renderer's version. */
export function markdownInsert<F extends string, L extends F = never>(
  sources: Sources<F>,
  leads: readonly L[] = [],
): Html<F> & { [K in L as `${K}_lead`]?: string | null } & { html_version: number } {
  const leadSources = Object.fromEntries(leads.map((f) => [f, sources[f]])) as Sources<L>;
  return { ...markdownColumns(sources), ...leadColumns(leadSources), html_version: RENDERER_VERSION };
}

/**
 * A stored field as readers get it: its stored HTML when the running renderer made it, else rendered now (a
 * row the background job has not reached yet).
 */
export function storedHtml(
  source: string,
  html: string | null | undefined,
  version: number | null | undefined,
): string {
  if (html != null && version === RENDERER_VERSION) return html;
  return renderMarkdown(source);
}

/** An excerpt of a stored field: from its lead when current, else from the source. */
export function storedExcerpt(
  source: string,
  lead: string | null | undefined,
  version: number | null | undefined,
  max = 200,
): string {
  // A longer excerpt than a lead holds is cut from the whole text.
  if (lead == null || version !== RENDERER_VERSION || max >= LEAD_LENGTH) return markdownExcerpt(source, max);
  return excerptOf(lead, max);
}
