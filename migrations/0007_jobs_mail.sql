-- Background jobs (mail, Telegram posts, digests) and the mail outbox.
-- PostgreSQL 15 syntax only.

-- A job runs once across every app instance: a worker claims due jobs with FOR UPDATE SKIP LOCKED and holds
-- them for a lease; a failed attempt is retried with backoff until max_attempts, then kept as 'failed'.
create table jobs (
  id bigint generated always as identity primary key,
  kind text not null,
  payload jsonb not null default '{}'::jsonb,
  -- At most one job per key: enqueueing the same key twice keeps the first (dedupe, schedules).
  key text unique,
  status text not null default 'queued' check (status in ('queued', 'running', 'done', 'failed')),
  run_at timestamptz not null,
  attempts integer not null default 0,
  max_attempts integer not null default 8,
  -- While running: when the claim lapses and another worker may take the job over (its worker died).
  locked_until timestamptz,
  last_error text,
  created_at timestamptz not null,
  finished_at timestamptz
);
create index jobs_due_idx on jobs (run_at) where status in ('queued', 'running');
create index jobs_finished_idx on jobs (finished_at) where status in ('done', 'failed');

-- Mail kept here instead of being sent when no SMTP server is configured (SMTP_URL unset); admins read it.
create table mail_outbox (
  id bigint generated always as identity primary key,
  recipient text not null,
  subject text not null,
  body_text text not null,
  created_at timestamptz not null
);
create index mail_outbox_created_idx on mail_outbox (created_at desc, id desc);
