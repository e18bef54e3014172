// Demo initiatives, led and joined by demo people (found by querying; without them it does nothing): an idea,
// one recruiting with an open call, one active in its Design phase with an update and a grant, and one archived
// with its evaluation. They are demo content because their people are demo accounts.
import { markdownInsert } from '../../markdown/stored';
import type { Db } from '../../db/connection';

const DAY = 86400_000;
const date = (days: number) => new Date(Date.now() + days * DAY).toISOString().slice(0, 10);

const PROGRESS = 'We matched **twelve** pairs across five time zones. The first sessions start next week.';
const LESSONS = 'Short sessions with breakout rooms worked better than long lectures.';
const DIFFERENTLY = 'Plan translation of the handbook from the start.';

export async function loadDemoInitiatives(db: Db): Promise<void> {
  const people = await db.selectFrom('users').select('id').where('is_demo', '=', true).orderBy('id').limit(6).execute();
  const [a, b, c, d] = people.map((p) => p.id);
  if (a === undefined || b === undefined || c === undefined || d === undefined) return;
  const groups = await db
    .selectFrom('communities')
    .select(['id', 'region'])
    .where('is_demo', '=', true)
    .orderBy('id')
    .limit(3)
    .execute();
  const now = new Date();
  const make = async (v: {
    author: number;
    title: string;
    summary: string;
    stage: string;
    phase?: string;
    regions: string[];
    languages: string[];
    skills: string[];
    daysAgo: number;
    ended?: boolean;
    outcome?: string;
  }) => {
    const at = new Date(now.getTime() - v.daysAgo * DAY);
    const row = await db
      .insertInto('initiatives')
      .values({
        author_id: v.author,
        title: v.title,
        summary: v.summary,
        ...markdownInsert({ summary: v.summary, problem: '', audience: '' }, ['summary']),
        stage: v.stage,
        phase: v.phase ?? null,
        regions: v.regions,
        languages: v.languages,
        skills: v.skills,
        quiet_since: null,
        ended_at: v.ended ? at : null,
        outcome: v.outcome ?? null,
        last_activity_at: at,
        created_at: at,
        updated_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db.insertInto('initiative_leads').values({ initiative_id: row.id, user_id: v.author, since: at }).execute();
    await db
      .insertInto('follows')
      .values({ user_id: v.author, subject_type: 'initiative', subject_id: row.id, created_at: at })
      .execute();
    const group = groups[row.id % Math.max(groups.length, 1)];
    if (group)
      await db.insertInto('initiative_communities').values({ initiative_id: row.id, community_id: group.id }).execute();
    return row.id;
  };

  const idea = await make({
    author: a,
    title: 'Leadership circles for new event organizers',
    summary:
      'Small monthly circles where people who organize their **first** edit-a-thons learn from experienced organizers.',
    stage: 'idea',
    regions: ['LAC'],
    languages: ['es', 'pt-br'],
    skills: ['mentoring', 'facilitation'],
    daysAgo: 3,
  });
  await db
    .insertInto('initiative_supporters')
    .values([b, c].map((user_id) => ({ initiative_id: idea, user_id, created_at: now })))
    .execute();

  const recruiting = await make({
    author: b,
    title: 'Translating the Leadership Development Plan into Swahili',
    summary: 'A team of translators and reviewers brings the LDP to Swahili-speaking communities.',
    stage: 'recruiting',
    regions: ['SSA'],
    languages: ['sw'],
    skills: ['communication', 'teamwork'],
    daysAgo: 10,
  });
  await db
    .insertInto('initiative_calls')
    .values({
      initiative_id: recruiting,
      goals: ['Translate sections 1–3 of the LDP', 'Review every section twice'],
      starts_on: date(30),
      ends_on: date(120),
      deadline: date(21),
      how_to_join: 'Sign up for a job below and say which sections you would like.',
      opened_at: now,
      closed_at: null,
      closed_reason: null,
      updated_at: now,
    })
    .execute();
  const jobs = await db
    .insertInto('initiative_jobs')
    .values([
      {
        initiative_id: recruiting,
        title: 'Translator',
        description: 'Translate one section of the plan.',
        places: 3,
        skills: ['communication'],
        commitment: '3 hours a week',
        position: 0,
      },
      {
        initiative_id: recruiting,
        title: 'Reviewer',
        description: 'Review translated sections for accuracy and tone.',
        places: 2,
        skills: ['teamwork'],
        commitment: '2 hours a week',
        position: 1,
      },
    ])
    .returning('id')
    .execute();
  const [translator, reviewer] = jobs.map((j) => j.id);
  if (translator === undefined || reviewer === undefined) return;
  await db
    .insertInto('initiative_signups')
    .values([
      {
        initiative_id: recruiting,
        job_id: translator,
        user_id: c,
        message: 'I translated the UCoC before.',
        status: 'accepted',
        created_at: now,
        decided_at: now,
        decided_by: b,
      },
      {
        initiative_id: recruiting,
        job_id: reviewer,
        user_id: d,
        message: '',
        status: 'pending',
        created_at: now,
        decided_at: null,
        decided_by: null,
      },
    ])
    .execute();

  const active = await make({
    author: c,
    title: 'Mentoring programme for affiliate coordinators',
    summary: 'Pairs new coordinators with experienced ones for six months, following the LDP step-by-step guide.',
    stage: 'active',
    phase: 'design',
    regions: ['ESEAP', 'SA'],
    languages: ['en', 'hi'],
    skills: ['mentoring', 'volunteer_management'],
    daysAgo: 40,
  });
  await db
    .insertInto('initiative_updates')
    .values({
      initiative_id: active,
      author_id: c,
      title: 'Twelve pairs matched',
      body: PROGRESS,
      ...markdownInsert({ body: PROGRESS }),
      created_at: now,
    })
    .execute();
  await db
    .insertInto('initiative_grants')
    .values({
      initiative_id: active,
      program: 'rapid_fund',
      amount: '3500.00',
      currency: 'USD',
      status: 'funded',
      url: null,
      created_at: now,
    })
    .execute();
  await db
    .insertInto('initiative_checklist')
    .values(
      ['define_problem', 'define_learners'].map((item) => ({
        initiative_id: active,
        item,
        checked_by: c,
        checked_at: now,
      })),
    )
    .execute();

  const archived = await make({
    author: d,
    title: 'Facilitation workshop series 2024',
    summary: 'Four online workshops on facilitating community meetings, with slides shared on Commons.',
    stage: 'archived',
    regions: ['CEE'],
    languages: ['ru', 'uk'],
    skills: ['facilitation', 'public_speaking'],
    daysAgo: 200,
    ended: true,
    outcome: 'partly_met',
  });
  await db
    .insertInto('initiative_evaluations')
    .values({
      initiative_id: archived,
      outcomes: JSON.stringify([
        { goal: 'Train 40 facilitators', result: 'met', note: '46 people took part.' },
        { goal: 'Publish a facilitation handbook', result: 'partly_met', note: 'A draft exists in Russian.' },
      ]),
      reached: JSON.stringify([
        { region: 'CEE', language: 'ru', count: 31 },
        { region: 'CEE', language: 'uk', count: 15 },
      ]),
      lessons: LESSONS,
      differently: DIFFERENTLY,
      ...markdownInsert({ lessons: LESSONS, differently: DIFFERENTLY }, ['lessons']),
      documentation: ['https://meta.wikimedia.org/wiki/Leadership_Development_Working_Group'],
      follow_up: null,
      evaluated_by: d,
      updated_at: now,
    })
    .execute();
}
