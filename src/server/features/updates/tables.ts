import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface UpdatesTable {
  id: Generated<number>;
  community_id: number;
  author_id: number | null;
  title: string;
  body: string;
  /** Stored Markdown (src/server/markdown/stored.ts). */
  body_html: string | null;
  body_lead: string | null;
  html_version: number | null;
  language: string;
  is_demo: Generated<boolean>;
  published_at: Timestamp;
  updated_at: Timestamp;
}

export interface UpdatesTables {
  updates: UpdatesTable;
}
