-- Accounts: "Log in with Wikimedia" (OAuth 2.0 with PKCE).
-- PostgreSQL 15 syntax only.

-- Each authorization in progress: the hash of its state and its PKCE verifier, bound to the browser session
-- that started it. Rows are short-lived and deleted when used, so a state works once.
create table oauth_states (
  state_hash text primary key,
  session_id bigint not null references sessions(id) on delete cascade,
  code_verifier text not null,
  -- Set when a signed-in person started the flow to link their Wikimedia account to this one.
  link_user_id bigint references users(id) on delete cascade,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null
);
create index oauth_states_expires_idx on oauth_states (expires_at);
create index oauth_states_session_idx on oauth_states (session_id);

-- True when the username was taken from Wikimedia (an account created by a Wikimedia login), so that a rename
-- on Wikimedia renames the local account too. Usernames people chose themselves are never changed.
alter table users add column username_from_wikimedia boolean not null default false;
