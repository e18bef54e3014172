-- Community Updates (posts in Markdown, each tagged with a group and a language) and the FAQ.
-- The Markdown source is stored; HTML is rendered and sanitized when read, so a stricter allowlist applies
-- to old posts too.
create table updates (
  id bigint generated always as identity primary key,
  community_id bigint not null references communities(id) on delete cascade,
  author_id bigint references users(id) on delete set null,
  title text not null,
  body text not null,
  -- MediaWiki language code (pt-br, zh-hans, …).
  language text not null,
  is_demo boolean not null default false,
  -- Millisecond precision, like the cursors that page through them.
  published_at timestamptz not null default date_trunc('milliseconds', now()),
  updated_at timestamptz not null default date_trunc('milliseconds', now())
);
create index updates_published_idx on updates (published_at desc, id desc);
create index updates_community_idx on updates (community_id, published_at desc, id desc);
create index updates_language_idx on updates (language, published_at desc, id desc);
create index updates_author_idx on updates (author_id);

-- Questions and answers per language, in the order admins give them.
create table faq_entries (
  id bigint generated always as identity primary key,
  language text not null,
  question text not null,
  answer text not null,
  position integer not null,
  is_demo boolean not null default false,
  created_by bigint references users(id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index faq_entries_language_idx on faq_entries (language, position, id);
