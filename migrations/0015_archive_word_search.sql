-- The archive search's words, found through the trigram indexes of 0013. The planner prices ILIKE over every
-- evaluation's lessons as cheaper than their index (3.7 ms against 0.5 ms at 3,500 evaluations), so these
-- lookups run with sequential scans off: in this function only (its SET clause), so that the search is one
-- statement instead of a transaction of four (begin, set local, select, commit).
create function initiative_archive_word_ids(pattern text) returns setof bigint
  language sql
  stable
  set enable_seqscan = off
as $$
  select t.id from initiatives t
    where t.stage in ('archived', 'discontinued') and (t.title || ' ' || t.summary) ilike pattern
  union
  select e.initiative_id from initiative_evaluations e
    where (e.lessons || ' ' || e.differently) ilike pattern
$$;
