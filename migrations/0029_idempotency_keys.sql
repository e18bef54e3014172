-- Answers to creating requests sent with an `Idempotency-Key` header (src/server/http/idempotency.ts), so that a
-- retry gets the first answer again instead of creating a second time. A row is written in the same transaction
-- as the creation it answers: it exists exactly when the creation committed, whether or not its answer reached
-- the client. Neither the key nor the answer is readable here: `key_hash` is a hash of who sent it and the key,
-- and `answer` is encrypted with a key derived from the client's key (answers may carry a new token's secret).
-- Rows expire after 24 hours; an hourly job deletes them. PostgreSQL 15 syntax only.
create table idempotency_keys (
  key_hash text primary key,
  request_hash text not null,
  status smallint not null,
  answer text not null,
  created_at timestamptz not null,
  expires_at timestamptz not null
);
create index idempotency_keys_expires_at on idempotency_keys (expires_at);
