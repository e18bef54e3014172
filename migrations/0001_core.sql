-- Core tables: people, sessions, personal API tokens, the audit log and rate-limit counters.
-- PostgreSQL 15 syntax only (PGlite accepts newer syntax that the server would refuse).
create extension if not exists pg_trgm with schema public;

create table users (
  id bigint generated always as identity primary key,
  username text not null,
  -- lower-cased, NFC-normalised username: unique regardless of letter case, computed in the application so
  -- both databases agree whatever their collation.
  username_key text not null unique,
  display_name text not null default '',
  email text,
  password_hash text,
  wikimedia_sub text unique,
  wikimedia_username text,
  roles text[] not null default '{}',
  languages text[] not null default '{}',
  region text,
  time_zone text,
  bio text not null default '',
  interests text[] not null default '{}',
  public_fields text[] not null default '{display_name,wikimedia_username,languages,region,bio,interests}',
  ui_language text,
  is_demo boolean not null default false,
  blocked_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index users_created_idx on users (created_at desc, id desc);
create index users_name_trgm on users using gin ((username || ' ' || display_name) gin_trgm_ops);

-- Earlier usernames, so that old links redirect after a rename.
create table username_history (
  username_key text primary key,
  user_id bigint not null references users(id) on delete cascade,
  changed_at timestamptz not null default now()
);

create table sessions (
  id bigint generated always as identity primary key,
  token_hash text not null unique,
  user_id bigint references users(id) on delete cascade,
  csrf_token text not null,
  user_agent text not null default '',
  ip text not null default '',
  created_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now()
);
create index sessions_user_idx on sessions (user_id);

create table api_tokens (
  id bigint generated always as identity primary key,
  user_id bigint not null references users(id) on delete cascade,
  name text not null,
  token_hash text not null unique,
  created_at timestamptz not null default now(),
  last_used_at timestamptz,
  revoked_at timestamptz
);
create index api_tokens_user_idx on api_tokens (user_id);

create table audit_log (
  id bigint generated always as identity primary key,
  actor_id bigint references users(id) on delete set null,
  action text not null,
  object_type text,
  object_id text,
  details jsonb not null default '{}',
  ip text,
  created_at timestamptz not null default now()
);
create index audit_log_object_idx on audit_log (object_type, object_id, id desc);
create index audit_log_actor_idx on audit_log (actor_id, id desc);

-- Fixed-window counters for per-action rate limits when no Redis is configured.
create table rate_counters (
  key text primary key,
  window_start timestamptz not null,
  hits integer not null
);
