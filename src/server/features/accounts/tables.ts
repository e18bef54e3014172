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

/** Failed log-ins per account, one series at a time (migrations/0028_login_failures.sql, login-limits.ts). */
export interface LoginFailuresTable {
  user_id: number;
  failures: number;
  series_start: Timestamp;
  locked_until: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

/** A Wikimedia login whose username is taken here, waiting for its session to choose another (migrations/0027). */
export interface WikimediaSignupsTable {
  session_id: number;
  sub: string;
  wikimedia_username: string;
  wikimedia_blocked: ColumnType<boolean, boolean | undefined, boolean>;
  expires_at: Timestamp;
}

export interface AccountsTables {
  oauth_states: OAuthStatesTable;
  login_failures: LoginFailuresTable;
  wikimedia_signups: WikimediaSignupsTable;
}
