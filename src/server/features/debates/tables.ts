import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface DebatesTable {
  id: Generated<number>;
  opener_id: number | null;
  title: string;
  framing: string;
  language: string;
  status: Generated<'open' | 'closed'>;
  conclusion: string | null;
  /** Stored Markdown (src/server/markdown/stored.ts). */
  framing_html: string | null;
  conclusion_html: string | null;
  html_version: number | null;
  closed_by: number | null;
  closed_at: Date | null;
  created_at: Timestamp;
}

export interface DebateArgumentsTable {
  id: Generated<number>;
  debate_id: number;
  author_id: number | null;
  stance: 'for' | 'against' | 'neutral';
  body: string;
  /** Stored Markdown (src/server/markdown/stored.ts). */
  body_html: string | null;
  body_lead: string | null;
  html_version: number | null;
  created_at: Timestamp;
}

export interface ArgumentSupportsTable {
  argument_id: number;
  user_id: number;
  created_at: Generated<Date>;
}

export interface DebatesTables {
  debates: DebatesTable;
  debate_arguments: DebateArgumentsTable;
  argument_supports: ArgumentSupportsTable;
}
