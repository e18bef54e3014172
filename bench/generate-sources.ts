// Generates the database of sources at the benchmark's size in a few set-based statements (generate_series),
// never row by row: sources with titles made of words from a list (so a search has common and rare words),
// authors (people and, one in seven, an organization), years, languages, kinds, skills and identifiers (unique
// ISBN-13s with their check digit for books and chapters, DOIs `10.5555/bench.<n>` for articles and papers,
// addresses for the rest); reviews from the generated people (their counts are kept by statement-level triggers,
// so they go in ten statements, each recounting its sources once); links from the generated initiatives (the
// archived ones with goals met count as "used"); and reading lists of 5 to 30 sources, one in ten a group's.
// Deterministic: every choice is arithmetic on the row number. People, groups and initiatives come first
// (generate.ts, generate-initiatives.ts).
import { sql } from 'kysely';
import type { Db } from '../src/server/db/connection';
import { SKILLS } from '../src/contracts/skills';
import { JUDGEMENTS, SOURCE_KINDS } from '../src/contracts/sources';

/** Title words: the first ones come up in many titles (common words), the last ones in few (rare words). */
export const SOURCE_WORDS = [
  'leadership',
  'community',
  'facilitation',
  'volunteers',
  'public',
  'speaking',
  'meetings',
  'learning',
  'guide',
  'practice',
  'organizing',
  'change',
  'teams',
  'open',
  'knowledge',
  'wiki',
  'groups',
  'trust',
  'power',
  'voices',
  'design',
  'workshop',
  'mentoring',
  'movement',
  'stories',
  'conflict',
  'decisions',
  'participation',
  'networks',
  'culture',
  'inclusion',
  'creativity',
  'feedback',
  'coaching',
  'strategy',
  'evaluation',
  'outreach',
  'events',
  'campaigns',
  'partnerships',
  'libraries',
  'education',
  'research',
  'governance',
  'consensus',
  'listening',
  'writing',
  'editing',
  'translation',
  'archives',
  'museums',
  'storytelling',
  'advocacy',
  'fundraising',
  'grants',
  'courage',
  'humility',
  'patience',
  'attention',
  'curiosity',
  'resilience',
  'belonging',
  'generosity',
  'rhythm',
  'kaleidoscope',
  'lighthouse',
  'archipelago',
  'constellation',
  'tapestry',
  'compass',
  'harvest',
  'orchard',
  'watershed',
  'scaffolding',
  'threshold',
  'mosaic',
  'lantern',
  'estuary',
  'meridian',
  'quorum',
  'palimpsest',
];
const FAMILY = [
  'Okafor',
  'Müller',
  'García',
  'Nguyen',
  'Kowalski',
  'Sharma',
  'Haddad',
  'Silva',
  'Tanaka',
  'Ivanova',
  'Mensah',
  'Rossi',
  'Dubois',
  'Kim',
  'Hussain',
  'Andersson',
  'Mwangi',
  'Petrov',
  'Costa',
  'Yilmaz',
];
const GIVEN = [
  'Amina',
  'Jonas',
  'Lucía',
  'Minh',
  'Piotr',
  'Priya',
  'Omar',
  'Beatriz',
  'Yuki',
  'Olga',
  'Kwame',
  'Giulia',
  'Claire',
  'Ji-woo',
  'Fatima',
  'Erik',
  'Wanjiru',
  'Dmitri',
  'Ana',
  'Emre',
];
const ORGS = ['World Health Organization', 'Wikimedia Foundation', 'UNESCO', 'Open Knowledge Foundation'];
const PUBLISHERS = [
  'Jossey-Bass',
  'Berrett-Koehler',
  'Routledge',
  'MIT Press',
  'Journal of Community Practice',
  'Wikimedia Diff',
  'TED',
  'O’Reilly',
  'Penguin',
  'Sage',
];
const LANGS = ['en', 'en', 'en', 'es', 'fr', 'ar', 'ru', 'hi', 'pt-br', 'de'];

export interface SourceCounts {
  sources: number;
  reviews: number;
  links: number;
  lists: number;
  listItems: number;
}

const count = async (db: Db, table: string) => {
  const [row] = (await sql<{ c: number }>`select count(*)::int as c from ${sql.table(table)}`.execute(db)).rows;
  return Number(row?.c ?? 0);
};

export async function generateSources(
  db: Db,
  opts: { sources: number; reviews: number; links: number; lists: number },
): Promise<SourceCounts> {
  const S = opts.sources;
  const words = sql.val(SOURCE_WORDS);
  const nWords = SOURCE_WORDS.length;
  await sql`create temporary table bench_src_people as
    select id, (row_number() over (order by id) - 1)::int as k from users`.execute(db);
  await sql`create temporary table bench_src_groups as
    select id, (row_number() over (order by id) - 1)::int as k from communities`.execute(db);
  await sql`create temporary table bench_src_initiatives as
    select id, (row_number() over (order by id) - 1)::int as k from initiatives`.execute(db);
  const people = await count(db, 'bench_src_people');
  const groups = await count(db, 'bench_src_groups');
  const initiatives = await count(db, 'bench_src_initiatives');
  // Three reviews a source need three different people per source (see the reviews below).
  if (people < 400 || !groups) throw new Error('generate the network first (at least 400 people)');

  // A word picked by a skewed hash: low indexes (common words) far more often than high ones (rare words).
  const word = (seed: ReturnType<typeof sql>) =>
    sql`(${words}::text[])[(1 + (((${seed}) % 1000) * ((${seed}) % 1000) / 1000 * ${nWords}) / 1000)::int]`;
  await sql`
    insert into sources (kind, title, authors, authors_text, year, publisher, languages, isbn, doi, url, url_key,
      access, summary, skills, title_key, first_author_key, created_at, updated_at)
    select kind, title, authors, authors_text, year, publisher, languages, isbn, doi, url, url, access, summary,
      skills, lower(title), lower(coalesce(family, org)), created_at, created_at
    from (
      select s,
        (${sql.val([...SOURCE_KINDS])}::text[])[1 + s % 10] as kind,
        initcap(${word(sql`s::bigint * 7919`)}) || ' ' || ${word(sql`s::bigint * 104729 + 13`)} || ' and ' ||
          ${word(sql`s::bigint * 15485863 + 7`)} || case when s % 3 = 0 then ': a ' || ${word(sql`s::bigint * 32452843 + 3`)} ||
          ' ' || (${words}::text[])[1 + s % ${nWords}] else '' end as title,
        case when s % 7 = 0 then null else (${sql.val(FAMILY)}::text[])[1 + s % 20] end as family,
        (${sql.val(GIVEN)}::text[])[1 + (s / 20) % 20] as given,
        case when s % 7 = 0 then (${sql.val(ORGS)}::text[])[1 + s % 4] end as org,
        case when s % 11 = 0 then null else 1960 + s % 66 end as year,
        case when s % 5 = 0 then null else (${sql.val(PUBLISHERS)}::text[])[1 + s % 10] end as publisher,
        case when s % 4 = 0 then array[(${sql.val(LANGS)}::text[])[1 + s % 10], 'en']
          else array[(${sql.val(LANGS)}::text[])[1 + s % 10]] end as languages,
        (array['open', 'open', 'paywalled', 'library'])[1 + s % 4] as access,
        'A generated source for the benchmark about ' || ${word(sql`s::bigint * 49979687`)} || ' and ' ||
          ${word(sql`s::bigint * 86028121`)} || '.' as summary,
        -- Skills by s / 10, not s: kind and language go by s % 10, and skills by s would meet only some kinds.
        array(select distinct x from unnest(array[(${sql.val([...SKILLS])}::text[])[1 + (s / 10) % ${SKILLS.length}],
          (${sql.val([...SKILLS])}::text[])[1 + (s / 10 * 7) % ${SKILLS.length}]]) x) as skills,
        now() - s * interval '7 minutes' as created_at
      from generate_series(1, ${S}::int) s
    ) g
    cross join lateral (select
      case when family is null then jsonb_build_array(jsonb_build_object('literal', org))
        else jsonb_build_array(jsonb_build_object('family', family, 'given', given)) end as authors,
      coalesce(org, given || ' ' || family) as authors_text,
      -- ISBN-13: 978, the row number on nine digits, and its check digit.
      case when kind in ('book', 'chapter') then b.base || ((10 - (select sum(substr(b.base, i, 1)::int *
        case when i % 2 = 1 then 1 else 3 end) from generate_series(1, 12) i) % 10) % 10)::text end as isbn,
      case when kind in ('article', 'paper') then '10.5555/bench.' || s end as doi,
      case when kind not in ('book', 'chapter', 'article', 'paper') then 'https://example.org/bench/' || s end as url
      from (select '978' || lpad(s::text, 9, '0') as base) b) x`.execute(db);
  const [first] = (await sql<{ id: number }>`select min(id)::int as id from sources`.execute(db)).rows;
  const base = Number(first?.id ?? 1) - 1;

  // Reviews: source i gets reviews from people (i * 31 + round * 101) % people, rounds 0, 1, 2 … — different
  // people for one source while people >= 101 * rounds. Ten statements, each over a tenth of the sources.
  const rounds = Math.max(1, Math.round(opts.reviews / S));
  const judgements = sql.val([...JUDGEMENTS]);
  const chunk = Math.ceil(S / 10);
  for (let from = 0; from < S; from += chunk) {
    await sql`insert into source_reviews (source_id, user_id, judgement, reasons, intended_use, usefulness,
        created_at, updated_at)
      select ${base} + 1 + i, p.id,
        -- Two of a source's reviews agree, the third differs: each source's judgement is the two's, mostly
        -- reliable, then mixed, unreliable and not sure (lists filtered by judgement find each).
        (${judgements}::text[])[1 + ((case when i % 13 < 7 then 0 when i % 13 < 10 then 1 when i % 13 < 12 then 2
          else 3 end) + case when r % 3 = 2 then 1 else 0 end) % 4],
        'Generated reasons.', 'Generated intended use.', 1 + (i * 3 + r) % 5, now(), now()
      from generate_series(${from}::int, ${Math.min(S, from + chunk) - 1}::int) i
      cross join generate_series(0, ${rounds - 1}::int) r
      join bench_src_people p on p.k = (i * 31 + r * 101) % ${people}`.execute(db);
  }

  // Links: initiative k gets sources (k * 37 + j * 1009) % S for j = 0, 1, … — different sources per initiative.
  if (initiatives && opts.links) {
    const per = Math.ceil(opts.links / initiatives);
    await sql`insert into initiative_sources (initiative_id, source_id, note, created_at)
      select n.id, ${base} + 1 + (n.k * 37 + j * 1009) % ${S}, 'Generated note.', now()
      from bench_src_initiatives n cross join generate_series(0, ${per - 1}::int) j
      where n.k * ${per} + j < ${opts.links}`.execute(db);
  }

  // Reading lists: one in ten a group's; 5 to 30 sources each.
  await sql`insert into reading_lists (title, description, owner_id, community_id, created_by, created_at, updated_at)
    select 'Reading list ' || l || ' on ' || ${word(sql`l::bigint * 7919`)}, 'A generated reading list.',
      case when l % 10 = 0 then null else p.id end, case when l % 10 = 0 then g.id end, p.id,
      now() - l * interval '1 hour', now() - l * interval '1 hour'
    from generate_series(1, ${opts.lists}::int) l
    join bench_src_people p on p.k = (l * 17) % ${people}
    join bench_src_groups g on g.k = l % ${groups}`.execute(db);
  await sql`insert into reading_list_items (list_id, source_id, position, note)
    select l.id, ${base} + 1 + (l.id * 131 + pos * 977) % ${S}, pos, case when pos % 3 = 0 then 'Read this first.' else '' end
    from reading_lists l cross join lateral generate_series(0, 4 + (l.id % 26)::int) pos`.execute(db);

  for (const t of ['bench_src_people', 'bench_src_groups', 'bench_src_initiatives'])
    await sql`drop table ${sql.table(t)}`.execute(db);
  return {
    sources: await count(db, 'sources'),
    reviews: await count(db, 'source_reviews'),
    links: await count(db, 'initiative_sources'),
    lists: await count(db, 'reading_lists'),
    listItems: await count(db, 'reading_list_items'),
  };
}
