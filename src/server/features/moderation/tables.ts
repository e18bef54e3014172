import type { ColumnType, Generated } from 'kysely';
// The vocabularies are the API's (src/contracts/moderation.ts).
import type { ActionKind, ReportReason } from '../../../contracts/moderation';

export type { ActionKind, ReportReason };

type Timestamp = ColumnType<Date, Date | string, Date | string>;

export interface ModerationReportsTable {
  id: Generated<number>;
  subject_type: string;
  subject_id: number;
  subject_user_id: number | null;
  reporter_id: number;
  reason: ReportReason;
  text: string;
  counts_to_hide: boolean;
  status: Generated<'open' | 'resolved' | 'dismissed'>;
  closed_by: number | null;
  closed_at: Date | null;
  note: string | null;
  created_at: Timestamp;
}

export interface ModerationActionsTable {
  id: Generated<number>;
  kind: ActionKind;
  subject_type: string;
  subject_id: number;
  target_user_id: number | null;
  moderator_id: number | null;
  automatic: Generated<boolean>;
  reason: string;
  suspended_until: Date | null;
  reversed_at: Date | null;
  created_at: Timestamp;
}

export interface ModerationHiddenTable {
  subject_type: string;
  subject_id: number;
  action_id: number;
  reason: string;
  automatic: boolean;
  hidden_at: Timestamp;
}

export interface ModerationAppealsTable {
  id: Generated<number>;
  action_id: number;
  user_id: number;
  text: string;
  status: Generated<'open' | 'upheld' | 'reversed'>;
  answer: string | null;
  answered_by: number | null;
  answered_at: Date | null;
  created_at: Timestamp;
}

export interface ModerationTables {
  moderation_reports: ModerationReportsTable;
  moderation_actions: ModerationActionsTable;
  moderation_hidden: ModerationHiddenTable;
  moderation_appeals: ModerationAppealsTable;
}
