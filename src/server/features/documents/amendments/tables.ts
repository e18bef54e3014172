import type { ColumnType, Generated } from 'kysely';
import type { AmendmentStatus, AmendmentTarget, Position } from '../../../../contracts/amendments';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

export interface AmendmentsTable {
  id: Generated<number>;
  target_type: AmendmentTarget;
  target_id: number;
  unit_ids: number[];
  text: string;
  rationale: string;
  /** Stored Markdown (src/server/markdown/stored.ts). */
  text_html: string | null;
  rationale_html: string | null;
  rationale_lead: string | null;
  html_version: number | null;
  author_id: number | null;
  status: Generated<AmendmentStatus>;
  decided_by: number | null;
  decided_at: NullableTimestamp;
  reason: string | null;
  /** Each unit's revision when proposed, keyed by unit id. */
  base_revisions: ColumnType<Record<string, number>, string, string>;
  target_revision: number;
  accepted_revision: number | null;
  created_at: Generated<Date>;
  updated_at: Timestamp;
}

export interface AmendmentAdoptionsTable {
  amendment_id: number;
  adaptation_id: number;
  adopted_by: number | null;
  revision: number;
  created_at: Generated<Date>;
}

export interface AmendmentPositionsTable {
  amendment_id: number;
  user_id: number;
  position: Position;
  updated_at: Timestamp;
}

/** The tables of amendments (migration 0018). */
export interface AmendmentsTables {
  amendments: AmendmentsTable;
  amendment_adoptions: AmendmentAdoptionsTable;
  amendment_positions: AmendmentPositionsTable;
}
