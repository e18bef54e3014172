-- Communities (partner entities and other groups), their members, and ambassador terms.
create table communities (
  id bigint generated always as identity primary key,
  slug text not null unique,
  name text not null,
  -- lower-cased, NFC-normalised name: a name is taken regardless of letter case.
  name_key text not null unique,
  kind text not null check (kind in ('chapter', 'thematic_organization', 'user_group', 'hub', 'group')),
  region text not null check (region in ('CEE', 'ESEAP', 'LAC', 'MENA', 'SSA', 'SA', 'NA', 'NWE')),
  country text,
  languages text[] not null default '{}',
  meta_page text,
  website text,
  wikidata_id text,
  description text not null default '',
  is_partner boolean not null default false,
  partner_since date,
  is_demo boolean not null default false,
  created_by bigint references users(id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index communities_created_idx on communities (created_at desc, id desc);
create index communities_name_trgm on communities using gin (name gin_trgm_ops);
create index communities_languages_idx on communities using gin (languages);

create table community_members (
  community_id bigint not null references communities(id) on delete cascade,
  user_id bigint not null references users(id) on delete cascade,
  role text not null default 'member' check (role in ('member', 'coordinator')),
  joined_at timestamptz not null default now(),
  primary key (community_id, user_id)
);
create index community_members_user_idx on community_members (user_id);

-- Terms are never deleted: ending one sets end_date, so the group's history keeps every designation.
create table ambassador_terms (
  id bigint generated always as identity primary key,
  community_id bigint not null references communities(id) on delete cascade,
  user_id bigint not null references users(id) on delete cascade,
  start_date date not null,
  end_date date,
  designated_by bigint references users(id) on delete set null,
  ended_by bigint references users(id) on delete set null,
  ended_at timestamptz,
  created_at timestamptz not null default now(),
  check (end_date is null or end_date >= start_date)
);
create index ambassador_terms_community_idx on ambassador_terms (community_id, start_date desc);
create index ambassador_terms_user_idx on ambassador_terms (user_id);
