-- Pages rendered for a signed-in person are kept until something they see changes (src/server/pages/plugin.ts).
-- Changes everyone sees advance the content version (directory_version_seq); changes only the person sees
-- (follows, read marks, settings, sessions, tokens) advance this counter of theirs, read with their session.
alter table users add column page_version bigint not null default 0;
