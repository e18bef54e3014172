-- The directory's version became the content version of the whole site (src/server/http/content-cache.ts):
-- every state-changing request, every finished background job and the triggers below advance it. Renamed to
-- what it is; the trigger function names the sequence in its text, so it and its triggers are made anew.
alter sequence directory_version_seq rename to content_version_seq;
create function content_version_bump() returns trigger language plpgsql as $$
begin
  perform nextval('content_version_seq');
  return null;
end
$$;
drop trigger users_directory_version on users;
drop trigger communities_directory_version on communities;
drop trigger community_members_directory_version on community_members;
drop trigger ambassador_terms_directory_version on ambassador_terms;
drop function directory_version_bump();
create trigger users_content_version after insert or update or delete on users
  for each statement execute function content_version_bump();
create trigger communities_content_version after insert or update or delete on communities
  for each statement execute function content_version_bump();
create trigger community_members_content_version after insert or update or delete on community_members
  for each statement execute function content_version_bump();
create trigger ambassador_terms_content_version after insert or update or delete on ambassador_terms
  for each statement execute function content_version_bump();
