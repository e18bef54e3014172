-- Moderation under the Universal Code of Conduct: reports, moderators' actions (the moderation log), hidden
-- content, appeals, and suspensions.
-- PostgreSQL 15 syntax only.

-- A suspended person keeps signing in but may not post, comment or report until this time.
alter table users add column suspended_until timestamptz;

-- Reports of content ({type, id} subjects: comment, argument, debate, update) or of a person ({person, user id}).
-- Private: only moderators and admins read them; the reported person never learns who reported.
create table moderation_reports (
  id bigint generated always as identity primary key,
  subject_type text not null,
  subject_id bigint not null,
  -- Whose content it is (or the person reported), when known.
  subject_user_id bigint references users(id) on delete set null,
  reporter_id bigint not null references users(id) on delete cascade,
  reason text not null check (reason in ('harassment', 'spam', 'off_topic', 'other')),
  text text not null,
  -- Whether the reporter's account was at least a week old when reporting (only those count to hide content).
  counts_to_hide boolean not null default false,
  status text not null default 'open' check (status in ('open', 'resolved', 'dismissed')),
  closed_by bigint references users(id) on delete set null,
  closed_at timestamptz,
  note text,
  created_at timestamptz not null
);
-- One open report per person and subject.
create unique index moderation_reports_open_once on moderation_reports (reporter_id, subject_type, subject_id) where status = 'open';
create index moderation_reports_queue_idx on moderation_reports (status, id desc);
create index moderation_reports_subject_idx on moderation_reports (subject_type, subject_id, status);

-- The moderation log: every action with its written reason. moderator_id is null for automatic hiding.
create table moderation_actions (
  id bigint generated always as identity primary key,
  kind text not null check (kind in ('hide', 'unhide', 'warn', 'suspend', 'unsuspend', 'block', 'unblock')),
  -- What it was taken on: content, or {person, user id} for warnings, suspensions and blocks.
  subject_type text not null,
  subject_id bigint not null,
  -- The person it concerns (the content's author, or the person): they see it and may appeal it.
  target_user_id bigint references users(id) on delete cascade,
  moderator_id bigint references users(id) on delete set null,
  automatic boolean not null default false,
  reason text not null,
  suspended_until timestamptz,
  -- Set when an appeal reversed it.
  reversed_at timestamptz,
  created_at timestamptz not null
);
create index moderation_actions_log_idx on moderation_actions (id desc);
create index moderation_actions_target_idx on moderation_actions (target_user_id, id desc);
create index moderation_actions_subject_idx on moderation_actions (subject_type, subject_id, id desc);

-- Content hidden now, with the reason shown in its place. Automatic hides wait for a moderator's review.
create table moderation_hidden (
  subject_type text not null,
  subject_id bigint not null,
  action_id bigint not null references moderation_actions(id) on delete cascade,
  reason text not null,
  automatic boolean not null default false,
  hidden_at timestamptz not null,
  primary key (subject_type, subject_id)
);

-- An appeal of one action, once: a moderator upholds or reverses it with a written answer.
create table moderation_appeals (
  id bigint generated always as identity primary key,
  action_id bigint not null unique references moderation_actions(id) on delete cascade,
  user_id bigint not null references users(id) on delete cascade,
  text text not null,
  status text not null default 'open' check (status in ('open', 'upheld', 'reversed')),
  answer text,
  answered_by bigint references users(id) on delete set null,
  answered_at timestamptz,
  created_at timestamptz not null
);
create index moderation_appeals_queue_idx on moderation_appeals (status, id desc);
