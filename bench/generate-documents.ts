// Generates a document at the benchmark's size in a few set-based statements (generate_series), never row by
// row: an LDP-sized text (about 30,000 words in 600 units, the title unit 0, a heading every 20 units) saved in
// `revisions` revisions (the first adds every unit, each later one changes a few units so that every unit changes
// about once, one in five of those changes minor), translated into `languages` languages from 20% to 100% of
// the units (a third of each language's translations proofread; one language has 40% of its translations
// outdated), with 20 adaptations by groups (a copy of the base, one unit in ten changed with a note, a few units
// added) and 500 amendments (most to the document, the rest to adaptations, at every status, with positions).
// Deterministic: every choice is arithmetic on the row number. People and groups come from generate.ts first.
import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../src/server/db/connection';

/** Forty MediaWiki language codes; the first `languages` of them are translated. */
export const DOCUMENT_LANGUAGES = [
  'fr', 'es', 'ar', 'ru', 'hi', 'de', 'pt-br', 'id', 'sw', 'bn', 'uk', 'zh-hans', 'fa', 'ha', 'yo', 'ja', 'ko', 'it',
  'pl', 'tr', 'vi', 'th', 'he', 'nl', 'sv', 'cs', 'el', 'hu', 'ro', 'ta', 'te', 'ur', 'mr', 'ml', 'kn', 'gu', 'pa',
  'am', 'ig', 'zu',
]; // prettier-ignore

const WORDS = [
  'leadership', 'community', 'volunteers', 'organizers', 'mentoring', 'skills', 'learning', 'growth', 'network',
  'movement', 'knowledge', 'support', 'together', 'practice', 'shared', 'open', 'trust', 'plan', 'development',
  'people', 'groups', 'events', 'projects', 'participation', 'diversity', 'wiki', 'editors', 'strategy',
]; // prettier-ignore

export interface DocumentSize {
  languages: number;
  revisions: number;
  units?: number;
  wordsPerUnit?: number;
  adaptations?: number;
  amendments?: number;
}

export interface DocumentCounts {
  slug: string;
  revision: number;
  units: number;
  words: number;
  languages: number;
  translations: number;
  outdated: number;
  adaptations: number;
  amendments: number;
  /** The language with outdated translations, and one translated to about 60%. */
  outdatedLanguage: string;
  readLanguage: string;
}

export async function generateDocument(db: Db, size: DocumentSize, slug = 'ldp'): Promise<DocumentCounts> {
  const U = size.units ?? 600;
  const W = size.wordsPerUnit ?? 53;
  const R = size.revisions;
  const L = Math.min(size.languages, DOCUMENT_LANGUAGES.length);
  const A = size.adaptations ?? 20;
  const M = size.amendments ?? 500;
  const langs = sql.val(DOCUMENT_LANGUAGES.slice(0, L));
  const words = sql.val(WORDS);
  // Each revision after the first changes `per` units, so that every unit changes about once.
  const per = Math.max(1, Math.ceil((U - 1) / Math.max(1, R - 1)));
  const one = async <T>(q: RawBuilder<T>) => {
    const [row] = (await q.execute(db)).rows;
    if (!row) throw new Error('a generating query answered no row');
    return row;
  };
  const people = Number((await one(sql<{ c: number }>`select count(*)::int as c from users`)).c);
  const groups = Number((await one(sql<{ c: number }>`select count(*)::int as c from communities`)).c);
  if (people < 100 || groups < A) throw new Error('generate people and groups first');
  await sql`create table bench_doc_people as select id, (row_number() over (order by id) - 1)::int as k from users`.execute(
    db,
  );
  await sql`create table bench_doc_groups as select id, (row_number() over (order by id) - 1)::int as k from communities`.execute(
    db,
  );
  const author = sql`(select id from bench_doc_people where k = 0)`;

  const { id } = await one(sql<{ id: number }>`insert into documents (slug, revision, next_unit_id, priority_languages,
      created_by, created_at, updated_at)
    values (${slug}, ${R}, ${U}, ${sql.val(DOCUMENT_LANGUAGES.slice(0, Math.min(3, L)))}::text[], ${author},
      timestamptz '2024-01-01T00:00:00Z', timestamptz '2026-06-01T00:00:00Z')
    returning id`);

  // Every change of a unit's text: revision 1 adds them all; revision r changes units per*(r-2) .. per*(r-1)-1
  // (unit 0, the title, changes only at revision 1). A change at a revision divisible by 5 is minor.
  await sql`create table bench_doc_changes as
    select u as unit_id, 1 as revision, false as minor from generate_series(0, ${U - 1}) as u
    union all
    select 1 + (${per} * (r - 2) + k) % ${U - 1}, r, r % 5 = 0
      from generate_series(2, ${R}) as r cross join generate_series(0, ${per - 1}) as k`.execute(db);
  // The text of unit u as changed at revision r: a heading every 20 units, else W words.
  const textOf = (u: RawBuilder<unknown>, r: RawBuilder<unknown>) => sql`case
    when ${u} = 0 then 'Leadership Development Plan' || case when ${r} > 1 then ' (' || ${r} || ')' else '' end
    when ${u} % 20 = 1 then '## ' || initcap((${words}::text[])[1 + ${u} % 28]) || ' ' || ${u} || '.' || ${r}
    else array_to_string(array(select (${words}::text[])[1 + (${u} * 13 + i * 7 + ${r} * 3) % 28]
      from generate_series(1, ${W}) as i), ' ') || '.' end`;
  const kindOf = (u: RawBuilder<unknown>) =>
    sql`case when ${u} = 0 then 'title' when ${u} % 20 = 1 then 'heading' else 'paragraph' end`;
  await sql`insert into document_unit_texts (document_id, unit_id, revision, kind, text, minor)
    select distinct on (unit_id, revision) ${id}, unit_id, revision, ${kindOf(sql`unit_id`)},
      ${textOf(sql`unit_id`, sql`revision`)}, minor
    from bench_doc_changes order by unit_id, revision`.execute(db);
  await sql`insert into document_units (document_id, unit_id, kind, text, position, text_revision, source_revision)
    select ${id}, t.unit_id, t.kind, t.text, t.unit_id, t.revision,
      (select max(c.revision) from bench_doc_changes c where c.unit_id = t.unit_id and not c.minor)
    from (select distinct on (unit_id) unit_id, kind, text, revision from document_unit_texts
          where document_id = ${id} order by unit_id, revision desc) as t`.execute(db);
  await sql`insert into document_revisions (document_id, revision, summary, minor, unit_order, created_by, created_at)
    select ${id}, r, case when r = 1 then 'Imported' else 'Revision ' || r end, r > 1 and r % 5 = 0,
      (select array_agg(u order by u) from generate_series(0, ${U - 1}) as u),
      (select id from bench_doc_people where k = r % 10),
      timestamptz '2024-01-01T00:00:00Z' + make_interval(hours => r * 12)
    from generate_series(1, ${R}) as r`.execute(db);

  // Languages: language j (0-based) covers 20% to 100% of the units; unit u is translated in it when
  // (u * 37 + j * 11) % 100 < its percentage. The last language has 40% of its translations outdated (those of
  // units with u % 20 < 11 whose source changed, translated from the text before their last change).
  await sql`insert into document_languages (document_id, language)
    select ${id}, l from unnest(${langs}::text[]) as l`.execute(db);
  const outdatedJ = L - 1;
  await sql`insert into unit_translations (document_id, unit_id, language, text, revision, source_revision,
      translated_by, updated_at, proofread_by, proofread_at)
    select ${id}, u.unit_id, (${langs}::text[])[1 + j], '(' || (${langs}::text[])[1 + j] || ') ' || u.text,
      1 + (u.unit_id + j) % 3,
      case when j = ${outdatedJ} and u.unit_id % 20 < 11 and u.source_revision > 1 then u.source_revision - 1
        else u.source_revision end,
      (select id from bench_doc_people where k = 10 + (j * 7 + u.unit_id) % 50),
      timestamptz '2026-01-01T00:00:00Z' + make_interval(mins => u.unit_id + j * 1000),
      case when (u.unit_id + j) % 3 = 0 then (select id from bench_doc_people where k = 60 + j) end,
      case when (u.unit_id + j) % 3 = 0 then timestamptz '2026-02-01T00:00:00Z' end
    from document_units u cross join generate_series(0, ${L - 1}) as j
    where u.document_id = ${id}
      and (u.unit_id * 37 + j * 11) % 100 < case when ${L} = 1 then 100 else 20 + (80 * j) / ${Math.max(1, L - 1)} end`.execute(
    db,
  );
  await sql`insert into unit_translation_texts (translation_id, revision, text, source_revision, created_by, created_at)
    select t.id, v, case when v = t.revision then t.text else t.text || ' (draft ' || v || ')' end, t.source_revision,
      t.translated_by, t.updated_at - make_interval(days => t.revision - v)
    from unit_translations t cross join generate_series(1, 3) as v
    where t.document_id = ${id} and v <= t.revision`.execute(db);

  // Adaptations: group a's, in language a % L, based on the translation for even a; a copy of the current text
  // with one unit in ten changed (with a note) and three units added.
  await sql`insert into adaptations (document_id, community_id, language, based_on, base_revision, revision,
      next_unit_id, created_by)
    select ${id}, g.id, (${langs}::text[])[1 + a % ${L}], case when a % 2 = 0 then 'translation' else 'source' end,
      ${R}, 1 + a % 7, 1000003, (select id from bench_doc_people where k = 100 + a)
    from generate_series(0, ${A - 1}) as a join bench_doc_groups g on g.k = a`.execute(db);
  await sql`insert into adaptation_units (adaptation_id, unit_id, kind, text, note, position, base_text, base_revision,
      revision)
    select ad.id, u.unit_id, u.kind,
      case when u.unit_id % 10 = ad.id % 10 then u.text || ' In our region, too.' else u.text end,
      case when u.unit_id % 10 = ad.id % 10 then 'Local practice.' else '' end,
      u.position * 10, u.text, u.source_revision, 1 + (u.unit_id % 10 = ad.id % 10)::int
    from adaptations ad join document_units u on u.document_id = ad.document_id
    where ad.document_id = ${id}
    union all
    select ad.id, 1000000 + x, 'paragraph', 'A paragraph of our own, number ' || x || '.', 'Added by the group.',
      (x * 200 + 5) * 10, null, null, 1
    from adaptations ad cross join generate_series(0, 2) as x where ad.document_id = ${id}`.execute(db);

  // Amendments: nine in ten to the document, the rest to adaptations; one or two consecutive units; statuses by
  // row number (half open); each with up to five positions.
  await sql`create table bench_doc_adaptations as
    select id, (row_number() over (order by id) - 1)::int as k from adaptations where document_id = ${id}`.execute(db);
  await sql`insert into amendments (target_type, target_id, unit_ids, text, rationale, author_id, status, decided_by,
      decided_at, reason, base_revisions, target_revision, created_at, updated_at)
    select case when m % 10 = 9 then 'adaptation' else 'document' end,
      case when m % 10 = 9 then (select id from bench_doc_adaptations where k = (m / 10) % ${A}) else ${id} end,
      case when m % 3 = 0 then array[u, u + 1] else array[u] end,
      'A clearer wording, proposal ' || m || '.', 'Easier to translate.',
      (select id from bench_doc_people where k = 200 + m % 300),
      (array['open', 'open', 'open', 'open', 'open', 'accepted', 'rejected', 'rejected', 'withdrawn', 'open'])[1 + m % 10],
      case when m % 10 in (5, 6, 7) then ${author} end,
      case when m % 10 in (5, 6, 7) then timestamptz '2026-03-01T00:00:00Z' end,
      case when m % 10 in (6, 7) then 'Not now.' end,
      case when m % 3 = 0 then jsonb_build_object(u::text, 1, (u + 1)::text, 1) else jsonb_build_object(u::text, 1) end,
      case when m % 10 = 9 then 1 else ${R} end,
      timestamptz '2026-01-01T00:00:00Z' + make_interval(hours => m),
      timestamptz '2026-01-01T00:00:00Z' + make_interval(hours => m)
    from (select m, 2 + (m * 7) % ${U - 3} as u from generate_series(0, ${M - 1}) as m) as g`.execute(db);
  await sql`insert into amendment_positions (amendment_id, user_id, position)
    select a.id, p.id, (array['support', 'oppose', 'neutral'])[1 + (a.id + x) % 3]
    from amendments a cross join generate_series(0, 4) as x
      join bench_doc_people p on p.k = 400 + (a.id * 3 + x * 17) % ${Math.max(1, people - 400)}
    where x < a.id % 6
    on conflict do nothing`.execute(db);

  for (const t of ['bench_doc_changes', 'bench_doc_people', 'bench_doc_groups', 'bench_doc_adaptations'])
    await sql`drop table ${sql.table(t)}`.execute(db);
  // Statistics for the planner, as autovacuum would gather them a while after such a load.
  for (const t of [
    'document_units',
    'document_unit_texts',
    'document_revisions',
    'unit_translations',
    'unit_translation_texts',
    'amendments',
    'amendment_positions',
  ])
    await sql`analyze ${sql.table(t)}`.execute(db);
  const counts = await one(sql<{ translations: number; outdated: number; amendments: number; words: number }>`select
      (select count(*)::int from unit_translations where document_id = ${id}) as translations,
      (select count(*)::int from unit_translations t join document_units u using (document_id, unit_id)
        where t.document_id = ${id} and t.source_revision < u.source_revision) as outdated,
      (select count(*)::int from amendments) as amendments,
      (select sum(array_length(regexp_split_to_array(text, '\\s+'), 1))::int from document_units
        where document_id = ${id}) as words`);
  return {
    slug,
    revision: R,
    units: U,
    words: Number(counts.words),
    languages: L,
    translations: Number(counts.translations),
    outdated: Number(counts.outdated),
    adaptations: A,
    amendments: Number(counts.amendments),
    outdatedLanguage: DOCUMENT_LANGUAGES[outdatedJ] ?? 'fr',
    readLanguage: DOCUMENT_LANGUAGES[Math.floor((L - 1) / 2)] ?? 'fr',
  };
}
