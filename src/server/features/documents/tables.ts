import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

import type { UnitKind } from '../../../contracts/documents';
import type { AdaptationsTables } from './adaptations/tables';
import type { AmendmentsTables } from './amendments/tables';

export type { UnitKind };

export interface DocumentsTable {
  id: Generated<number>;
  slug: string;
  revision: Generated<number>;
  next_unit_id: Generated<number>;
  priority_languages: ColumnType<string[], string[] | undefined, string[]>;
  created_by: number | null;
  created_at: Generated<Date>;
  updated_at: Timestamp;
}

export interface DocumentUnitsTable {
  document_id: number;
  /** `T:n`; 0 is the title. */
  unit_id: number;
  kind: UnitKind;
  text: string;
  /** null once removed. */
  position: number | null;
  text_revision: number;
  source_revision: number;
}

export interface DocumentRevisionsTable {
  document_id: number;
  revision: number;
  summary: Generated<string>;
  minor: Generated<boolean>;
  unit_order: number[];
  created_by: number | null;
  credited_to: number | null;
  amendment_id: number | null;
  created_at: Timestamp;
}

export interface DocumentUnitTextsTable {
  document_id: number;
  unit_id: number;
  revision: number;
  kind: UnitKind;
  text: string;
  minor: Generated<boolean>;
}

export interface DocumentLanguagesTable {
  id: Generated<number>;
  document_id: number;
  language: string;
  created_at: Generated<Date>;
}

export interface UnitTranslationsTable {
  id: Generated<number>;
  document_id: number;
  unit_id: number;
  language: string;
  text: string;
  revision: number;
  source_revision: number;
  translated_by: number | null;
  updated_at: Timestamp;
  proofread_by: number | null;
  proofread_at: NullableTimestamp;
}

export interface UnitTranslationTextsTable {
  translation_id: number;
  revision: number;
  text: string;
  source_revision: number;
  created_by: number | null;
  created_at: Timestamp;
}

/** The feature's tables, its adaptations' and amendments' included (db/tables.ts takes them from here). */
export interface DocumentsTables extends AdaptationsTables, AmendmentsTables {
  documents: DocumentsTable;
  document_units: DocumentUnitsTable;
  document_revisions: DocumentRevisionsTable;
  document_unit_texts: DocumentUnitTextsTable;
  document_languages: DocumentLanguagesTable;
  unit_translations: UnitTranslationsTable;
  unit_translation_texts: UnitTranslationTextsTable;
}
