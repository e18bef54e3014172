-- The database of sources (issue 11): books, chapters, articles, talks… with their identifiers, a history of
-- edits, one review per person, the initiatives that used them, reading lists, and imports of BibTeX, RIS and
-- CSL-JSON files that wait, parsed and previewed, until their author commits them.

create table sources (
  id bigserial primary key,
  kind text not null check (kind in ('book', 'chapter', 'article', 'paper', 'talk', 'video', 'podcast', 'course',
    'toolkit', 'website')),
  title text not null,
  -- [{family?, given?, literal?}], in order; literal is an organization's name (or a name that cannot be split).
  authors jsonb not null default '[]',
  -- The authors as words for the search ("Given Family; Literal"), kept by the app with `authors`.
  authors_text text not null default '',
  year int check (year between -3000 and 3000),
  publisher text,
  languages text[] not null default '{}',
  -- Identifiers, normalized (DECISIONS 17): ISBN-13 digits, a DOI lower-cased without resolver, a normalized URL,
  -- a Wikidata Q-id. Each names one source at most (the unique indexes below: two adds at once cannot both pass).
  isbn text,
  doi text,
  url text,
  url_key text,
  wikidata text,
  access text not null default 'open' check (access in ('open', 'paywalled', 'library')),
  summary text not null default '',
  skills text[] not null default '{}',
  -- For the "is this the same work?" offer: the title and the first author's family name (or literal),
  -- lower-cased, accents and punctuation removed (the app computes them).
  title_key text not null,
  first_author_key text not null default '',
  revision int not null default 1,
  created_by bigint references users(id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  -- Kept by source_counts_refresh() (triggers below), so lists sort and filter by them without counting:
  -- reviews not hidden by moderation, their judgements ({"reliable": n, "mixed": n, "unreliable": n,
  -- "not_sure": n}) and usefulness ({"1": n, …, "5": n}), the most common judgement (ties: mixed), and the
  -- archived initiatives using the source whose goals were met or partly met.
  review_count int not null default 0,
  judgement_counts jsonb not null default '{}',
  usefulness_counts jsonb not null default '{}',
  judgement text check (judgement in ('reliable', 'mixed', 'unreliable', 'not_sure')),
  used_count int not null default 0
);
create unique index sources_isbn_key on sources (isbn) where isbn is not null;
create unique index sources_doi_key on sources (doi) where doi is not null;
create unique index sources_url_key on sources (url_key) where url_key is not null;
create unique index sources_wikidata_key on sources (wikidata) where wikidata is not null;
create index sources_title_author_idx on sources (title_key, first_author_key);
-- Lists: newest first, most reviewed, most used (keyset on (value, id)).
create index sources_newest_idx on sources (created_at desc, id desc);
create index sources_reviewed_idx on sources (review_count desc, id desc);
create index sources_used_idx on sources (used_count desc, id desc);
create index sources_year_idx on sources (year);
create index sources_languages_idx on sources using gin (languages);
create index sources_skills_idx on sources using gin (skills);
-- Words in the title, authors and summary: found through this index when they are rare (as the archive's, 0013).
create index sources_text_trgm on sources using gin ((title || ' ' || authors_text || ' ' || summary) gin_trgm_ops);

-- Every edit is a revision: the whole record as it was saved, so history shows diffs and a revert restores one.
create table source_revisions (
  id bigserial primary key,
  source_id bigint not null references sources(id) on delete cascade,
  revision int not null,
  -- {kind, title, authors, year, publisher, languages, identifiers: {isbn, doi, url, wikidata}, access, summary, skills}
  record jsonb not null,
  comment text not null default '',
  created_by bigint references users(id) on delete set null,
  created_at timestamptz not null default now(),
  unique (source_id, revision)
);

-- A merged source's address answers 301 to the one it was merged into.
create table source_merges (
  from_id bigint primary key,
  into_id bigint not null references sources(id) on delete cascade,
  merged_by bigint references users(id) on delete set null,
  merged_at timestamptz not null default now()
);
create index source_merges_into_idx on source_merges (into_id);

-- One review per person per source (the unique key: two concurrent saves leave one row).
create table source_reviews (
  id bigserial primary key,
  source_id bigint not null references sources(id) on delete cascade,
  user_id bigint not null references users(id) on delete cascade,
  judgement text not null check (judgement in ('reliable', 'mixed', 'unreliable', 'not_sure')),
  reasons text not null default '',
  intended_use text not null default '',
  audience text,
  language text,
  usefulness smallint not null check (usefulness between 1 and 5),
  revision int not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (source_id, user_id)
);
create index source_reviews_source_idx on source_reviews (source_id, updated_at desc, id desc);
create index source_reviews_user_idx on source_reviews (user_id);

-- A review's earlier versions (its edits, and the older of two reviews by one person when sources merge).
create table source_review_history (
  id bigserial primary key,
  review_id bigint not null references source_reviews(id) on delete cascade,
  -- {judgement, reasons, intendedUse, audience, language, usefulness, sourceId}
  record jsonb not null,
  revision int not null,
  created_at timestamptz not null default now()
);
create index source_review_history_review_idx on source_review_history (review_id, id);

-- The sources an initiative used, each with a note (its leads record them).
create table initiative_sources (
  initiative_id bigint not null references initiatives(id) on delete cascade,
  source_id bigint not null references sources(id) on delete cascade,
  note text not null default '',
  added_by bigint references users(id) on delete set null,
  created_at timestamptz not null default now(),
  primary key (initiative_id, source_id)
);
create index initiative_sources_source_idx on initiative_sources (source_id);

-- Reading lists: a person's or a group's ordered sources, each with a note.
create table reading_lists (
  id bigserial primary key,
  title text not null,
  description text not null default '',
  owner_id bigint references users(id) on delete cascade,
  community_id bigint references communities(id) on delete cascade,
  revision int not null default 1,
  created_by bigint references users(id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check ((owner_id is null) <> (community_id is null))
);
create index reading_lists_owner_idx on reading_lists (owner_id) where owner_id is not null;
create index reading_lists_community_idx on reading_lists (community_id) where community_id is not null;

create table reading_list_items (
  list_id bigint not null references reading_lists(id) on delete cascade,
  source_id bigint not null references sources(id) on delete cascade,
  position int not null,
  note text not null default '',
  primary key (list_id, source_id)
);
create index reading_list_items_order_idx on reading_list_items (list_id, position);
create index reading_list_items_source_idx on reading_list_items (source_id);

-- An uploaded file, parsed in the background (total and parsed show progress), previewed, then committed:
-- its entries become sources in one statement, so nothing of an import is visible before the commit.
create table source_imports (
  id bigserial primary key,
  user_id bigint not null references users(id) on delete cascade,
  format text not null check (format in ('bibtex', 'ris', 'csl-json')),
  status text not null default 'parsing' check (status in ('parsing', 'ready', 'committing', 'done', 'failed')),
  file text not null,
  total int not null default 0,
  parsed int not null default 0,
  -- After the commit: {"added": n, "merged": n, "skipped": n}.
  counts jsonb,
  error text,
  created_at timestamptz not null default now(),
  finished_at timestamptz
);
create index source_imports_user_idx on source_imports (user_id, id desc);

create table source_import_entries (
  import_id bigint not null references source_imports(id) on delete cascade,
  n int not null,
  -- The record as read (null when nothing could be read), its errors [{field, message}], the duplicates found
  -- in the file or the database [{id?, n?, title, reason}], and what the importer chose.
  record jsonb,
  errors jsonb not null default '[]',
  duplicates jsonb not null default '[]',
  action text not null default 'add' check (action in ('add', 'skip', 'merge')),
  into_id bigint references sources(id) on delete set null,
  source_id bigint references sources(id) on delete set null,
  primary key (import_id, n)
);

-- The counts kept on sources, recomputed for the given ids in one statement.
create function source_counts_refresh(ids bigint[]) returns void language sql as $$
  update sources s set
    review_count = c.n,
    judgement_counts = c.judgements,
    usefulness_counts = c.usefulness,
    judgement = c.top,
    used_count = c.used
  from (
    select src.id,
      coalesce(r.n, 0) as n,
      coalesce(r.judgements, '{}'::jsonb) as judgements,
      coalesce(r.usefulness, '{}'::jsonb) as usefulness,
      r.top,
      (select count(*) from initiative_sources l join initiatives i on i.id = l.initiative_id
        where l.source_id = src.id and i.stage = 'archived' and i.outcome in ('met', 'partly_met'))::int as used
    from unnest(ids) as src(id)
    left join lateral (
      select count(*)::int as n,
        (select jsonb_object_agg(j, k) from (
          select judgement as j, count(*) as k from source_reviews v
          where v.source_id = src.id and not exists (select 1 from moderation_hidden mh
            where mh.subject_type = 'source_review' and mh.subject_id = v.id)
          group by judgement) jj) as judgements,
        (select jsonb_object_agg(u::text, k) from (
          select usefulness as u, count(*) as k from source_reviews v
          where v.source_id = src.id and not exists (select 1 from moderation_hidden mh
            where mh.subject_type = 'source_review' and mh.subject_id = v.id)
          group by usefulness) uu) as usefulness,
        (select case when count(*) > 1 then 'mixed' else min(j) end from (
          select judgement as j, count(*) as k, max(count(*)) over () as top from source_reviews v
          where v.source_id = src.id and not exists (select 1 from moderation_hidden mh
            where mh.subject_type = 'source_review' and mh.subject_id = v.id)
          group by judgement) t where t.k = t.top) as top
      from source_reviews v
      where v.source_id = src.id and not exists (select 1 from moderation_hidden mh
        where mh.subject_type = 'source_review' and mh.subject_id = v.id)
    ) r on true
  ) c
  where s.id = c.id
$$;

-- Statement-level triggers with transition tables: a bulk insert of reviews recounts each source once.
create function source_reviews_counts() returns trigger language plpgsql as $$
begin
  if tg_op = 'INSERT' then
    perform source_counts_refresh(array(select distinct source_id from new_rows));
  elsif tg_op = 'DELETE' then
    perform source_counts_refresh(array(select distinct source_id from old_rows));
  else
    perform source_counts_refresh(array(select source_id from new_rows union select source_id from old_rows));
  end if;
  return null;
end
$$;
create trigger source_reviews_counts_insert after insert on source_reviews
  referencing new table as new_rows for each statement execute function source_reviews_counts();
create trigger source_reviews_counts_update after update on source_reviews
  referencing new table as new_rows old table as old_rows for each statement execute function source_reviews_counts();
create trigger source_reviews_counts_delete after delete on source_reviews
  referencing old table as old_rows for each statement execute function source_reviews_counts();

create function initiative_sources_counts() returns trigger language plpgsql as $$
begin
  if tg_op = 'INSERT' then
    perform source_counts_refresh(array(select distinct source_id from new_rows));
  else
    perform source_counts_refresh(array(select distinct source_id from old_rows));
  end if;
  return null;
end
$$;
create trigger initiative_sources_counts_insert after insert on initiative_sources
  referencing new table as new_rows for each statement execute function initiative_sources_counts();
create trigger initiative_sources_counts_delete after delete on initiative_sources
  referencing old table as old_rows for each statement execute function initiative_sources_counts();

-- An initiative archived, evaluated or reopened changes what its sources count as "used".
create function initiatives_source_counts() returns trigger language plpgsql as $$
begin
  perform source_counts_refresh(array(
    select distinct l.source_id from new_rows n join old_rows o on o.id = n.id
      join initiative_sources l on l.initiative_id = n.id
      where n.stage is distinct from o.stage or n.outcome is distinct from o.outcome));
  return null;
end
$$;
create trigger initiatives_source_counts after update on initiatives
  referencing new table as new_rows old table as old_rows for each statement
  execute function initiatives_source_counts();

-- A review hidden or shown again by moderators leaves or rejoins its source's counts.
create function moderation_hidden_source_counts() returns trigger language plpgsql as $$
begin
  if tg_op = 'INSERT' then
    perform source_counts_refresh(array(select distinct v.source_id from new_rows h
      join source_reviews v on v.id = h.subject_id where h.subject_type = 'source_review'));
  else
    perform source_counts_refresh(array(select distinct v.source_id from old_rows h
      join source_reviews v on v.id = h.subject_id where h.subject_type = 'source_review'));
  end if;
  return null;
end
$$;
create trigger moderation_hidden_source_counts_insert after insert on moderation_hidden
  referencing new table as new_rows for each statement execute function moderation_hidden_source_counts();
create trigger moderation_hidden_source_counts_delete after delete on moderation_hidden
  referencing old table as old_rows for each statement execute function moderation_hidden_source_counts();

-- A scope of their own (see 0019): sources, reviews, links to initiatives and reading lists.
create sequence content_version_sources_seq;
create trigger sources_content_scope after insert or update or delete on sources
  for each statement execute function content_scope_bump('content_version_sources_seq');
create trigger source_reviews_content_scope after insert or update or delete on source_reviews
  for each statement execute function content_scope_bump('content_version_sources_seq');
create trigger source_merges_content_scope after insert or update or delete on source_merges
  for each statement execute function content_scope_bump('content_version_sources_seq');
create trigger initiative_sources_content_scope after insert or update or delete on initiative_sources
  for each statement execute function content_scope_bump('content_version_sources_seq');
create trigger reading_lists_content_scope after insert or update or delete on reading_lists
  for each statement execute function content_scope_bump('content_version_sources_seq');
create trigger reading_list_items_content_scope after insert or update or delete on reading_list_items
  for each statement execute function content_scope_bump('content_version_sources_seq');

-- Imports (appended): an entry's keys, computed by the app when the file is parsed (keys.ts, identifiers.ts),
-- so that the commit turns every chosen entry into a source in one `insert … select` without reading them back.
alter table source_import_entries
  add column title_key text,
  add column first_author_key text,
  add column authors_text text,
  add column url_key text;
