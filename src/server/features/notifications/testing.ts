// Test fixtures for follows and notifications: people, a group they lead, and items made through the API, so
// the events reach recordActivity the way they do in use.
import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import { unique } from '../../testing/harness';
import { signedUp, type TestClient } from '../../testing/client';

export type Person = TestClient & { username: string; userId: number };

export const person = (app: FastifyInstance, prefix = 'nf'): Promise<Person> => signedUp(app, unique(prefix));

export async function giveEmail(
  app: FastifyInstance,
  p: Person,
  email: string,
  uiLanguage: string | null = null,
  timeZone: string | null = null,
) {
  await app.db
    .updateTable('users')
    .set({ email, ui_language: uiLanguage, time_zone: timeZone })
    .where('id', '=', p.userId)
    .execute();
}

/** A group the person coordinates, so they may post updates for it. */
export async function groupLedBy(app: FastifyInstance, p: Person) {
  const name = unique('Notif group ');
  const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  const row = await app.db
    .insertInto('communities')
    .values({ slug, name, name_key: name.toLowerCase(), kind: 'user_group', region: 'SA' })
    .returning('id')
    .executeTakeFirstOrThrow();
  await app.db
    .insertInto('community_members')
    .values({ community_id: row.id, user_id: p.userId, role: 'coordinator' })
    .execute();
  return { id: String(row.id), slug, name };
}

export async function postUpdate(
  p: Person,
  group: { slug: string },
  title = unique('Notif update '),
): Promise<{ id: string; title: string }> {
  const res = await p.post('/api/v1/updates', {
    title,
    body: 'News of the group.',
    community: group.slug,
    language: 'en',
  });
  expect(res.status, res.text).toBe(201);
  return { id: String(res.body.id), title };
}

export async function openDebate(p: Person, title = unique('Notif debate ')): Promise<{ id: string; title: string }> {
  const res = await p.post('/api/v1/debates', { title, framing: 'What do you think?', language: 'en' });
  expect(res.status, res.text).toBe(201);
  return { id: String(res.body.id), title };
}

export async function comment(
  p: Person,
  subject: { type: string; id: string },
  body: string,
  parentId?: string,
): Promise<string> {
  const res = await p.post('/api/v1/comments', { subject, body, ...(parentId ? { parentId } : {}) });
  expect(res.status, res.text).toBe(201);
  return String(res.body.id);
}

export async function followOf(p: Person, subject: { type: string; id: string }) {
  const res = await p.post('/api/v1/follows', { subject });
  expect([200, 201], res.text).toContain(res.status);
  return res.body as { id: string };
}

export interface ShownNotification {
  id: string;
  kind: string;
  subject: { type: string; id: string; title: string; link: string };
  object: { type: string; id: string } | null;
  actor: { username: string; displayName: string } | null;
  link: string;
  createdAt: string;
  read: boolean;
}

export async function inbox(
  p: Person,
  query = '',
): Promise<{ items: ShownNotification[]; next: string | null; unread: number }> {
  const res = await p.get(`/api/v1/notifications${query}`);
  expect(res.status, res.text).toBe(200);
  return res.body;
}
