// Test fixtures for moderation: an app whose clock the test moves, people with roles, and one item of each
// kind that can be moderated (a comment, a debate with an argument, an update).
import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import type { Config } from '../../config';
import { testApp, unique } from '../../testing/harness';
import { TestClient, grantRole, signedUp } from '../../testing/client';
import { makeUpdate } from '../conversations/testing';

export const DAY = 24 * 3600 * 1000;

/** An app whose clock the test moves; the label keeps its app apart from other tests' apps. */
export async function appWithClock(configOverrides: Partial<Config> = {}) {
  let offset = 0;
  const clock = { label: unique('clock'), now: () => new Date(Date.now() + offset) };
  const app = await testApp({ clock, configOverrides });
  return { app, advance: (ms: number) => (offset += ms) };
}

export type Person = Awaited<ReturnType<typeof signedUp>>;

/** A person signed up from an address of their own (sign-up is limited per address when limits are on). */
export async function member(app: FastifyInstance, name = unique('member')): Promise<Person> {
  const ip = `10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250) + 1}`;
  const c = await new TestClient(app, ip).start();
  const res = await c.post('/api/v1/accounts', { username: name, password: 'correct horse battery' });
  if (res.status !== 201) throw new Error(`sign-up failed: ${res.status} ${res.text}`);
  return Object.assign(c, { username: name, userId: Number(res.body.user.id) });
}

/** A person with a role (sessions read roles on every request, so it applies at once). */
export async function withRole(
  app: FastifyInstance,
  role: 'moderator' | 'admin',
  name = unique(role),
): Promise<Person> {
  const p = await member(app, name);
  await grantRole(app, p.username, role);
  return p;
}

export interface Items {
  updateId: string;
  commentId: string;
  debateId: string;
  argumentId: string;
}

/** One item of each moderatable kind, all by `author`. */
export async function itemsBy(app: FastifyInstance, author: Person): Promise<Items> {
  const updateId = await makeUpdate(app, author.userId);
  const comment = await author.post('/api/v1/comments', {
    subject: { type: 'update', id: updateId },
    body: unique('A comment '),
  });
  expect(comment.status).toBe(201);
  const debate = await author.post('/api/v1/debates', {
    title: unique('A debate '),
    framing: 'Framing text',
    language: 'en',
  });
  expect(debate.status).toBe(201);
  const argument = await author.post(`/api/v1/debates/${debate.body.id}/arguments`, {
    stance: 'for',
    body: unique('An argument '),
  });
  expect(argument.status).toBe(201);
  return { updateId, commentId: comment.body.id, debateId: debate.body.id, argumentId: argument.body.id };
}

export async function auditActions(app: FastifyInstance, action: string, objectId?: string | number) {
  let q = app.db.selectFrom('audit_log').select(['actor_id', 'details']).where('action', '=', action);
  if (objectId !== undefined) q = q.where('object_id', '=', String(objectId));
  return q.execute();
}
