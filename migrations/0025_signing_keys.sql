-- Keys the server signs with, shared by every instance on the database. The first, `forms`, signs the tokens of
-- forms sent by visitors who have no session (a cookie and the same value in the form: src/server/http/csrf.ts).
-- Made here from PostgreSQL's strong random source, so no instance has to create it at start-up.
create table signing_keys (
  name text primary key,
  secret text not null
);
insert into signing_keys (name, secret)
  values ('forms', replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', ''));
