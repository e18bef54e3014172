import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Id = Generated<number>;

export interface UsersTable {
  id: Id;
  username: string;
  username_key: string;
  /** Confusable skeleton of the username (text/skeleton.ts; migrations/0027): null until the server fills it. */
  username_skeleton: ColumnType<string | null, string | null | undefined, string | null>;
  display_name: Generated<string>;
  email: string | null;
  password_hash: string | null;
  wikimedia_sub: string | null;
  wikimedia_username: string | null;
  username_from_wikimedia: Generated<boolean>;
  roles: Generated<string[]>;
  languages: Generated<string[]>;
  region: string | null;
  time_zone: string | null;
  bio: Generated<string>;
  interests: Generated<string[]>;
  public_fields: Generated<string[]>;
  ui_language: string | null;
  is_demo: Generated<boolean>;
  blocked_at: Date | null;
  /** Set by moderators (migrations/0010_moderation.sql): no posting, commenting or reporting until then. */
  suspended_until: Date | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface UsernameHistoryTable {
  username_key: string;
  user_id: number;
  changed_at: Generated<Date>;
}

export interface SessionsTable {
  id: Id;
  token_hash: string;
  user_id: number | null;
  csrf_token: string;
  user_agent: Generated<string>;
  ip: Generated<string>;
  created_at: Generated<Date>;
  last_seen_at: Timestamp;
}

export interface ApiTokensTable {
  id: Id;
  user_id: number;
  name: string;
  token_hash: string;
  created_at: Generated<Date>;
  last_used_at: Date | null;
  revoked_at: Date | null;
}

export interface AuditLogTable {
  id: Id;
  actor_id: number | null;
  action: string;
  object_type: string | null;
  object_id: string | null;
  details: ColumnType<Record<string, unknown>, string | undefined, string>;
  ip: string | null;
  created_at: Generated<Date>;
}

export interface RateCountersTable {
  key: string;
  window_start: Date;
  hits: number;
}

/** Advanced by a person's own private writes: their kept pages are rendered afresh (migrations/0014). */
export interface PageVersionsTable {
  user_id: number;
  version: Generated<string>;
}

/** Keys the server signs with, one per use (migrations/0025): `forms` signs visitors' form tokens. */
export interface SigningKeysTable {
  name: string;
  secret: string;
}

/** Answers of creating requests sent with an `Idempotency-Key`, kept 24 hours (migrations/0029). */
export interface IdempotencyKeysTable {
  key_hash: string;
  request_hash: string;
  status: number;
  /** The answer's headers and body, encrypted with a key derived from the client's key (http/idempotency.ts). */
  answer: string;
  created_at: Date;
  expires_at: Date;
}

export interface CoreTables {
  users: UsersTable;
  username_history: UsernameHistoryTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  audit_log: AuditLogTable;
  rate_counters: RateCountersTable;
  page_versions: PageVersionsTable;
  signing_keys: SigningKeysTable;
  idempotency_keys: IdempotencyKeysTable;
}
