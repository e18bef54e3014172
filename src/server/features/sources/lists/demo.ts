// Demo reading lists and initiatives' sources, made from the demo sources (sources/demo.ts, run before this):
// a demo person's "Starting to facilitate", a demo group's "Public speaking for ambassadors", and the sources
// three demo initiatives used (the archived facilitation series whose goals were met in part among them, so
// the "most used" sort has something to rank). Sources are chosen by title when the demo has them, else by
// skill; with no sources nothing is added. Idempotent: a list that exists is left as it is, links are added once.
import { sql } from 'kysely';
import { markdownInsert } from '../../../markdown/stored';
import type { Db } from '../../../db/connection';

const AT = new Date('2026-02-02T09:00:00Z');

/** Titles to prefer, then any source with the skill, up to `max`. */
async function pick(db: Db, titles: string[], skill: string, max: number): Promise<number[]> {
  const named = titles.length
    ? await db.selectFrom('sources').select(['id', 'title']).where('title', 'in', titles).execute()
    : [];
  const ids = titles.flatMap((t) => named.filter((n) => n.title === t).map((n) => n.id));
  if (ids.length < max) {
    const more = await db
      .selectFrom('sources')
      .select('id')
      .where(sql<boolean>`skills @> array[${skill}]::text[]`)
      .orderBy('id')
      .limit(max + ids.length)
      .execute();
    for (const m of more) if (!ids.includes(m.id) && ids.length < max) ids.push(m.id);
  }
  return ids.slice(0, max);
}

async function ensureList(
  db: Db,
  v: { title: string; description: string; ownerId: number | null; communityId: number | null; by: number },
  sources: number[],
  notes: string[],
): Promise<void> {
  const existing = await db.selectFrom('reading_lists').select('id').where('title', '=', v.title).executeTakeFirst();
  if (existing || !sources.length) return;
  const list = await db
    .insertInto('reading_lists')
    .values({
      title: v.title,
      description: v.description,
      ...markdownInsert({ description: v.description }),
      owner_id: v.ownerId,
      community_id: v.communityId,
      created_by: v.by,
      created_at: AT,
      updated_at: AT,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('reading_list_items')
    .values(
      sources.map((s, position) => {
        const note = notes[position] ?? '';
        return { list_id: list.id, source_id: s, position, note, ...markdownInsert({ note }) };
      }),
    )
    .execute();
}

// Titles of the demo sources (sources/demo-*.ts), in the order the lists show them.
const FACILITATION = [
  'The Facilitator’s Companion: Running Meetings Where Everyone Is Heard',
  'Energizers for online meetings (10 short exercises)',
  'Introduction to Facilitation (self-paced)',
  'What I learned facilitating 100 edit-a-thons',
];
const SPEAKING = [
  'Speaking Without Fear: A Practical Guide to Public Speaking',
  'The two-minute pitch',
  'Storytelling as a leadership tool',
];

export async function loadDemoReadingLists(db: Db): Promise<void> {
  const facilitation = await pick(db, FACILITATION, 'facilitation', 4);
  const speaking = await pick(db, SPEAKING, 'public_speaking', 4);
  if (!facilitation.length && !speaking.length) return;

  const person = await db
    .selectFrom('users')
    .select('id')
    .where('username', 'like', '%(demo)%')
    .orderBy('id')
    .executeTakeFirst();
  const group = await db
    .selectFrom('communities as c')
    .innerJoin('community_members as m', 'm.community_id', 'c.id')
    .select(['c.id', 'm.user_id'])
    .where('m.role', '=', 'coordinator')
    .orderBy('c.id')
    .limit(1)
    .executeTakeFirst();
  if (person)
    await ensureList(
      db,
      {
        title: 'Starting to facilitate',
        description: 'What I give people who run their **first** workshop or meeting. A demo reading list.',
        ownerId: person.id,
        communityId: null,
        by: person.id,
      },
      facilitation,
      ['Read this first: short chapters, many examples.', 'For planning the agenda.'],
    );
  if (group)
    await ensureList(
      db,
      {
        title: 'Public speaking for ambassadors',
        description: 'Our group’s picks before an ambassador’s first talk at a conference. A demo reading list.',
        ownerId: null,
        communityId: group.id,
        by: group.user_id,
      },
      speaking,
      ['Watch together at the monthly call.'],
    );

  // The sources demo initiatives used: the archived facilitation series (goals met in part) counts them as used.
  const uses: [string, number[], string][] = [
    ['Facilitation workshop series 2024', facilitation.slice(0, 3), 'Used to prepare each session of the series.'],
    ['Mentoring programme for affiliate coordinators', facilitation.slice(1, 2), 'Mentors read it with their pairs.'],
    ['Leadership circles for new event organizers', speaking.slice(0, 2), 'For the circle on speaking at events.'],
  ];
  for (const [title, sources, note] of uses) {
    if (!sources.length) continue;
    const initiative = await db.selectFrom('initiatives').select('id').where('title', '=', title).executeTakeFirst();
    if (!initiative) continue;
    const lead = await db
      .selectFrom('initiative_leads')
      .select('user_id')
      .where('initiative_id', '=', initiative.id)
      .orderBy('since')
      .executeTakeFirst();
    await db
      .insertInto('initiative_sources')
      .values(
        sources.map((s) => ({
          initiative_id: initiative.id,
          source_id: s,
          note,
          added_by: lead?.user_id ?? null,
          created_at: AT,
        })),
      )
      .onConflict((oc) => oc.columns(['initiative_id', 'source_id']).doNothing())
      .execute();
  }
}
