-- People and communities: indexes behind the participants and communities directories and the person page.
-- The directories sort by the unique keys (users.username_key, communities.name_key) and filter on public
-- values, so each filter gets an index that narrows the rows before the sort.

-- Participants: language filter (array containment), region filter, people who are not blocked.
create index users_languages_idx on users using gin (languages);
create index users_region_idx on users (region, username_key) where blocked_at is null;
create index users_directory_idx on users (username_key) where blocked_at is null;

-- Memberships by person and role (a person's groups, "member of a group of kind X / of a partner").
create index community_members_user_role_idx on community_members (user_id, community_id, role);
create index community_members_joined_idx on community_members (community_id, joined_at, user_id);

-- Ambassador terms by person and by group, with the dates that decide whether a term is current.
create index ambassador_terms_user_dates_idx on ambassador_terms (user_id, start_date, end_date);
create index ambassador_terms_community_dates_idx on ambassador_terms (community_id, user_id, start_date, end_date);

-- Communities: filters by region and kind, partners.
create index communities_region_idx on communities (region, name_key);
create index communities_kind_idx on communities (kind, name_key);
create index communities_partner_idx on communities (name_key) where is_partner;

-- A version number of what the directories show: every change to people, groups, memberships or terms takes
-- the next value, whichever process or instance makes it. App instances keep their directory answers while
-- the version stays the same (see features/communities/directory-cache.ts). A sequence, not a counter row,
-- so that concurrent writers never wait on each other.
create sequence directory_version_seq;
create function directory_version_bump() returns trigger language plpgsql as $$
begin
  perform nextval('directory_version_seq');
  return null;
end
$$;
create trigger users_directory_version after insert or update or delete on users
  for each statement execute function directory_version_bump();
create trigger communities_directory_version after insert or update or delete on communities
  for each statement execute function directory_version_bump();
create trigger community_members_directory_version after insert or update or delete on community_members
  for each statement execute function directory_version_bump();
create trigger ambassador_terms_directory_version after insert or update or delete on ambassador_terms
  for each statement execute function directory_version_bump();
