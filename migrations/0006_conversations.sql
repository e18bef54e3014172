-- Conversations: comments on any discussable subject ({type, id}), their earlier versions and mentions;
-- debates with arguments for, against or neutral, and supports of arguments.
-- PostgreSQL 15 syntax only.

-- A comment's place in its thread is a materialised path: the zero-padded ids of its ancestors and its own,
-- joined by '.'. Sorting by path (bytewise, collation "C") gives thread order — each top-level comment,
-- oldest first, followed by its replies — and the path of the last comment on a page is the keyset cursor
-- of the next, so any page of a long thread costs one indexed range scan.
create table comments (
  id bigint generated always as identity primary key,
  subject_type text not null,
  subject_id bigint not null,
  author_id bigint references users(id) on delete set null,
  -- The comment this one sits under in the tree (replies deeper than three levels sit under the depth-2
  -- comment and quote the one they answer).
  parent_id bigint references comments(id) on delete set null,
  quoted_id bigint references comments(id) on delete set null,
  depth smallint not null check (depth between 0 and 3),
  path text collate "C" not null default '',
  body text not null,
  created_at timestamptz not null default now(),
  edited_at timestamptz,
  -- A deleted comment that has replies stays as a placeholder (body emptied) so its replies keep their place.
  deleted_at timestamptz
);
create index comments_thread_idx on comments (subject_type, subject_id, path);
create index comments_parent_idx on comments (parent_id);
create index comments_author_idx on comments (author_id);

-- Every earlier version of an edited comment.
create table comment_revisions (
  id bigint generated always as identity primary key,
  comment_id bigint not null references comments(id) on delete cascade,
  body text not null,
  -- When this version was written.
  written_at timestamptz not null
);
create index comment_revisions_comment_idx on comment_revisions (comment_id, id);

-- People mentioned with @username, for notifications.
create table comment_mentions (
  comment_id bigint not null references comments(id) on delete cascade,
  user_id bigint not null references users(id) on delete cascade,
  primary key (comment_id, user_id)
);
create index comment_mentions_user_idx on comment_mentions (user_id);

create table debates (
  id bigint generated always as identity primary key,
  opener_id bigint references users(id) on delete set null,
  title text not null,
  framing text not null,
  language text not null,
  status text not null default 'open' check (status in ('open', 'closed')),
  conclusion text,
  closed_by bigint references users(id) on delete set null,
  closed_at timestamptz,
  created_at timestamptz not null default date_trunc('milliseconds', now())
);
-- Open debates first ('open' > 'closed'), newest first.
create index debates_list_idx on debates (status desc, created_at desc, id desc);

create table debate_arguments (
  id bigint generated always as identity primary key,
  debate_id bigint not null references debates(id) on delete cascade,
  author_id bigint references users(id) on delete set null,
  stance text not null check (stance in ('for', 'against', 'neutral')),
  body text not null,
  created_at timestamptz not null default now()
);
create index debate_arguments_debate_idx on debate_arguments (debate_id, id);

-- One support per person and argument.
create table argument_supports (
  argument_id bigint not null references debate_arguments(id) on delete cascade,
  user_id bigint not null references users(id) on delete cascade,
  created_at timestamptz not null default now(),
  primary key (argument_id, user_id)
);
