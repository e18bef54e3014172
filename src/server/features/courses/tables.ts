// The course catalogue's tables (migration 0020): courses, their runs per language, learners' progress.
import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type TextArray = ColumnType<string[], string[] | undefined, string[]>;

export interface CoursesTable {
  id: Generated<number>;
  title: string;
  summary: Generated<string>;
  /** Stored Markdown (src/server/markdown/stored.ts). */
  summary_html: string | null;
  summary_lead: string | null;
  html_version: number | null;
  provider_community_id: number | null;
  skills: TextArray;
  phases: TextArray;
  level: 'introductory' | 'intermediate' | 'advanced';
  /** numeric(6,1), as a string on both databases. */
  hours: ColumnType<string | null, string | number | null | undefined, string | number | null>;
  based_on_document_id: number | null;
  based_on_revision: number | null;
  revision: Generated<number>;
  created_by: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface CourseRunsTable {
  id: Generated<number>;
  course_id: number;
  language: string;
  course_key: string;
  url: string;
  status: 'planned' | 'translating' | 'open' | 'closed';
  /** Calendar dates 'YYYY-MM-DD'. */
  starts_on: ColumnType<string | null, string | null | undefined, string | null>;
  ends_on: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface CourseProgressTable {
  run_id: number;
  user_id: number;
  status: 'interested' | 'enrolled' | 'completed';
  public: Generated<boolean>;
  updated_at: Timestamp;
}

export interface CoursesTables {
  courses: CoursesTable;
  course_runs: CourseRunsTable;
  course_progress: CourseProgressTable;
}
