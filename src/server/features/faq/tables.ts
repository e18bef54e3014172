import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface FaqEntriesTable {
  id: Generated<number>;
  language: string;
  question: string;
  answer: string;
  /** Stored Markdown (src/server/markdown/stored.ts). */
  answer_html: string | null;
  html_version: number | null;
  position: number;
  is_demo: Generated<boolean>;
  created_by: number | null;
  created_at: Generated<Date>;
  updated_at: Timestamp;
}

export interface FaqTables {
  faq_entries: FaqEntriesTable;
}
