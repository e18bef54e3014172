// Generates a network of the benchmark's size: people with public profiles, groups of every kind and region,
// memberships, and current ambassador terms in partner groups. Deterministic (seeded), bulk inserts.
import type { Db } from '../src/server/db/connection';
import { nameSkeleton } from '../src/server/text/skeleton';
import { writeThread } from '../src/server/features/conversations/testing';

const REGIONS = ['CEE', 'ESEAP', 'LAC', 'MENA', 'SSA', 'SA', 'NA', 'NWE'];
const KINDS = ['chapter', 'thematic_organization', 'user_group', 'hub', 'group'];
const LANGS = ['en', 'ar', 'es', 'fr', 'ru', 'hi', 'pt-br', 'id', 'sw', 'bn', 'uk', 'de', 'zh-hans', 'fa', 'ha', 'yo'];
const SKILLS = [
  'facilitation',
  'mentoring',
  'public-speaking',
  'project-management',
  'fundraising',
  'conflict-resolution',
  'teamwork',
];

/** The item at `i`, counting round the list. */
function nth<T>(xs: readonly T[], i: number): T {
  const x = xs[i % xs.length];
  if (x === undefined) throw new Error('nth of an empty list');
  return x;
}

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export async function generateNetwork(db: Db, opts: { people: number; groups: number; seed?: number }): Promise<void> {
  const rand = rng(opts.seed ?? 42);
  const pick = <T>(xs: readonly T[]) => nth(xs, Math.floor(rand() * xs.length));
  const people = Array.from({ length: opts.people }, (_, i) => {
    const username = `Bench Person ${i + 1}`;
    return {
      username,
      username_key: username.toLowerCase(),
      username_skeleton: nameSkeleton(username),
      display_name: `Bench ${i + 1}`,
      languages: [pick(LANGS), pick(LANGS)].filter((v, j, a) => a.indexOf(v) === j),
      region: pick(REGIONS),
      interests: [pick(SKILLS), pick(SKILLS)].filter((v, j, a) => a.indexOf(v) === j),
      bio: 'A generated participant for benchmarks.',
      is_demo: true,
    };
  });
  const userIds: number[] = [];
  for (let i = 0; i < people.length; i += 500) {
    const rows = await db
      .insertInto('users')
      .values(people.slice(i, i + 500))
      .returning('id')
      .execute();
    userIds.push(...rows.map((r) => r.id));
  }
  const groups = Array.from({ length: opts.groups }, (_, i) => ({
    slug: `bench-group-${i + 1}`,
    name: `Bench Group ${i + 1}`,
    name_key: `bench group ${i + 1}`,
    name_skeleton: nameSkeleton(`Bench Group ${i + 1}`),
    kind: nth(KINDS, i),
    region: nth(REGIONS, i),
    languages: [pick(LANGS)],
    description: 'A generated group for benchmarks.',
    is_partner: i % 3 === 0,
    is_demo: true,
  }));
  const groupIds = (await db.insertInto('communities').values(groups).returning('id').execute()).map((r) => r.id);
  // Each person joins one to three groups; the first member of each group coordinates it.
  const members = new Map<string, { community_id: number; user_id: number; role: 'member' | 'coordinator' }>();
  userIds.forEach((userId) => {
    const n = 1 + Math.floor(rand() * 3);
    for (let k = 0; k < n; k++) {
      const community_id = pick(groupIds);
      members.set(`${community_id}:${userId}`, { community_id, user_id: userId, role: 'member' });
    }
  });
  const seen = new Set<number>();
  for (const m of members.values()) {
    if (!seen.has(m.community_id)) {
      seen.add(m.community_id);
      m.role = 'coordinator';
    }
  }
  const rows = [...members.values()];
  for (let i = 0; i < rows.length; i += 1000)
    await db
      .insertInto('community_members')
      .values(rows.slice(i, i + 1000))
      .execute();
  const partnerIds = new Set(groupIds.filter((_, i) => groups[i]?.is_partner));
  const terms = rows
    .filter((m) => partnerIds.has(m.community_id) && rand() < 0.1)
    .map((m) => ({ community_id: m.community_id, user_id: m.user_id, start_date: '2025-01-01', end_date: null }));
  if (terms.length) await db.insertInto('ambassador_terms').values(terms).execute();
}

/**
 * A 1,000-comment thread (100 top-level comments with 9 replies each) under a community update written by
 * the first generated person; answers the update's id.
 */
export async function generateThread(db: Db): Promise<number> {
  const author = await db.selectFrom('users').select('id').orderBy('id').limit(1).executeTakeFirstOrThrow();
  const group = await db.selectFrom('communities').select('id').orderBy('id').limit(1).executeTakeFirstOrThrow();
  const now = new Date();
  const update = await db
    .insertInto('updates')
    .values({
      community_id: group.id,
      author_id: author.id,
      title: 'A long discussion',
      body: 'What makes a good mentor?',
      language: 'en',
      published_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await writeThread(db, { type: 'update', id: update.id }, author.id, 100, 9);
  return update.id;
}

/** A community update's body as people write them: headings, a list, emphasis, links. */
const UPDATE_BODY = (i: number) =>
  [
    `## What we did in month ${i + 1}`,
    '',
    'Our **mentoring circle** met three times. We read the *Leadership Definition* together and noted where our',
    'community sees leadership differently; the notes are [on the wiki](https://meta.wikimedia.org/wiki/Leadership_Development_Network).',
    '',
    '- A workshop on facilitation, with 14 people from four user groups',
    '- Two new translators for the Leadership Development Plan',
    '- A call for collaborators on a mentoring guide, open until the end of the month',
    '',
    '> Leadership is not a title; it is the work of helping others do their best work.',
    '',
    '### Next',
    '',
    '1. Evaluate the workshop with its participants',
    '2. Archive the documentation with the initiative',
    '3. Propose an amendment on shared leadership',
  ].join('\n');

/** `n` community updates with Markdown bodies, by the first generated person in the first group. */
export async function generateUpdates(db: Db, n: number): Promise<void> {
  const author = await db.selectFrom('users').select('id').orderBy('id').limit(1).executeTakeFirstOrThrow();
  const group = await db.selectFrom('communities').select('id').orderBy('id').limit(1).executeTakeFirstOrThrow();
  const now = Date.now();
  await db
    .insertInto('updates')
    .values(
      Array.from({ length: n }, (_, i) => ({
        community_id: group.id,
        author_id: author.id,
        title: `Community news ${i + 1}`,
        body: UPDATE_BODY(i),
        language: 'en',
        published_at: new Date(now - i * 86_400_000),
        updated_at: new Date(now - i * 86_400_000),
      })),
    )
    .execute();
}
