-- The archive of past initiatives: its search reads the titles and summaries of ended initiatives and the
-- evaluations' lessons. PostgreSQL 15 syntax only.

-- A word matches an initiative of the archive when its title and summary hold it (the first index, on the
-- archive's rows only) or its evaluation's lessons and "what we would do differently" hold it (the second).
create index initiatives_archive_text_trgm on initiatives using gin ((title || ' ' || summary) gin_trgm_ops)
  where stage in ('archived', 'discontinued');
create index initiative_evaluations_text_trgm on initiative_evaluations using gin ((lessons || ' ' || differently) gin_trgm_ops);
