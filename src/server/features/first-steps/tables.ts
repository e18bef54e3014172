import type { ColumnType } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

/** migrations/0023_first_steps.sql: what a person marked on their first steps, and whether they hid the list. */
export interface FirstStepsTable {
  user_id: number;
  telegram_done_at: Date | null;
  guides_done_at: Date | null;
  dismissed_at: Date | null;
  updated_at: Timestamp;
}

export interface FirstStepsTables {
  first_steps: FirstStepsTable;
}
