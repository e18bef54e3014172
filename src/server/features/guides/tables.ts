import type { ColumnType, Generated } from 'kysely';
import type { Phase } from '../../../contracts/guides';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

/** A checklist item: English defines the keys and their order; a translation gives each key its text. */
export interface ChecklistItem {
  key: string;
  text: string;
}

/** jsonb: written as a JSON string, read back parsed. */
type Checklist = ColumnType<ChecklistItem[], string | undefined, string>;

// The phases are the API's (src/contracts/guides.ts).
export { PHASES, type Phase } from '../../../contracts/guides';

export interface GuidesTable {
  id: Generated<number>;
  slug: string;
  /** null for the overview. */
  phase: Phase | null;
  position: number;
  created_at: Generated<Date>;
}

export interface GuideVersionsTable {
  id: Generated<number>;
  guide_id: number;
  language: string;
  title: string;
  summary: string;
  body: string;
  /** Stored Markdown (src/server/markdown/stored.ts). */
  body_html: string | null;
  html_version: number | null;
  checklist: Checklist;
  revision: number;
  /** The English revision a translation translates; null for English. */
  source_revision: number | null;
  updated_by: number | null;
  updated_at: Timestamp;
}

export interface GuideRevisionsTable {
  id: Generated<number>;
  guide_id: number;
  language: string;
  revision: number;
  title: string;
  summary: string;
  body: string;
  checklist: Checklist;
  source_revision: number | null;
  minor: Generated<boolean>;
  note: Generated<string>;
  created_by: number | null;
  created_at: Timestamp;
}

export interface GuidesTables {
  guides: GuidesTable;
  guide_versions: GuideVersionsTable;
  guide_revisions: GuideRevisionsTable;
}
