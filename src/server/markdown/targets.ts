// Every table that stores Markdown, with the fields rendered beside it (migration 0030 adds the columns). A
// feature that stores Markdown adds its table here, so that a renderer change re-renders it too.
export interface MarkdownTable {
  table: string;
  /** Markdown fields: each has a `<field>_html` column. */
  fields: readonly string[];
  /** The fields lists cut excerpts from: each also has a `<field>_lead` column. */
  leads: readonly string[];
}

export const MARKDOWN_TABLES: readonly MarkdownTable[] = [
  { table: 'updates', fields: ['body'], leads: ['body'] },
  { table: 'faq_entries', fields: ['answer'], leads: [] },
  { table: 'comments', fields: ['body'], leads: ['body'] },
  { table: 'comment_revisions', fields: ['body'], leads: [] },
  { table: 'debates', fields: ['framing', 'conclusion'], leads: [] },
  { table: 'debate_arguments', fields: ['body'], leads: ['body'] },
  { table: 'initiatives', fields: ['summary', 'problem', 'audience'], leads: ['summary'] },
  { table: 'initiative_updates', fields: ['body'], leads: [] },
  { table: 'initiative_evaluations', fields: ['lessons', 'differently'], leads: ['lessons'] },
  { table: 'guide_versions', fields: ['body'], leads: [] },
  { table: 'communities', fields: ['description'], leads: [] },
  { table: 'courses', fields: ['summary'], leads: ['summary'] },
  { table: 'events', fields: ['description'], leads: [] },
  { table: 'event_occurrences', fields: ['notes', 'follow_up'], leads: [] },
  { table: 'sources', fields: ['summary'], leads: [] },
  { table: 'source_reviews', fields: ['reasons', 'intended_use'], leads: [] },
  { table: 'reading_lists', fields: ['description'], leads: [] },
  { table: 'reading_list_items', fields: ['note'], leads: [] },
  // The proposed text of a title amendment is shown escaped, not as Markdown; its `text_html` goes unused.
  { table: 'amendments', fields: ['text', 'rationale'], leads: ['rationale'] },
];
