import type { ColumnType, Generated } from 'kysely';
import type { AdaptationBase } from '../../../../contracts/adaptations';
import type { UnitKind } from '../../../../contracts/documents';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface AdaptationsTable {
  id: Generated<number>;
  document_id: number;
  community_id: number;
  language: string;
  based_on: AdaptationBase;
  base_revision: number;
  revision: Generated<number>;
  next_unit_id: Generated<number>;
  created_by: number | null;
  created_at: Generated<Date>;
  updated_at: Timestamp;
}

export interface AdaptationUnitsTable {
  adaptation_id: number;
  unit_id: number;
  kind: UnitKind;
  text: string;
  note: Generated<string>;
  dropped: Generated<boolean>;
  position: number;
  base_text: string | null;
  base_revision: number | null;
  revision: Generated<number>;
  updated_by: number | null;
  updated_at: Timestamp;
}

/** The tables of adaptations (migration 0018). */
export interface AdaptationsTables {
  adaptations: AdaptationsTable;
  adaptation_units: AdaptationUnitsTable;
}
