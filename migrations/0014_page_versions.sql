-- Pages rendered for a signed-in person are kept until something they see changes (src/server/pages/plugin.ts).
-- Changes everyone sees advance the content version (directory_version_seq); changes only the person sees
-- (follows, read marks, settings, sessions, tokens) advance this counter of theirs, read with their session.
-- A table of its own, not a column of users: a change to users advances the content version (0005's trigger).
create table page_versions (
  user_id bigint primary key references users (id) on delete cascade,
  version bigint not null default 0
);
