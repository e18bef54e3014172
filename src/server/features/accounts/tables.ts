import type { ColumnType } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

/** Log in with Wikimedia: one row per authorization in progress (see migrations/0003_accounts.sql). */
export interface OAuthStatesTable {
  state_hash: string;
  session_id: number;
  code_verifier: string;
  link_user_id: number | null;
  created_at: Timestamp;
  expires_at: Timestamp;
}

export interface AccountsTables {
  oauth_states: OAuthStatesTable;
}
