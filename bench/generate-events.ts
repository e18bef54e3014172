// Generates events and courses at the benchmark's size in a few set-based statements (generate_series), never
// row by row: recurring series (weekly and monthly, in zones round the world, from two months ago), single events
// over the year around today, their occurrences up to 400 days ahead (computed by PostgreSQL in each event's zone,
// so daylight-saving changes fall where they should), organizers, registrations spread over the occurrences
// (one in ten private, some waiting), courses with three runs each, and learners' progress. Deterministic: every
// choice is arithmetic on the row number. People and groups come from generate.ts (generateNetwork) first.
import { sql } from 'kysely';
import type { Db } from '../src/server/db/connection';
import { SKILLS } from '../src/contracts/skills';

const ZONES = [
  'Europe/Berlin',
  'Asia/Kolkata',
  'America/Sao_Paulo',
  'Africa/Lagos',
  'Asia/Jakarta',
  'America/New_York',
];
const LANGS = ['en', 'ar', 'es', 'fr', 'ru', 'hi', 'pt-br', 'id'];
const KINDS = ['ambassador_meeting', 'training', 'workshop', 'community_call', 'other'];
const MODES = ['online', 'in_person', 'hybrid'];

export interface EventCounts {
  series: number;
  singles: number;
  occurrences: number;
  registrations: number;
  courses: number;
  runs: number;
}

export async function generateEvents(
  db: Db,
  opts: { series: number; singles: number; registrations: number; courses: number },
): Promise<EventCounts> {
  const zones = sql.val(ZONES);
  const langs = sql.val(LANGS);
  const kinds = sql.val(KINDS);
  const modes = sql.val(MODES);
  const skills = sql.val([...SKILLS]);
  await sql`create temporary table bench_ev_people as
    select id, (row_number() over (order by id) - 1)::int as k from users`.execute(db);
  await sql`create temporary table bench_ev_groups as
    select id, (row_number() over (order by id) - 1)::int as k from communities`.execute(db);
  const [pc] = (await sql<{ c: number }>`select count(*)::int as c from bench_ev_people`.execute(db)).rows;
  const [gc] = (await sql<{ c: number }>`select count(*)::int as c from bench_ev_groups`.execute(db)).rows;
  const people = Number(pc?.c ?? 0);
  const groups = Number(gc?.c ?? 0);
  if (!people || !groups) throw new Error('generate the network first');

  // Series first (ids 1..series), then single events. Start: a day from 60 days ago to 30 ahead, at an hour of
  // the organizer's day; 60 or 90 minutes long.
  const insertEvents = (count: number, offset: number, recurring: boolean) => sql`
    insert into events (kind, title, description, timezone, start_local, end_local, rrule, mode, languages, capacity,
      created_by, created_at, updated_at, expanded_until)
    select (${kinds}::text[])[1 + s % 5], 'Bench ' || ${recurring ? 'series' : 'event'} || ' ' || s,
      'A generated event for the benchmark.', (${zones}::text[])[1 + s % 6],
      to_char(t, 'YYYY-MM-DD"T"HH24:MI'), to_char(t + (60 + 30 * (s % 2)) * interval '1 minute', 'YYYY-MM-DD"T"HH24:MI'),
      ${recurring ? sql`case when s % 2 = 0 then 'FREQ=WEEKLY' else 'FREQ=MONTHLY' end` : sql`null`},
      (${modes}::text[])[1 + s % 3], array[(${langs}::text[])[1 + s % 8]],
      case when s % 3 = 0 then null else 20 + s % 30 end,
      (select id from bench_ev_people where k = s % ${people}), now(), now(), current_date + 400
    from (select s, ${
      recurring ? sql`current_date - 60 + (s % 90)` : sql`current_date - 180 + ((s * 37) % 360)`
    } + (7 + s % 14) * interval '1 hour' as t from generate_series(${offset + 1}::int, ${offset + count}::int) s) g`;
  await insertEvents(opts.series, 0, true).execute(db);
  await insertEvents(opts.singles, opts.series, false).execute(db);

  // Occurrences: local times stepped on the wall clock, made instants in the event's zone.
  await sql`insert into event_occurrences (event_id, occurrence, slot, starts_at, ends_at)
    select e.id, to_char(l, 'YYYY-MM-DD"T"HH24:MI'), 0, l at time zone e.timezone,
      (l + (e.end_local::timestamp - e.start_local::timestamp)) at time zone e.timezone
    from events e
    cross join lateral generate_series(0, case when e.rrule is null then 0 when e.rrule = 'FREQ=WEEKLY' then 66 else 15 end) k
    cross join lateral (select e.start_local::timestamp
      + k * case when e.rrule = 'FREQ=MONTHLY' then interval '1 month' else interval '7 days' end as l) x
    where l < current_date + 400`.execute(db);

  // Organizers: the creator, and a group for one event in three.
  await sql`insert into event_organizers (event_id, user_id) select id, created_by from events`.execute(db);
  await sql`insert into event_organizers (event_id, community_id)
    select e.id, g.id from events e join bench_ev_groups g on g.k = e.id % ${groups} where e.id % 3 = 0`.execute(db);

  // Registrations: spread over the occurrences by a stride, people by row number; over capacity waits.
  await sql`create temporary table bench_ev_occ as
    select o.id, o.event_id, e.capacity, (row_number() over (order by o.id) - 1)::int as k
    from event_occurrences o join events e on e.id = o.event_id`.execute(db);
  const [oc] = (await sql<{ c: number }>`select count(*)::int as c from bench_ev_occ`.execute(db)).rows;
  const occurrences = Number(oc?.c ?? 0);
  await sql`insert into event_registrations (occurrence_id, event_id, user_id, status, private, created_at)
    select o.id, o.event_id, p.id, 'registered', r % 10 = 0, now() - r * interval '1 second'
    from generate_series(1, ${opts.registrations}::int) r
    join bench_ev_occ o on o.k = (r::bigint * 7919) % ${occurrences}
    join bench_ev_people p on p.k = (r::bigint * 104729) % ${people}
    on conflict (occurrence_id, user_id) do nothing`.execute(db);
  await sql`update event_registrations r set status = 'waiting' from (
      select r.id, row_number() over (partition by r.occurrence_id order by r.created_at, r.id) as n, o.capacity
      from event_registrations r join bench_ev_occ o on o.id = r.occurrence_id where o.capacity is not null
    ) w where w.id = r.id and w.n > w.capacity`.execute(db);

  // Courses with three runs each (languages and statuses by number), and progress on the runs.
  await sql`insert into courses (title, summary, provider_community_id, skills, phases, level, hours, created_by,
      created_at, updated_at)
    select 'Bench course ' || s, 'A generated course about **leadership**.', g.id,
      array[(${skills}::text[])[1 + s % ${SKILLS.length}]], array['define', 'design'],
      (array['introductory', 'intermediate', 'advanced'])[1 + s % 3], 2 + s % 10, p.id, now(), now()
    from generate_series(1, ${opts.courses}::int) s
    join bench_ev_groups g on g.k = s % ${groups} join bench_ev_people p on p.k = s % ${people}`.execute(db);
  await sql`insert into course_runs (course_id, language, course_key, url, status, created_at, updated_at)
    select c.id, (${langs}::text[])[1 + (c.id + k) % 8], 'course-v1:Bench+C' || c.id || '+R' || k,
      'https://learn.wiki/courses/course-v1:Bench+C' || c.id || '+R' || k || '/about',
      (array['planned', 'translating', 'open', 'closed'])[1 + (c.id + k) % 4], now(), now()
    from courses c cross join generate_series(1, 3) k`.execute(db);
  await sql`insert into course_progress (run_id, user_id, status, public, updated_at)
    select r.id, p.id, (array['interested', 'enrolled', 'completed'])[1 + (r.id + j) % 3], j % 2 = 0, now()
    from course_runs r cross join generate_series(1, 20) j join bench_ev_people p on p.k = (r.id * 31 + j) % ${people}
    on conflict do nothing`.execute(db);

  const count = async (q: ReturnType<typeof sql<{ c: number }>>) => Number((await q.execute(db)).rows[0]?.c ?? 0);
  return {
    series: opts.series,
    singles: opts.singles,
    occurrences,
    registrations: await count(sql<{ c: number }>`select count(*)::int as c from event_registrations`),
    courses: await count(sql<{ c: number }>`select count(*)::int as c from courses`),
    runs: await count(sql<{ c: number }>`select count(*)::int as c from course_runs`),
  };
}
