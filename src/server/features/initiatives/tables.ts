import type { ColumnType, Generated, JSONColumnType } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
/** A calendar date as 'YYYY-MM-DD'. */
type DateString = ColumnType<string, string, string>;

export interface InitiativesTable {
  id: Generated<number>;
  author_id: number | null;
  title: string;
  summary: string;
  problem: Generated<string>;
  audience: Generated<string>;
  /** Stored Markdown (src/server/markdown/stored.ts). */
  summary_html: string | null;
  summary_lead: string | null;
  problem_html: string | null;
  audience_html: string | null;
  html_version: number | null;
  languages: Generated<string[]>;
  regions: Generated<string[]>;
  skills: Generated<string[]>;
  stage: Generated<string>;
  phase: string | null;
  seeking_lead: Generated<boolean>;
  quiet_since: Timestamp | null;
  last_activity_at: Timestamp;
  ended_at: Timestamp | null;
  outcome: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface InitiativeCommunitiesTable {
  initiative_id: number;
  community_id: number;
}

export interface InitiativeLeadsTable {
  initiative_id: number;
  user_id: number;
  since: Timestamp;
}

export interface InitiativeLeadRequestsTable {
  id: Generated<number>;
  initiative_id: number;
  user_id: number;
  kind: 'invitation' | 'volunteer';
  message: Generated<string>;
  status: Generated<'pending' | 'accepted' | 'declined' | 'withdrawn'>;
  asked_by: number | null;
  created_at: Timestamp;
  decided_at: Timestamp | null;
  decided_by: number | null;
}

export interface InitiativeSupportersTable {
  initiative_id: number;
  user_id: number;
  created_at: Timestamp;
}

export interface InitiativeCallsTable {
  initiative_id: number;
  goals: string[];
  starts_on: DateString;
  ends_on: DateString;
  deadline: DateString;
  how_to_join: Generated<string>;
  opened_at: Timestamp;
  closed_at: Timestamp | null;
  closed_reason: 'full' | 'deadline' | null;
  updated_at: Timestamp;
}

export interface InitiativeJobsTable {
  id: Generated<number>;
  initiative_id: number;
  title: string;
  description: string;
  places: number;
  skills: Generated<string[]>;
  commitment: Generated<string>;
  position: number;
}

export type SignupStatus = 'pending' | 'accepted' | 'declined' | 'withdrawn';

export interface InitiativeSignupsTable {
  id: Generated<number>;
  initiative_id: number;
  job_id: number | null;
  user_id: number;
  message: Generated<string>;
  status: Generated<SignupStatus>;
  created_at: Timestamp;
  decided_at: Timestamp | null;
  decided_by: number | null;
}

export interface InitiativeUpdatesTable {
  id: Generated<number>;
  initiative_id: number;
  author_id: number | null;
  title: string;
  body: string;
  /** Stored Markdown (src/server/markdown/stored.ts). */
  body_html: string | null;
  html_version: number | null;
  created_at: Timestamp;
}

export interface InitiativeLinksTable {
  id: Generated<number>;
  initiative_id: number;
  kind: string;
  title: string;
  /** For an event or a course of the platform (migration 0020), its path: '/events/<id>', '/courses/<id>'. */
  url: string;
  event_id: ColumnType<number | null, number | null | undefined, number | null>;
  course_id: ColumnType<number | null, number | null | undefined, number | null>;
  created_at: Timestamp;
}

export interface InitiativeGrantsTable {
  id: Generated<number>;
  initiative_id: number;
  program: string;
  /** numeric(14,2), as a string on both databases. */
  amount: ColumnType<string, string, string>;
  currency: string;
  status: string;
  url: string | null;
  created_at: Timestamp;
}

export interface InitiativeChecklistTable {
  initiative_id: number;
  item: string;
  checked_by: number | null;
  checked_at: Timestamp;
}

export interface Outcome {
  goal: string;
  result: 'met' | 'partly_met' | 'not_met';
  note: string;
}

export interface Reached {
  region: string;
  language: string;
  count: number;
}

export interface InitiativeEvaluationsTable {
  initiative_id: number;
  outcomes: JSONColumnType<Outcome[], string, string>;
  reached: JSONColumnType<Reached[], string, string>;
  lessons: string;
  differently: Generated<string>;
  /** Stored Markdown (src/server/markdown/stored.ts). */
  lessons_html: string | null;
  lessons_lead: string | null;
  differently_html: string | null;
  html_version: number | null;
  documentation: Generated<string[]>;
  follow_up: DateString | null;
  evaluated_by: number | null;
  updated_at: Timestamp;
}

export interface InitiativesTables {
  initiatives: InitiativesTable;
  initiative_communities: InitiativeCommunitiesTable;
  initiative_leads: InitiativeLeadsTable;
  initiative_lead_requests: InitiativeLeadRequestsTable;
  initiative_supporters: InitiativeSupportersTable;
  initiative_calls: InitiativeCallsTable;
  initiative_jobs: InitiativeJobsTable;
  initiative_signups: InitiativeSignupsTable;
  initiative_updates: InitiativeUpdatesTable;
  initiative_links: InitiativeLinksTable;
  initiative_grants: InitiativeGrantsTable;
  initiative_checklist: InitiativeChecklistTable;
  initiative_evaluations: InitiativeEvaluationsTable;
}
