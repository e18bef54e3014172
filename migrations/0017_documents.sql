-- Documents: the Leadership Definition and the Leadership Development Plan (and any other text the network
-- keeps), split into units as MediaWiki's Translate extension does (blocks separated by blank lines; the title
-- is unit 0). A unit's id (`T:n`) is an integer that never changes and is never given again within its
-- document. Units store Markdown.
--
-- Every save is a document revision. The current state is in documents and document_units; the history in
-- document_revisions (who, why, and the order of the units at that revision) and document_unit_texts (each text a
-- unit ever had, from the revision it took it). A document at revision R: the unit order of R, each unit with its
-- latest text at or before R.
--
-- A translation is per unit and language. It records the document revision of the source text it translates
-- (`source_revision`); it is outdated while the unit's `source_revision` (the revision of its last change not
-- marked minor) is newer. Four disjoint states per unit and language: untranslated (no row, or hidden), outdated,
-- translated, proofread.
create table documents (
  id bigint generated always as identity primary key,
  slug text not null unique,
  -- The current revision; every save adds one.
  revision integer not null default 0,
  -- The next unit id to give (ids are never given twice, even after a unit is removed).
  next_unit_id integer not null default 1,
  -- Languages listed first and always shown with a bar (MediaWiki codes), set by admins.
  priority_languages text[] not null default '{}',
  created_by bigint references users(id) on delete set null,
  created_at timestamptz not null default date_trunc('milliseconds', now()),
  updated_at timestamptz not null default date_trunc('milliseconds', now())
);

create table document_units (
  document_id bigint not null references documents(id) on delete cascade,
  -- `T:n`; 0 is the title.
  unit_id integer not null,
  -- title, heading, paragraph, list, table, other (what splitting found; shown, not enforced).
  kind text not null check (kind in ('title', 'heading', 'paragraph', 'list', 'table', 'other')),
  -- Markdown.
  text text not null,
  -- Order in the current text; null once removed (the unit's texts and translations stay in history).
  position integer,
  -- The revision of its last change, and of its last change not marked minor (translations compare with it).
  text_revision integer not null,
  source_revision integer not null,
  primary key (document_id, unit_id)
);
create index document_units_order_idx on document_units (document_id, position) where position is not null;
-- "A source unit identical to one already translated offers that translation": units found by their text.
create index document_units_text_idx on document_units (md5(text));

create table document_revisions (
  document_id bigint not null references documents(id) on delete cascade,
  revision integer not null,
  summary text not null default '',
  -- A minor save leaves up-to-date translations up to date.
  minor boolean not null default false,
  -- The unit ids in order at this revision.
  unit_order integer[] not null,
  created_by bigint references users(id) on delete set null,
  -- An accepted amendment's author, credited for the revision it made (amendment id in amendment_id).
  credited_to bigint references users(id) on delete set null,
  amendment_id bigint,
  created_at timestamptz not null default date_trunc('milliseconds', now()),
  primary key (document_id, revision)
);

create table document_unit_texts (
  document_id bigint not null references documents(id) on delete cascade,
  unit_id integer not null,
  -- The revision from which the unit had this text.
  revision integer not null,
  kind text not null,
  text text not null,
  minor boolean not null default false,
  primary key (document_id, unit_id, revision)
);

-- One row per language a document is (being) translated into or has as a priority: what people follow when
-- they follow one language of a document (subject `document_language`).
create table document_languages (
  id bigint generated always as identity primary key,
  document_id bigint not null references documents(id) on delete cascade,
  language text not null,
  created_at timestamptz not null default date_trunc('milliseconds', now()),
  unique (document_id, language)
);

create table unit_translations (
  -- The subject id of a translation (`unit_translation`, reportable).
  id bigint generated always as identity primary key,
  document_id bigint not null,
  unit_id integer not null,
  language text not null,
  text text not null,
  -- The translation's own revision (its editors' baseRevision); 1 on the first save.
  revision integer not null,
  -- The document revision of the source text translated.
  source_revision integer not null,
  translated_by bigint references users(id) on delete set null,
  updated_at timestamptz not null default date_trunc('milliseconds', now()),
  -- Set by someone other than its last translator; an edit clears it.
  proofread_by bigint references users(id) on delete set null,
  proofread_at timestamptz,
  foreign key (document_id, unit_id) references document_units(document_id, unit_id) on delete cascade,
  unique (document_id, unit_id, language)
);
create index unit_translations_language_idx on unit_translations (document_id, language);

create table unit_translation_texts (
  translation_id bigint not null references unit_translations(id) on delete cascade,
  revision integer not null,
  text text not null,
  source_revision integer not null,
  created_by bigint references users(id) on delete set null,
  created_at timestamptz not null default date_trunc('milliseconds', now()),
  primary key (translation_id, revision)
);
