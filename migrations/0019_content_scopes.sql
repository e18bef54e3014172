-- The content version is scoped (src/server/http/content-cache.ts): besides the global content_version_seq,
-- each scope has a sequence of its own, advanced by the writes that change only that scope's data (routes whose
-- policy names it in `contentScope`), so a translator's save leaves the answers kept for the rest of the site
-- alone. Sequences, not rows of a table: advancing one takes no lock and leaves no dead row, and a version is
-- read with the global one in one query. A scope added in code gets its sequence in a migration like this one.
create sequence content_version_documents_seq;

-- Writes made outside the app (the command line, an import) advance the scope too: a trigger per statement on
-- each of the scope's tables, documents (0017) and adaptations and amendments (0018), as 0016's triggers do for
-- the global version. Writes through the app advance it again once their transaction is done, before their
-- answer is sent.
create function content_scope_bump() returns trigger language plpgsql as $$
begin
  perform nextval(tg_argv[0]::regclass);
  return null;
end
$$;
create trigger documents_content_scope after insert or update or delete on documents
  for each statement execute function content_scope_bump('content_version_documents_seq');
create trigger document_units_content_scope after insert or update or delete on document_units
  for each statement execute function content_scope_bump('content_version_documents_seq');
create trigger document_revisions_content_scope after insert or update or delete on document_revisions
  for each statement execute function content_scope_bump('content_version_documents_seq');
create trigger document_unit_texts_content_scope after insert or update or delete on document_unit_texts
  for each statement execute function content_scope_bump('content_version_documents_seq');
create trigger document_languages_content_scope after insert or update or delete on document_languages
  for each statement execute function content_scope_bump('content_version_documents_seq');
create trigger unit_translations_content_scope after insert or update or delete on unit_translations
  for each statement execute function content_scope_bump('content_version_documents_seq');
create trigger unit_translation_texts_content_scope after insert or update or delete on unit_translation_texts
  for each statement execute function content_scope_bump('content_version_documents_seq');
create trigger adaptations_content_scope after insert or update or delete on adaptations
  for each statement execute function content_scope_bump('content_version_documents_seq');
create trigger adaptation_units_content_scope after insert or update or delete on adaptation_units
  for each statement execute function content_scope_bump('content_version_documents_seq');
create trigger amendments_content_scope after insert or update or delete on amendments
  for each statement execute function content_scope_bump('content_version_documents_seq');
create trigger amendment_adoptions_content_scope after insert or update or delete on amendment_adoptions
  for each statement execute function content_scope_bump('content_version_documents_seq');
create trigger amendment_positions_content_scope after insert or update or delete on amendment_positions
  for each statement execute function content_scope_bump('content_version_documents_seq');
