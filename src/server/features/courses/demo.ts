// Two demo courses: one from a demo group with runs in English and Spanish (a few demo people completed it,
// some publicly), following the demo charter's first revision (so its page says the LDP changed since); and
// one introductory course with a single planned run. Found by querying demo rows; without people, nothing.
import type { Db } from '../../db/connection';
import { DEMO_SLUG, findDocumentBySlug } from '../documents';
import { insertCourse, insertRun, saveProgress } from './repo';

export async function loadDemoCourses(db: Db): Promise<void> {
  const provider = await db
    .selectFrom('communities as c')
    .innerJoin('community_members as m', 'm.community_id', 'c.id')
    .select(['c.id', 'm.user_id'])
    .where('m.role', '=', 'coordinator')
    .orderBy('c.id')
    .limit(1)
    .executeTakeFirst();
  const people = await db.selectFrom('users').select('id').orderBy('id').limit(8).execute();
  const author = provider?.user_id ?? people[0]?.id;
  if (author === undefined) return;
  const doc = await findDocumentBySlug(db, DEMO_SLUG);
  const at = new Date('2026-01-12T10:00:00Z');
  const first = await insertCourse(
    db,
    {
      title: 'Facilitating volunteer meetings',
      summary:
        'How to prepare, run and close a **volunteer meeting** so that everyone is heard: agendas, timekeeping, decisions and follow-up.\n\nA demo course.',
      provider_community_id: provider?.id ?? null,
      skills: ['facilitation', 'consensus_building', 'teamwork'],
      phases: ['design', 'implement'],
      level: 'intermediate',
      hours: '6.5',
      based_on_document_id: doc?.id ?? null,
      based_on_revision: doc ? 1 : null,
    },
    author,
    at,
  );
  const en = await insertRun(
    db,
    first,
    {
      language: 'en',
      course_key: 'course-v1:LDN+FVM101+2026_T1',
      url: 'https://learn.wiki/courses/course-v1:LDN+FVM101+2026_T1/about',
      status: 'open',
      starts_on: '2026-02-01',
      ends_on: '2026-12-31',
    },
    at,
  );
  await insertRun(
    db,
    first,
    {
      language: 'es',
      course_key: 'course-v1:LDN+FVM101+2026_ES',
      url: 'https://learn.wiki/courses/course-v1:LDN+FVM101+2026_ES/about',
      status: 'translating',
      starts_on: null,
      ends_on: null,
    },
    at,
  );
  for (const [i, p] of people.slice(0, 6).entries())
    await saveProgress(db, {
      runId: en,
      userId: p.id,
      status: i < 5 ? 'completed' : 'enrolled',
      public: i % 2 === 0,
      at,
    });
  const second = await insertCourse(
    db,
    {
      title: 'Your first leadership project',
      summary: 'From an idea to a small project: defining the need, finding collaborators, planning. A demo course.',
      provider_community_id: null,
      skills: ['project_management', 'strategic_thinking'],
      phases: ['define'],
      level: 'introductory',
      hours: '3.0',
      based_on_document_id: null,
      based_on_revision: null,
    },
    author,
    at,
  );
  await insertRun(
    db,
    second,
    {
      language: 'en',
      course_key: 'course-v1:LDN+LP100+2026',
      url: 'https://learn.wiki/courses/course-v1:LDN+LP100+2026/about',
      status: 'planned',
      starts_on: '2027-03-01',
      ends_on: null,
    },
    at,
  );
}
