-- The sources' filters (kind, access, judgement, languages, skills) as one array with one GIN index, so a page with
-- several narrow filters is found by intersecting their posting lists instead of walking the newest sources one by
-- one. Measured at 100,000 generated sources (bench/sources.ts): four filters matching nothing took 200 ms through
-- the newest index (the planner multiplies the filters' shares and expects a match every few hundred rows); through
-- this index 1.6 ms. Each value is prefixed by its filter ("k:book", "l:en", "s:facilitation", "j:reliable",
-- "a:open"), so the same word in two filters stays two keys.
create function source_facets(kind text, access text, judgement text, languages text[], skills text[])
returns text[] language sql immutable parallel safe as $$
  select array['k:' || kind, 'a:' || access]
    || case when judgement is null then '{}'::text[] else array['j:' || judgement] end
    || array(select 'l:' || x from unnest(languages) x)
    || array(select 's:' || x from unnest(skills) x)
$$;

alter table sources add column facets text[] not null
  generated always as (source_facets(kind, access, judgement, languages, skills)) stored;

-- Without the pending list (fastupdate): sources are read far more often than written, and every search would scan
-- the entries still waiting in it (13 ms instead of 1.3 ms for four filters after 100,000 rows were added).
create index sources_facets_idx on sources using gin (facets) with (fastupdate = off);
-- The facets index answers a single language or skill as well.
drop index sources_languages_idx;
drop index sources_skills_idx;
