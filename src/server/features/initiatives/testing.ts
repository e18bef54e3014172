// Test fixtures for initiatives: people, a group, an idea and a call made through the API.
import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import { buildApp } from '../../app';
import { testConfig, testDatabase, unique } from '../../testing/harness';
import { grantRole, signedUp, type TestClient } from '../../testing/client';

export type Person = TestClient & { username: string; userId: number };

export const someone = (app: FastifyInstance, prefix = 'ini'): Promise<Person> => signedUp(app, unique(prefix));

export async function staff(app: FastifyInstance, role: 'admin' | 'moderator'): Promise<Person> {
  const p = await someone(app, role);
  await grantRole(app, p.username, role);
  return p;
}

export async function group(app: FastifyInstance, region = 'SA') {
  const name = unique('Initiative group ');
  const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  await app.db
    .insertInto('communities')
    .values({ slug, name, name_key: name.toLowerCase(), kind: 'user_group', region })
    .execute();
  return { slug, name };
}

export interface Idea {
  id: string;
  title: string;
  stage: string;
}

export async function idea(p: Person, extra: Record<string, unknown> = {}): Promise<Idea> {
  const res = await p.post('/api/v1/initiatives', {
    title: unique('Mentoring circle '),
    summary: 'New organizers learn from experienced ones.',
    ...extra,
  });
  expect(res.status, res.text).toBe(201);
  return res.body;
}

/** A call with two jobs (2 places and 1 place), deadline in the far future unless given. */
export async function openCall(p: Person, id: string, extra: Record<string, unknown> = {}) {
  const res = await p.put(`/api/v1/initiatives/${id}/call`, {
    goals: ['Train ten new organizers', 'Write a guidebook'],
    jobs: [
      {
        title: 'Mentor',
        description: 'Meet a mentee every week.',
        places: 2,
        skills: ['mentoring'],
        commitment: '2 hours a week',
      },
      { title: 'Translator', description: 'Translate the guidebook.', places: 1 },
    ],
    start: '2090-01-10',
    end: '2090-06-30',
    deadline: '2090-01-05',
    howToJoin: 'Sign up below.',
    ...extra,
  });
  expect(res.status, res.text).toBe(200);
  return res.body as {
    jobs: { id: string; title: string; places: number; filled: number; open: number; waiting: number }[];
    status: string;
  };
}

export async function auditCount(app: FastifyInstance, action: string, actorId: number) {
  const row = await app.db
    .selectFrom('audit_log')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('action', '=', action)
    .where('actor_id', '=', actorId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function notificationsOf(p: Person) {
  const res = await p.get('/api/v1/notifications?limit=100');
  expect(res.status, res.text).toBe(200);
  return res.body.items as { kind: string; subject: { type: string; id: string; title: string }; link: string }[];
}

/** An app on the worker's database whose clock the test sets (close it at the end). */
export async function clockedApp(start = new Date()) {
  const clock = { at: start, now: () => clock.at };
  const { db } = await testDatabase();
  const app = await buildApp({ pages: false, config: testConfig(), db, clock });
  await app.ready();
  return { app, clock };
}

/** Notifications of a kind a person got, read from the table (for tests whose clock outlives sessions). */
export async function told(app: FastifyInstance, userId: number, kind: string) {
  return app.db
    .selectFrom('notifications as n')
    .innerJoin('notification_events as e', 'e.id', 'n.event_id')
    .select(['e.link', 'e.subject_title'])
    .where('n.user_id', '=', userId)
    .where('n.kind', '=', kind)
    .execute();
}

/**
 * Forgets queued occurrences of a schedule, so a test that moves its clock years ahead runs the occurrences of
 * its own time, not every one since another test queued one at today's date.
 */
export async function freshSchedule(app: FastifyInstance, kind: string) {
  await app.db.deleteFrom('jobs').where('kind', '=', kind).where('status', '=', 'queued').execute();
}
