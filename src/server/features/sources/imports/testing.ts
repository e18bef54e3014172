// Test fixtures for imports: people, uploads of a file's text as the body, sources written straight into the
// database (records CRUD is another part's), and the jobs run.
import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import { IMPORT_CONTENT_TYPES, type ImportFormat, type SourceRecord } from '../../../../contracts/sources';
import { signedUp, type Answer, type TestClient } from '../../../testing/client';
import { unique } from '../../../testing/harness';
import { runDueJobs } from '../../../jobs/worker';
import { normalizeUrl } from '../identifiers';
import { authorsText, firstAuthorKey, textKey } from '../keys';
import { COMMIT_JOB } from './commit-job';
import { PARSE_JOB } from './parse-job';
import { readChunk } from './read';
import { splitFile } from './split';

export type Person = TestClient & { username: string; userId: number };

export const someone = (app: FastifyInstance, prefix = 'imp'): Promise<Person> => signedUp(app, unique(prefix));

export const FIXTURES = { bibtex: 'zotero.bib', ris: 'catalogue.ris', 'csl-json': 'zotero.json' } as const;

export const fixture = (format: ImportFormat): string =>
  fs.readFileSync(path.join(import.meta.dirname, 'fixtures', FIXTURES[format]), 'utf8');

/** Sends a file as the body with the given content type, as the import page's fetch does. */
export async function upload(client: TestClient, contentType: string, body: string | Buffer): Promise<Answer> {
  const headers: Record<string, string> = { 'content-type': contentType };
  if (client.cookies.size) headers.cookie = [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  if (client.csrf) headers['x-csrf-token'] = client.csrf;
  const res = await client.app.inject({ method: 'POST', url: '/api/v1/source-imports', headers, payload: body });
  let parsed: unknown = null;
  try {
    parsed = res.body ? JSON.parse(res.body) : null;
  } catch {
    parsed = null;
  }
  return { status: res.statusCode, body: parsed, headers: res.headers, text: res.body };
}

export const runImportJobs = (app: FastifyInstance, now?: Date) =>
  runDueJobs(app, { kinds: [PARSE_JOB, COMMIT_JOB], now });

/** Uploads a file, lets the parse job read it, and answers the import's first page. */
export async function imported(client: TestClient & { app: FastifyInstance }, format: ImportFormat, text: string) {
  const res = await upload(client, IMPORT_CONTENT_TYPES[format], text);
  expect(res.status, res.text).toBe(201);
  await runImportJobs(client.app);
  const got = await client.get(`/api/v1/source-imports/${res.body.id}`);
  expect(got.status, got.text).toBe(200);
  return got.body as import('../../../../contracts/sources').SourceImport;
}

/** A source written straight into the database (revision 1 with it); answers its id. */
export async function insertSource(app: FastifyInstance, record: SourceRecord): Promise<string> {
  const row = await app.db
    .insertInto('sources')
    .values({
      kind: record.kind,
      title: record.title,
      authors: JSON.stringify(record.authors),
      authors_text: authorsText(record.authors),
      year: record.year,
      publisher: record.publisher,
      languages: record.languages,
      isbn: record.identifiers.isbn,
      doi: record.identifiers.doi,
      url: record.identifiers.url,
      url_key: record.identifiers.url ? (normalizeUrl(record.identifiers.url)?.key ?? null) : null,
      wikidata: record.identifiers.wikidata,
      access: record.access,
      summary: record.summary,
      skills: record.skills,
      title_key: textKey(record.title),
      first_author_key: firstAuthorKey(record.authors),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await app.db
    .insertInto('source_revisions')
    .values({ source_id: row.id, revision: 1, record: JSON.stringify(record) })
    .execute();
  return String(row.id);
}

/**
 * Removes the sources an earlier test made from a fixture (tests share the worker's database), so that each
 * test finds only the duplicates it sets up itself.
 */
export async function forgetFixtureSources(app: FastifyInstance, format: ImportFormat, text = fixture(format)) {
  const split = await splitFile(format, text);
  const entries = readChunk(format, split.preamble, split.entries, 1);
  const records = entries.flatMap((e) => (e.record && e.keys ? [{ record: e.record, keys: e.keys }] : []));
  const pick = (f: (r: (typeof records)[number]) => string | null) => records.map(f).filter((v): v is string => !!v);
  await app.db
    .deleteFrom('sources')
    .where((eb) =>
      eb.or([
        eb('isbn', 'in', [...pick((r) => r.record.identifiers.isbn), '-']),
        eb('doi', 'in', [...pick((r) => r.record.identifiers.doi), '-']),
        eb('url_key', 'in', [...pick((r) => r.keys.urlKey), '-']),
        eb('title_key', 'in', [...pick((r) => r.keys.titleKey), '-']),
      ]),
    )
    .execute();
}

export const BOOK: SourceRecord = {
  kind: 'book',
  title: 'Pedagogy of hope',
  authors: [{ family: 'Freire', given: 'Paulo' }],
  year: null,
  publisher: null,
  languages: [],
  identifiers: { isbn: '9780199535569', doi: null, url: null, wikidata: null },
  access: 'open',
  summary: '',
  skills: [],
};
