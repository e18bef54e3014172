// Test fixtures for sources' records: people, a moderator, a suspended person, and a source added through the API.
import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import type { SourceDetail } from '../../../../contracts/sources';
import { grantRole, signedUp, type TestClient } from '../../../testing/client';
import { unique } from '../../../testing/harness';

export type Person = TestClient & { username: string; userId: number };

export const someone = (app: FastifyInstance, prefix = 'src'): Promise<Person> => signedUp(app, unique(prefix));

export async function moderator(app: FastifyInstance): Promise<Person> {
  const p = await someone(app, 'srcmod');
  await grantRole(app, p.username, 'moderator');
  return p;
}

/** Someone suspended for a day (as a moderator's suspension leaves them). */
export async function suspended(app: FastifyInstance): Promise<Person> {
  const p = await someone(app, 'srcsus');
  await app.db
    .updateTable('users')
    .set({ suspended_until: new Date(Date.now() + 86_400_000) })
    .where('id', '=', p.userId)
    .execute();
  return p;
}

let n = 0;
/** A valid ISBN-13 nobody used yet in this run (978 + a counter + its check digit). */
export function freshIsbn(): string {
  const first12 = `978${String(Date.now() % 1e6).padStart(6, '0')}${String(n++ % 1000).padStart(3, '0')}`;
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(first12[i]) * (i % 2 === 0 ? 1 : 3);
  return first12 + String((10 - (sum % 10)) % 10);
}

export const RECORD = {
  kind: 'book',
  authors: [{ family: 'Lee', given: 'Ana' }],
  year: 2019,
  publisher: 'Open Press',
  languages: ['en'],
  access: 'open',
  summary: 'How to lead **volunteer** projects.',
  skills: ['facilitation'],
};

/** A new source with a title of its own (and whatever `extra` sets), added by `p`. */
export async function addSource(p: Person, extra: Record<string, unknown> = {}): Promise<SourceDetail> {
  const res = await p.post('/api/v1/sources', { ...RECORD, title: unique('Leading volunteers '), ...extra });
  expect(res.status, res.text).toBe(201);
  return res.body as SourceDetail;
}
