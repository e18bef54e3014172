-- Following and notifications: who follows which subject ({type, id}: an update, a debate, an argument, a
-- community, a person…), what happened (one row per event), who was told (one row per person and event), and how
-- each person wants each kind of notification by e-mail.
-- PostgreSQL 15 syntax only.

create table follows (
  id bigint generated always as identity primary key,
  user_id bigint not null references users(id) on delete cascade,
  subject_type text not null,
  subject_id bigint not null,
  created_at timestamptz not null,
  unique (user_id, subject_type, subject_id)
);
-- Fan-out reads the followers of one subject.
create index follows_subject_idx on follows (subject_type, subject_id);
-- "My follows", newest first.
create index follows_user_idx on follows (user_id, id desc);

-- One row per thing that happened (a comment, an argument, a new update, a closed debate…). The item's title and
-- link are kept as they were, so a list of notifications costs a fixed number of queries.
create table notification_events (
  id bigint generated always as identity primary key,
  -- What happened: comment, comment_edited, debate, argument, debate_closed, update.
  type text not null,
  actor_id bigint references users(id) on delete set null,
  -- The item the notification is about (what digests group by).
  subject_type text not null,
  subject_id bigint not null,
  subject_title text not null,
  subject_link text not null,
  -- What the actor made there (the comment, the argument…), when something was made.
  object_type text,
  object_id bigint,
  -- Path of the exact place on this site (a comment's anchor, an argument's anchor, the update).
  link text not null,
  created_at timestamptz not null
);
-- Whether someone was already told of a mention in a comment (an edit that adds a mention tells only the new ones).
create index notification_events_object_idx on notification_events (object_type, object_id);

create table notifications (
  id bigint generated always as identity primary key,
  user_id bigint not null references users(id) on delete cascade,
  event_id bigint not null references notification_events(id) on delete cascade,
  -- mention, reply, comment, argument, debate_closed, update, activity (the strongest reason wins).
  kind text not null,
  created_at timestamptz not null,
  read_at timestamptz,
  -- When it went out by e-mail (immediately or in a digest); never sent twice.
  mailed_at timestamptz,
  -- One notification per person and event, whatever the number of reasons.
  unique (user_id, event_id)
);
-- A person's list, newest first (the keyset is the id).
create index notifications_user_idx on notifications (user_id, id desc);
-- The unread count.
create index notifications_unread_idx on notifications (user_id) where read_at is null;
-- Mail still to send (immediate jobs read by event, digests by person).
create index notifications_unmailed_idx on notifications (user_id, id) where mailed_at is null and read_at is null;
create index notifications_event_idx on notifications (event_id);

-- How a person wants each kind by e-mail; kinds without a row use the defaults in the code
-- (src/server/features/notifications/kinds.ts). In-app notifications always arrive.
create table notification_settings (
  user_id bigint not null references users(id) on delete cascade,
  kind text not null,
  email text not null check (email in ('immediately', 'daily', 'weekly', 'never')),
  primary key (user_id, kind)
);
