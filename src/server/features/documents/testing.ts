// Test helpers: a document of its own for each test, created through the API by an admin.
import type { FastifyInstance } from 'fastify';
import { unique } from '../../testing/harness';
import { grantRole, signedUp, type TestClient } from '../../testing/client';

export const SAMPLE = [
  '## Purpose',
  'Leaders grow by doing.',
  '- listen\n- decide\n- act',
  '| a | b |\n|---|---|\n| 1 | 2 |',
  'A closing paragraph.',
].join('\n\n');

export type Person = TestClient & { username: string; userId: number };

export async function anAdmin(app: FastifyInstance): Promise<Person> {
  const admin = await signedUp(app);
  await grantRole(app, admin.username, 'admin');
  return admin;
}

/** A new document with the given Markdown (the sample by default); answers its slug. */
export async function testDocument(app: FastifyInstance, admin: Person, markdown = SAMPLE): Promise<string> {
  const slug = unique('doc-').toLowerCase();
  const res = await admin.post('/api/v1/documents', { slug, title: `Document ${slug}`, markdown, summary: 'First' });
  if (res.status !== 201) throw new Error(`create failed: ${res.status} ${res.text}`);
  return slug;
}

/** Audit rows of an action, newest first. */
export const audited = (app: FastifyInstance, action: string) =>
  app.db.selectFrom('audit_log').select(['action', 'object_id', 'details']).where('action', '=', action).execute();
