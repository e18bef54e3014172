// Test fixtures for courses: people, a group with a coordinator, a course made through the API.
import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import { unique } from '../../testing/harness';
import { grantRole, signedUp, type TestClient } from '../../testing/client';

export type Person = TestClient & { username: string; userId: number };

export const someone = (app: FastifyInstance, prefix = 'crs'): Promise<Person> => signedUp(app, unique(prefix));

export async function admin(app: FastifyInstance): Promise<Person> {
  const p = await someone(app, 'crsadmin');
  await grantRole(app, p.username, 'admin');
  return p;
}

/** A group whose coordinator is `coordinator`; answers its slug. */
export async function groupOf(app: FastifyInstance, coordinator: Person, region = 'SA'): Promise<string> {
  const name = unique('Course group ');
  const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  const g = await app.db
    .insertInto('communities')
    .values({ slug, name, name_key: name.toLowerCase(), kind: 'user_group', region })
    .returning('id')
    .executeTakeFirstOrThrow();
  await app.db
    .insertInto('community_members')
    .values({ community_id: g.id, user_id: coordinator.userId, role: 'coordinator' })
    .execute();
  return slug;
}

export const COURSE = {
  title: 'Facilitation basics',
  summary: 'How to run a **meeting** where everyone is heard.',
  skills: ['facilitation', 'teamwork'],
  phases: ['design'],
  level: 'introductory',
  hours: 4.5,
};

export async function course(p: Person, extra: Record<string, unknown> = {}) {
  const res = await p.post('/api/v1/courses', { ...COURSE, title: unique('Course '), ...extra });
  expect(res.status, res.text).toBe(201);
  return res.body as { id: string; title: string; revision: number };
}

let keys = 0;
export const courseKey = () => `course-v1:LDN+T${Date.now().toString(36)}${keys++}+2026`;
