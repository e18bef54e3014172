-- Failed log-ins per account, from any address (DECISIONS 28; src/server/features/accounts/login-limits.ts).
-- A series starts at its first failure; after `max` failures within the window the account waits a delay that
-- grows with each further failure (locked_until), and the series ends after a quiet window. A right password
-- deletes the row. The per-address count of failures stays with the other rate tiers.
create table login_failures (
  user_id bigint primary key references users(id) on delete cascade,
  failures integer not null,
  series_start timestamptz not null,
  locked_until timestamptz
);
