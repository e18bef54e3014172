-- First steps after signing up (/welcome): the steps a person marks done themselves and whether they hid the
-- list. Whether the profile is filled in and whether they belong to a group are read where they live, never
-- copied here. One row per person, made at the first mark.
create table first_steps (
  user_id bigint primary key references users(id) on delete cascade,
  telegram_done_at timestamptz,
  guides_done_at timestamptz,
  dismissed_at timestamptz,
  updated_at timestamptz not null default now()
);
