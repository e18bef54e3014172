-- Advice: guides on how to make a leadership development initiative, one per phase of the LDP's Section 3
-- guide (define, design, develop, implement, evaluate) plus an overview. Each guide has a version per language;
-- English is the source. A translation remembers which revision of the English version it translates, and is
-- outdated while the English revision is newer. Every saved version is kept as a revision.
-- The shipped text is loaded at start-up when the table is empty (src/server/features/guides/seed.ts), not
-- here: restore needs an empty database after migrating, and the text is easier to review as TypeScript.
create table guides (
  id bigint generated always as identity primary key,
  slug text not null unique,
  -- null for the overview.
  phase text unique check (phase in ('define', 'design', 'develop', 'implement', 'evaluate')),
  position integer not null,
  created_at timestamptz not null default now()
);

create table guide_versions (
  id bigint generated always as identity primary key,
  guide_id bigint not null references guides(id) on delete cascade,
  -- MediaWiki language code.
  language text not null,
  title text not null,
  summary text not null,
  -- Markdown.
  body text not null,
  -- [{key, text}]: English defines the items and their order; translations give a text per key.
  checklist jsonb not null default '[]'::jsonb,
  revision integer not null,
  -- The English revision this translation translates (null for English itself).
  source_revision integer,
  updated_by bigint references users(id) on delete set null,
  updated_at timestamptz not null default date_trunc('milliseconds', now()),
  unique (guide_id, language)
);

create table guide_revisions (
  id bigint generated always as identity primary key,
  guide_id bigint not null references guides(id) on delete cascade,
  language text not null,
  revision integer not null,
  title text not null,
  summary text not null,
  body text not null,
  checklist jsonb not null default '[]'::jsonb,
  source_revision integer,
  -- An English edit marked minor leaves up-to-date translations up to date.
  minor boolean not null default false,
  note text not null default '',
  created_by bigint references users(id) on delete set null,
  created_at timestamptz not null default date_trunc('milliseconds', now()),
  unique (guide_id, language, revision)
);
