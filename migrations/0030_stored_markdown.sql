-- Markdown becomes sanitized HTML when it is written (src/server/markdown/stored.ts), kept here beside its
-- source, so that reading a list renders nothing. `html_version` is the renderer's version that made the row's
-- HTML: rows older than the running renderer (and rows written before this migration, whose HTML is null) are
-- re-rendered by a background job (src/server/markdown/rerender-job.ts); until then readers render them
-- themselves. A `<field>_lead` keeps the start of the text without markup, which lists and feeds cut excerpts
-- from.
alter table communities add column description_html text, add column html_version smallint;
alter table updates add column body_html text, add column body_lead text, add column html_version smallint;
alter table faq_entries add column answer_html text, add column html_version smallint;
alter table comments add column body_html text, add column body_lead text, add column html_version smallint;
alter table comment_revisions add column body_html text, add column html_version smallint;
alter table debates add column framing_html text, add column conclusion_html text, add column html_version smallint;
alter table debate_arguments add column body_html text, add column body_lead text, add column html_version smallint;
alter table initiatives
  add column summary_html text, add column summary_lead text, add column problem_html text,
  add column audience_html text, add column html_version smallint;
alter table initiative_updates add column body_html text, add column html_version smallint;
alter table initiative_evaluations
  add column lessons_html text, add column lessons_lead text, add column differently_html text,
  add column html_version smallint;
alter table guide_versions add column body_html text, add column html_version smallint;
alter table courses add column summary_html text, add column summary_lead text, add column html_version smallint;
alter table events add column description_html text, add column html_version smallint;
alter table event_occurrences
  add column notes_html text, add column follow_up_html text, add column html_version smallint;
alter table sources add column summary_html text, add column html_version smallint;
alter table source_reviews
  add column reasons_html text, add column intended_use_html text, add column html_version smallint;
alter table reading_lists add column description_html text, add column html_version smallint;
alter table reading_list_items add column note_html text, add column html_version smallint;
alter table amendments
  add column text_html text, add column rationale_html text, add column rationale_lead text,
  add column html_version smallint;

-- A write that changes a source without giving its new HTML (an older code path, a hand-made fix) must not
-- leave the old HTML in place: the HTML and the row's version are cleared, so readers render the new text and
-- the job stores it. (A write whose new HTML happens to equal the old one, such as a change of trailing spaces,
-- looks the same and is cleared too: it costs a render until the job's next pass, nothing worse.) Arguments: pairs
-- of (source column, derived column).
create function markdown_html_clear() returns trigger language plpgsql as $$
declare
  before_row jsonb := to_jsonb(old);
  after_row jsonb := to_jsonb(new);
  cleared jsonb := '{}'::jsonb;
  i int := 0;
begin
  while i < tg_nargs loop
    if (after_row -> tg_argv[i]) is distinct from (before_row -> tg_argv[i])
      and (after_row -> tg_argv[i + 1]) is not distinct from (before_row -> tg_argv[i + 1]) then
      cleared := cleared || jsonb_build_object(tg_argv[i + 1], null, 'html_version', null);
    end if;
    i := i + 2;
  end loop;
  if cleared <> '{}'::jsonb then
    new := jsonb_populate_record(new, cleared);
  end if;
  return new;
end
$$;
create trigger communities_markdown before update on communities for each row
  execute function markdown_html_clear('description', 'description_html');
create trigger updates_markdown before update on updates for each row
  execute function markdown_html_clear('body', 'body_html', 'body', 'body_lead');
create trigger faq_entries_markdown before update on faq_entries for each row
  execute function markdown_html_clear('answer', 'answer_html');
create trigger comments_markdown before update on comments for each row
  execute function markdown_html_clear('body', 'body_html', 'body', 'body_lead');
create trigger comment_revisions_markdown before update on comment_revisions for each row
  execute function markdown_html_clear('body', 'body_html');
create trigger debates_markdown before update on debates for each row
  execute function markdown_html_clear('framing', 'framing_html', 'conclusion', 'conclusion_html');
create trigger debate_arguments_markdown before update on debate_arguments for each row
  execute function markdown_html_clear('body', 'body_html', 'body', 'body_lead');
create trigger initiatives_markdown before update on initiatives for each row
  execute function markdown_html_clear('summary', 'summary_html', 'summary', 'summary_lead', 'problem',
    'problem_html', 'audience', 'audience_html');
create trigger initiative_updates_markdown before update on initiative_updates for each row
  execute function markdown_html_clear('body', 'body_html');
create trigger initiative_evaluations_markdown before update on initiative_evaluations for each row
  execute function markdown_html_clear('lessons', 'lessons_html', 'lessons', 'lessons_lead', 'differently',
    'differently_html');
create trigger guide_versions_markdown before update on guide_versions for each row
  execute function markdown_html_clear('body', 'body_html');
create trigger courses_markdown before update on courses for each row
  execute function markdown_html_clear('summary', 'summary_html', 'summary', 'summary_lead');
create trigger events_markdown before update on events for each row
  execute function markdown_html_clear('description', 'description_html');
create trigger event_occurrences_markdown before update on event_occurrences for each row
  execute function markdown_html_clear('notes', 'notes_html', 'follow_up', 'follow_up_html');
create trigger sources_markdown before update on sources for each row
  execute function markdown_html_clear('summary', 'summary_html');
create trigger source_reviews_markdown before update on source_reviews for each row
  execute function markdown_html_clear('reasons', 'reasons_html', 'intended_use', 'intended_use_html');
create trigger reading_lists_markdown before update on reading_lists for each row
  execute function markdown_html_clear('description', 'description_html');
create trigger reading_list_items_markdown before update on reading_list_items for each row
  execute function markdown_html_clear('note', 'note_html');
create trigger amendments_markdown before update on amendments for each row
  execute function markdown_html_clear('text', 'text_html', 'rationale', 'rationale_html', 'rationale', 'rationale_lead');

-- The job finds rows to render through these (a partial index stays empty once everything is current).
create index updates_html_stale on updates (id) where html_version is null;
create index faq_entries_html_stale on faq_entries (id) where html_version is null;
create index comments_html_stale on comments (id) where html_version is null;
create index debate_arguments_html_stale on debate_arguments (id) where html_version is null;
