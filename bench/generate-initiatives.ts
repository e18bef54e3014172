// Generates initiatives at the benchmark's size in a few set-based statements (generate_series), never row by
// row: initiatives at every stage, their groups, leads and supporters, calls with three jobs each, sign-ups
// (ten per initiative on average: accepted up to each job's places, the rest waiting or declined) and
// evaluations with lessons for most ended ones. Deterministic: every choice is arithmetic on the row number.
// People and groups come from generate.ts (generateNetwork) first.
import { sql } from 'kysely';
import type { Db } from '../src/server/db/connection';
import { SKILLS } from '../src/contracts/skills';

const LANGS = ['en', 'ar', 'es', 'fr', 'ru', 'hi', 'pt-br', 'id', 'sw', 'bn', 'uk', 'de', 'zh-hans', 'fa', 'ha', 'yo'];
const REGIONS = ['CEE', 'ESEAP', 'LAC', 'MENA', 'SSA', 'SA', 'NA', 'NWE'];
const WORDS = [
  'mentoring',
  'facilitation',
  'translation',
  'workshop',
  'circle',
  'school',
  'sprint',
  'fellowship',
  'editathon',
  'bootcamp',
  'clinic',
  'exchange',
];

/**
 * Stages by row number modulo 20: 4 idea, 3 recruiting, 4 active, 2 evaluating, 5 archived, 2 discontinued
 * (20%, 15%, 20%, 10%, 25%, 10%).
 */
const STAGE_OF = sql`case when s % 20 < 4 then 'idea' when s % 20 < 7 then 'recruiting' when s % 20 < 11 then 'active'
  when s % 20 < 13 then 'evaluating' when s % 20 < 18 then 'archived' else 'discontinued' end`;

export interface InitiativeCounts {
  initiatives: number;
  signups: number;
  jobs: number;
  evaluations: number;
}

export async function generateInitiatives(db: Db, opts: { initiatives: number }): Promise<InitiativeCounts> {
  const n = opts.initiatives;
  const langs = sql.val(LANGS);
  const regions = sql.val(REGIONS);
  const skills = sql.val([...SKILLS]);
  const words = sql.val(WORDS);
  // People and groups numbered from 0, so rows can pick them by arithmetic.
  await sql`create table bench_people as select id, (row_number() over (order by id) - 1)::int as k from users`.execute(
    db,
  );
  await sql`create table bench_groups as select id, (row_number() over (order by id) - 1)::int as k from communities`.execute(
    db,
  );
  const count = async (table: string) => {
    const [row] = (await sql<{ c: number }>`select count(*)::int as c from ${sql.table(table)}`.execute(db)).rows;
    if (!row) throw new Error(`counting ${table} answered no row`); // count(*) always answers one
    return Number(row.c);
  };
  const people = await count('bench_people');
  const groups = await count('bench_groups');
  if (people < 100 || groups < 10) throw new Error('generate people and groups first');

  // Created over three years before 2026-06-01, newest with the highest row number; ended ones ended 30 to 395
  // days after they were created.
  await sql`insert into initiatives (author_id, title, summary, problem, audience, languages, regions, skills, stage, phase,
      last_activity_at, ended_at, outcome, created_at, updated_at)
    select p.id,
      'Initiative ' || g.n || ': ' || initcap((${words}::text[])[1 + g.n % 12]) || ' for ' || (${regions}::text[])[1 + g.n % 8],
      'A ' || (${words}::text[])[1 + (g.n / 12) % 12] || ' in ' || (${langs}::text[])[1 + g.n % 16] || ' for new organizers, run by volunteers.',
      'Organizers burn out alone.', 'New organizers',
      case when g.n % 3 = 0 then array[(${langs}::text[])[1 + g.n % 16], (${langs}::text[])[1 + (g.n / 16) % 16]]
        else array[(${langs}::text[])[1 + g.n % 16]] end,
      array[(${regions}::text[])[1 + g.n % 8]],
      array[(${skills}::text[])[1 + g.n % 30], (${skills}::text[])[1 + (g.n / 30 + 7) % 30]],
      g.stage,
      case when g.stage = 'active' then 'implement' end,
      g.created + interval '20 days',
      case when g.stage in ('archived', 'discontinued') then g.created + make_interval(days => 30 + g.n % 366) end,
      case when g.stage in ('evaluating', 'archived') or (g.stage = 'discontinued' and g.n % 5 = 0)
        then (array['met', 'partly_met', 'not_met'])[1 + g.n % 3] end,
      g.created, g.created
    from (select s as n, ${STAGE_OF} as stage,
            timestamptz '2026-06-01T00:00:00Z' - make_interval(mins => ((${n} - s) * (3 * 365 * 24 * 60 / ${n}))::int) as created
          from generate_series(1, ${n}) as s) as g
    join bench_people p on p.k = (g.n * 7) % ${people}
    order by g.n`.execute(db);
  await sql`create table bench_initiatives as
    select id, (row_number() over (order by id))::int as n, stage, created_at from initiatives`.execute(db);

  await sql`insert into initiative_leads (initiative_id, user_id, since)
    select i.id, i2.author_id, i.created_at from bench_initiatives i join initiatives i2 on i2.id = i.id`.execute(db);
  await sql`insert into initiative_communities (initiative_id, community_id)
    select i.id, c.id from bench_initiatives i cross join generate_series(0, 1) as x
      join bench_groups c on c.k = (i.n * 13 + x * 7) % ${groups}
    where x = 0 or i.n % 2 = 0`.execute(db);
  await sql`insert into initiative_supporters (initiative_id, user_id, created_at)
    select i.id, p.id, i.created_at from bench_initiatives i cross join generate_series(1, 5) as x
      join bench_people p on p.k = (i.n * 31 + x * 1009) % ${people}
    where x <= i.n % 6`.execute(db);

  // A call for every initiative past the idea stage: open (deadline ahead) while recruiting, closed after.
  await sql`insert into initiative_calls (initiative_id, goals, starts_on, ends_on, deadline, how_to_join, opened_at, closed_at, closed_reason, updated_at)
    select i.id, array['Train ten new organizers', 'Write a guidebook', 'Hold a follow-up meeting'],
      case when i.stage = 'recruiting' then date '2030-01-10' else (i.created_at + interval '15 days')::date end,
      case when i.stage = 'recruiting' then date '2030-06-30' else (i.created_at + interval '120 days')::date end,
      case when i.stage = 'recruiting' then date '2030-01-05' else (i.created_at + interval '14 days')::date end,
      'Sign up below.', i.created_at + interval '1 day',
      case when i.stage = 'recruiting' then null else i.created_at + interval '14 days' end,
      case when i.stage = 'recruiting' then null else 'deadline' end,
      i.created_at + interval '1 day'
    from bench_initiatives i where i.stage <> 'idea'`.execute(db);
  await sql`insert into initiative_jobs (initiative_id, title, description, places, skills, commitment, position)
    select c.initiative_id, (array['Mentor', 'Translator', 'Facilitator'])[1 + j], 'Help the initiative as a ' || (array['mentor', 'translator', 'facilitator'])[1 + j] || '.',
      2 + (i.n + j) % 4, array[(${skills}::text[])[1 + (i.n + j * 11) % 30]], '2 hours a week', j
    from initiative_calls c join bench_initiatives i on i.id = c.initiative_id cross join generate_series(0, 2) as j`.execute(
    db,
  );
  // 12 or 13 sign-ups for each initiative with a call (80% of them): ten per initiative on average. The first
  // of each job fill its places, one in four of the rest was declined, the others wait.
  await sql`insert into initiative_signups (initiative_id, job_id, user_id, message, status, created_at, decided_at, decided_by)
    select j.initiative_id, j.id, p.id, '',
      case when s.r <= j.places then 'accepted' when s.r % 4 = 0 then 'declined' else 'pending' end,
      i.created_at + make_interval(hours => s.r), case when s.r <= j.places or s.r % 4 = 0 then i.created_at + interval '10 days' end, null
    from initiative_jobs j join bench_initiatives i on i.id = j.initiative_id
      cross join generate_series(1, 5) as s(r)
      join bench_people p on p.k = (i.n * 7919 + (j.position * 5 + s.r) * 104729) % ${people}
    where s.r <= 4 + case when j.position = 2 then i.n % 2 else 0 end`.execute(db);
  // Evaluations: every initiative evaluating or archived, one in five discontinued ones.
  await sql`insert into initiative_evaluations (initiative_id, outcomes, reached, lessons, differently, documentation, follow_up, evaluated_by, updated_at)
    select i.id,
      jsonb_build_array(jsonb_build_object('goal', 'Train ten new organizers', 'result', i2.outcome, 'note', ''),
                        jsonb_build_object('goal', 'Write a guidebook', 'result', i2.outcome, 'note', '')),
      jsonb_build_array(jsonb_build_object('region', i2.regions[1], 'language', i2.languages[1], 'count', 5 + i.n % 40)),
      'Short sessions worked better than long ones. ' || initcap((${words}::text[])[1 + (i.n / 7) % 12]) || ' needs a second facilitator.',
      'Start translating earlier.',
      array['https://meta.wikimedia.org/wiki/Bench/Initiative_' || i.n || '/Report'], null, i2.author_id, i.created_at + interval '200 days'
    from bench_initiatives i join initiatives i2 on i2.id = i.id where i2.outcome is not null`.execute(db);
  // As autovacuum would soon: statistics for the planner, and the GIN indexes' pending lists merged.
  for (const t of [
    'initiatives',
    'initiative_communities',
    'initiative_supporters',
    'initiative_calls',
    'initiative_jobs',
    'initiative_signups',
    'initiative_evaluations',
    'users',
    'communities',
  ]) {
    await sql`vacuum analyze ${sql.table(t)}`.execute(db);
  }

  const counts = {
    initiatives: await count('initiatives'),
    signups: await count('initiative_signups'),
    jobs: await count('initiative_jobs'),
    evaluations: await count('initiative_evaluations'),
  };
  for (const t of ['bench_people', 'bench_groups', 'bench_initiatives'])
    await sql`drop table ${sql.table(t)}`.execute(db);
  return counts;
}
