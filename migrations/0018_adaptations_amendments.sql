-- Local adaptations of documents and amendments proposed to documents and adaptations.
--
-- An adaptation is one group's version of a document in one language, made from the source (English) or from
-- the document's translation in that language. It starts as a copy of its base, unit by unit: base units keep
-- the document's unit id; units a group adds get ids from the adaptation's own counter, which starts above any
-- document's unit id (1,000,000), so an id says whether a unit is the base's or the group's. Each unit remembers
-- the base text it was last reviewed against (`base_text`): when the base's current text differs from it, the
-- base changed upstream and the coordinators review it (take the new base, keep theirs, or merge).
create table adaptations (
  id bigint generated always as identity primary key,
  document_id bigint not null references documents(id) on delete cascade,
  community_id bigint not null references communities(id) on delete cascade,
  -- The language of the adaptation (MediaWiki code); for based_on 'translation', the translation it started from.
  language text not null,
  based_on text not null check (based_on in ('source', 'translation')),
  -- The document revision it was made from, then the one of its last review.
  base_revision integer not null,
  -- Its own revision: every change of one of its units adds one.
  revision integer not null default 0,
  -- The next id for a unit the group adds.
  next_unit_id integer not null default 1000000,
  created_by bigint references users(id) on delete set null,
  created_at timestamptz not null default date_trunc('milliseconds', now()),
  updated_at timestamptz not null default date_trunc('milliseconds', now()),
  unique (document_id, community_id, language)
);
create index adaptations_community_idx on adaptations (community_id);

create table adaptation_units (
  adaptation_id bigint not null references adaptations(id) on delete cascade,
  -- The document's unit id for a base unit; 1,000,000 and above for a unit the group added.
  unit_id integer not null,
  kind text not null check (kind in ('title', 'heading', 'paragraph', 'list', 'table', 'other')),
  -- Markdown.
  text text not null,
  -- Why the group changed, added or dropped it (optional).
  note text not null default '',
  -- A base unit the group dropped (kept so that its note and review stay).
  dropped boolean not null default false,
  -- Order in the adaptation.
  position integer not null,
  -- The base's text as last reviewed (null for a unit the group added, or a base unit removed upstream since),
  -- and the document's source_revision of that unit at that review.
  base_text text,
  base_revision integer,
  -- The unit's own revision (its editors' baseRevision, DECISIONS 9); 1 when the adaptation is made.
  revision integer not null default 1,
  updated_by bigint references users(id) on delete set null,
  updated_at timestamptz not null default date_trunc('milliseconds', now()),
  primary key (adaptation_id, unit_id)
);
create index adaptation_units_order_idx on adaptation_units (adaptation_id, position);

-- An amendment proposes new Markdown for one unit, or consecutive units of one section, of a document or an
-- adaptation. Maintainers (admins for a document; the group's coordinators for its adaptation) accept it, which
-- writes a revision crediting its author, or reject it with a reason; its author may withdraw it.
create table amendments (
  id bigint generated always as identity primary key,
  target_type text not null check (target_type in ('document', 'adaptation')),
  target_id bigint not null,
  -- The units it replaces, in order.
  unit_ids integer[] not null,
  text text not null,
  rationale text not null,
  author_id bigint references users(id) on delete set null,
  status text not null default 'open' check (status in ('open', 'accepted', 'rejected', 'withdrawn')),
  decided_by bigint references users(id) on delete set null,
  decided_at timestamptz,
  -- A rejection's reason.
  reason text,
  -- Each unit's revision when proposed ({"12": 4}): a document unit's text_revision, an adaptation unit's
  -- revision. Accepting after one of them changed needs merged text.
  base_revisions jsonb not null,
  -- The target's revision when proposed (the document's or the adaptation's): no unit above changed after it.
  target_revision integer not null,
  -- The revision accepting it made (the document's or the adaptation's).
  accepted_revision integer,
  created_at timestamptz not null default date_trunc('milliseconds', now()),
  updated_at timestamptz not null default date_trunc('milliseconds', now())
);
create index amendments_target_idx on amendments (target_type, target_id, status, id desc);
create index amendments_author_idx on amendments (author_id);

-- A rejected amendment of a document that a group adopted into its adaptation.
create table amendment_adoptions (
  amendment_id bigint not null references amendments(id) on delete cascade,
  adaptation_id bigint not null references adaptations(id) on delete cascade,
  adopted_by bigint references users(id) on delete set null,
  -- The adaptation's revision the adoption made.
  revision integer not null,
  created_at timestamptz not null default date_trunc('milliseconds', now()),
  primary key (amendment_id, adaptation_id)
);
create index amendment_adoptions_adaptation_idx on amendment_adoptions (adaptation_id);

-- One position per person and amendment, changeable.
create table amendment_positions (
  amendment_id bigint not null references amendments(id) on delete cascade,
  user_id bigint not null references users(id) on delete cascade,
  position text not null check (position in ('support', 'oppose', 'neutral')),
  updated_at timestamptz not null default date_trunc('milliseconds', now()),
  primary key (amendment_id, user_id)
);
