-- Events (ambassador meetings, trainings, workshops, community calls), their occurrences and registrations,
-- time polls (find a time), private calendar addresses, and the course catalogue with runs per language.
-- Local times are text 'YYYY-MM-DDTHH:mm' in the event's IANA zone (what the organizer typed, as iCalendar's
-- DTSTART;TZID=… keeps it); the instants derived from them are timestamptz, recomputed when a rule changes.

create table courses (
  id bigint generated always as identity primary key,
  title text not null,
  summary text not null default '',
  provider_community_id bigint references communities(id) on delete set null,
  skills text[] not null default '{}',
  phases text[] not null default '{}',
  level text not null check (level in ('introductory', 'intermediate', 'advanced')),
  -- Estimated effort in hours (numeric(6,1) as a string on both databases).
  hours numeric(6, 1),
  -- Based on a document revision (the LDP): the page says when the document changed since.
  based_on_document_id bigint references documents(id) on delete set null,
  based_on_revision integer,
  revision integer not null default 1,
  created_by bigint references users(id) on delete set null,
  created_at timestamptz not null,
  updated_at timestamptz not null
);
create index courses_provider_idx on courses (provider_community_id);
create index courses_updated_idx on courses (updated_at desc, id desc);

create table course_runs (
  id bigint generated always as identity primary key,
  course_id bigint not null references courses(id) on delete cascade,
  language text not null,
  -- Open edX's course key: course-v1:Org+Course+Run.
  course_key text not null unique,
  url text not null,
  status text not null check (status in ('planned', 'translating', 'open', 'closed')),
  starts_on date,
  ends_on date,
  created_at timestamptz not null,
  updated_at timestamptz not null
);
create index course_runs_course_idx on course_runs (course_id, language);

-- A learner's self-reported progress on a run; private unless `public`.
create table course_progress (
  run_id bigint not null references course_runs(id) on delete cascade,
  user_id bigint not null references users(id) on delete cascade,
  status text not null check (status in ('interested', 'enrolled', 'completed')),
  public boolean not null default false,
  updated_at timestamptz not null,
  primary key (run_id, user_id)
);
create index course_progress_user_idx on course_progress (user_id);

create table events (
  id bigint generated always as identity primary key,
  kind text not null check (kind in ('ambassador_meeting', 'training', 'workshop', 'community_call', 'other')),
  title text not null,
  description text not null default '',
  timezone text not null,
  -- The first occurrence's main slot, local to `timezone`.
  start_local text not null check (start_local ~ '^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$'),
  end_local text not null check (end_local ~ '^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$'),
  -- The RRULE subset (FREQ=WEEKLY|MONTHLY, INTERVAL, BYDAY, COUNT|UNTIL); null for a single event.
  rrule text,
  -- Paired slots beyond the main one: [{start, end}] local, the same meeting at other hours.
  slots jsonb not null default '[]',
  mode text not null check (mode in ('online', 'in_person', 'hybrid')),
  languages text[] not null default '{}',
  -- Languages interpreted into.
  interpretation text[] not null default '{}',
  meeting_url text,
  chat_url text,
  address text,
  -- Places per occurrence (per slot); null: unlimited.
  capacity integer check (capacity is null or capacity > 0),
  registration_open boolean not null default true,
  -- When registration closes; null: at each occurrence's start.
  registration_closes_at timestamptz,
  -- Optional questions asked at registration (keys of the contract's list).
  questions text[] not null default '{}',
  agenda jsonb not null default '[]',
  course_id bigint references courses(id) on delete set null,
  announce boolean not null default false,
  time_poll_id bigint,
  -- Until when occurrences have been made (kept 400 days ahead, extended daily).
  expanded_until date,
  cancelled_at timestamptz,
  cancel_reason text,
  revision integer not null default 1,
  created_by bigint references users(id) on delete set null,
  created_at timestamptz not null,
  updated_at timestamptz not null
);
create index events_kind_idx on events (kind);
create index events_course_idx on events (course_id) where course_id is not null;

create table event_organizers (
  id bigint generated always as identity primary key,
  event_id bigint not null references events(id) on delete cascade,
  user_id bigint references users(id) on delete cascade,
  community_id bigint references communities(id) on delete cascade,
  check ((user_id is null) <> (community_id is null))
);
create unique index event_organizers_user_uniq on event_organizers (event_id, user_id) where user_id is not null;
create unique index event_organizers_community_uniq on event_organizers (event_id, community_id)
  where community_id is not null;
create index event_organizers_user_idx on event_organizers (user_id) where user_id is not null;
create index event_organizers_community_idx on event_organizers (community_id) where community_id is not null;

-- Guest speakers: a participant (user_id) or an external person (name, affiliation, bio, link).
create table event_speakers (
  event_id bigint not null references events(id) on delete cascade,
  position integer not null,
  user_id bigint references users(id) on delete set null,
  name text,
  affiliation text,
  bio text,
  link text,
  primary key (event_id, position)
);

-- One row per occurrence and slot: `occurrence` is the original local start of the main slot (RECURRENCE-ID),
-- the instants are where it is now (moved or not).
create table event_occurrences (
  id bigint generated always as identity primary key,
  event_id bigint not null references events(id) on delete cascade,
  occurrence text not null,
  slot integer not null default 0,
  starts_at timestamptz not null,
  ends_at timestamptz not null,
  moved boolean not null default false,
  cancelled boolean not null default false,
  cancel_reason text,
  -- Afterwards: notes (Markdown), a recording, follow-up actions, walk-ins.
  notes text,
  recording_url text,
  follow_up text,
  walk_ins integer not null default 0,
  unique (event_id, occurrence, slot)
);
create index event_occurrences_start_idx on event_occurrences (starts_at, event_id);

-- A registration for every occurrence of a series; its per-occurrence rows are made as occurrences are.
create table event_series_registrations (
  id bigint generated always as identity primary key,
  event_id bigint not null references events(id) on delete cascade,
  user_id bigint not null references users(id) on delete cascade,
  slot integer not null default 0,
  private boolean not null default false,
  created_at timestamptz not null,
  unique (event_id, user_id)
);

create table event_registrations (
  id bigint generated always as identity primary key,
  occurrence_id bigint not null references event_occurrences(id) on delete cascade,
  event_id bigint not null references events(id) on delete cascade,
  user_id bigint not null references users(id) on delete cascade,
  status text not null check (status in ('registered', 'waiting')),
  private boolean not null default false,
  series_id bigint references event_series_registrations(id) on delete cascade,
  created_at timestamptz not null,
  unique (occurrence_id, user_id)
);
create index event_registrations_occurrence_idx on event_registrations (occurrence_id, status, created_at, id);
create index event_registrations_user_idx on event_registrations (user_id);
create index event_registrations_event_idx on event_registrations (event_id);

-- Answers to the optional questions: organizers see totals only; raw answers are deleted 90 days after the event.
create table event_answers (
  event_id bigint not null references events(id) on delete cascade,
  user_id bigint not null references users(id) on delete cascade,
  question text not null,
  answer text not null,
  created_at timestamptz not null,
  primary key (event_id, user_id, question)
);

create table event_attendance (
  occurrence_id bigint not null references event_occurrences(id) on delete cascade,
  user_id bigint not null references users(id) on delete cascade,
  primary key (occurrence_id, user_id)
);
create index event_attendance_user_idx on event_attendance (user_id);

-- Messages from organizers to registrants (5 a day per event).
create table event_messages (
  id bigint generated always as identity primary key,
  event_id bigint not null references events(id) on delete cascade,
  sent_by bigint references users(id) on delete set null,
  subject text not null,
  body text not null,
  created_at timestamptz not null
);
create index event_messages_event_idx on event_messages (event_id, created_at);

-- A person's private calendar address: only the token's hash is kept; a new one voids the old.
create table calendar_tokens (
  user_id bigint primary key references users(id) on delete cascade,
  token_hash text not null unique,
  created_at timestamptz not null
);

create table time_polls (
  id bigint generated always as identity primary key,
  title text not null,
  timezone text not null,
  -- Whom it asks: all current ambassadors (resolved when read), groups' members, named people.
  invite_ambassadors boolean not null default false,
  picked_slot integer,
  event_id bigint references events(id) on delete set null,
  created_by bigint references users(id) on delete set null,
  created_at timestamptz not null
);

create table time_poll_slots (
  poll_id bigint not null references time_polls(id) on delete cascade,
  slot integer not null,
  start_local text not null,
  end_local text not null,
  starts_at timestamptz not null,
  ends_at timestamptz not null,
  primary key (poll_id, slot)
);

create table time_poll_invitees (
  poll_id bigint not null references time_polls(id) on delete cascade,
  user_id bigint references users(id) on delete cascade,
  community_id bigint references communities(id) on delete cascade,
  check ((user_id is null) <> (community_id is null))
);
create unique index time_poll_invitees_user_uniq on time_poll_invitees (poll_id, user_id) where user_id is not null;
create unique index time_poll_invitees_community_uniq on time_poll_invitees (poll_id, community_id)
  where community_id is not null;
create index time_poll_invitees_user_idx on time_poll_invitees (user_id) where user_id is not null;

create table time_poll_answers (
  poll_id bigint not null references time_polls(id) on delete cascade,
  user_id bigint not null references users(id) on delete cascade,
  slot integer not null,
  answer text not null check (answer in ('yes', 'if_need_be', 'no')),
  -- The zone the person shared by answering (shown on the grid even when their profile hides it).
  timezone text,
  updated_at timestamptz not null,
  primary key (poll_id, user_id, slot)
);

alter table events add constraint events_time_poll_fk foreign key (time_poll_id) references time_polls(id)
  on delete set null;

-- Initiatives' links become items: an event or a course of the platform, beside plain URLs (an item's `url` is
-- its path on the platform, '/events/<id>' or '/courses/<id>', so every reader of links still has an address).
alter table initiative_links add column event_id bigint references events(id) on delete cascade;
alter table initiative_links add column course_id bigint references courses(id) on delete cascade;
create index initiative_links_event_idx on initiative_links (event_id) where event_id is not null;
create index initiative_links_course_idx on initiative_links (course_id) where course_id is not null;

-- Two scopes of their own (see 0019): events and time polls; courses.
create sequence content_version_events_seq;
create sequence content_version_courses_seq;
create trigger events_content_scope after insert or update or delete on events
  for each statement execute function content_scope_bump('content_version_events_seq');
create trigger event_organizers_content_scope after insert or update or delete on event_organizers
  for each statement execute function content_scope_bump('content_version_events_seq');
create trigger event_speakers_content_scope after insert or update or delete on event_speakers
  for each statement execute function content_scope_bump('content_version_events_seq');
create trigger event_occurrences_content_scope after insert or update or delete on event_occurrences
  for each statement execute function content_scope_bump('content_version_events_seq');
create trigger event_registrations_content_scope after insert or update or delete on event_registrations
  for each statement execute function content_scope_bump('content_version_events_seq');
create trigger event_series_registrations_content_scope after insert or update or delete
  on event_series_registrations
  for each statement execute function content_scope_bump('content_version_events_seq');
create trigger event_attendance_content_scope after insert or update or delete on event_attendance
  for each statement execute function content_scope_bump('content_version_events_seq');
create trigger time_polls_content_scope after insert or update or delete on time_polls
  for each statement execute function content_scope_bump('content_version_events_seq');
create trigger time_poll_slots_content_scope after insert or update or delete on time_poll_slots
  for each statement execute function content_scope_bump('content_version_events_seq');
create trigger time_poll_answers_content_scope after insert or update or delete on time_poll_answers
  for each statement execute function content_scope_bump('content_version_events_seq');
create trigger courses_content_scope after insert or update or delete on courses
  for each statement execute function content_scope_bump('content_version_courses_seq');
create trigger course_runs_content_scope after insert or update or delete on course_runs
  for each statement execute function content_scope_bump('content_version_courses_seq');
create trigger course_progress_content_scope after insert or update or delete on course_progress
  for each statement execute function content_scope_bump('content_version_courses_seq');
