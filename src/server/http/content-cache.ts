// What anonymous visitors see is the same for all of them, so an instance may keep it (directory answers,
// rendered pages) until the content changes. The database's content version says when: a sequence that
// every state-changing request advances before its answer is sent, and that triggers on the directory tables
// advance too (so writes made outside the app, such as the command line, count). An instance reads the
// version again on the next request after any change it served, and otherwise at most every FRESH_MS, so
// changes made through other instances show within that time.
import { sql } from 'kysely';
import type { FastifyInstance } from 'fastify';
import type { Db } from '../db/connection';
import { isPrivateWrite, isSafeMethod } from './route-policy';

const FRESH_MS = 1000;

interface VersionState {
  version: string | null;
  checkedAt: number;
  writesSeen: number;
  pending: Promise<string> | null;
}

const states = new WeakMap<Db, VersionState>();
let writes = 0;

async function readVersion(db: Db): Promise<string> {
  const { rows } = await sql<{
    last_value: string | number;
    is_called: boolean;
  }>`select last_value, is_called from content_version_seq`.execute(db);
  const [row] = rows;
  if (!row) throw new Error('content_version_seq is missing');
  return `${row.last_value}:${row.is_called}`;
}

/** The content version as this instance knows it (read again after local writes, else at most every second). */
export async function contentVersion(db: Db): Promise<string> {
  let s = states.get(db);
  if (!s) {
    s = { version: null, checkedAt: 0, writesSeen: -1, pending: null };
    states.set(db, s);
  }
  const state = s;
  if (state.version !== null && state.writesSeen === writes && Date.now() - state.checkedAt < FRESH_MS)
    return state.version;
  // Concurrent requests share one read of the version.
  state.pending ??= (async () => {
    const seen = writes;
    try {
      const v = await readVersion(db);
      Object.assign(state, { version: v, checkedAt: Date.now(), writesSeen: seen });
      return v;
    } finally {
      state.pending = null;
    }
  })();
  return state.pending;
}

/**
 * Every answer the platform keeps, in one list: its size, and what moves it (makes it read afresh). Kept answers
 * are made with `new VersionedCache(name)`, so an unlisted one fails to compile. The Markdown renderer's cache
 * (markdown/render.ts) is keyed by the text itself and needs no moving.
 */
export const KEPT_ANSWERS = {
  directory: {
    max: 500,
    movedBy: 'the content version: the people and groups directories, their languages and network figures',
  },
  'initiatives.board-lists': {
    max: 500,
    movedBy: 'the content version: lists of the initiatives board by stage and filters',
  },
  'initiatives.boards': {
    max: 200,
    movedBy: 'the content version: the board at a glance (counts, choices, newest per stage)',
  },
  'initiatives.counts': { max: 200, movedBy: 'the content version: counts per stage for a set of filters' },
  'initiatives.facets': { max: 1, movedBy: "the content version: the filters' choices over every initiative" },
  'initiatives.detail': {
    max: 300,
    movedBy: "the content version, and the day: an initiative's reader-independent part per language",
  },
  'initiatives.archive': { max: 500, movedBy: 'the content version: pages of the archive search' },
  'documents.reader': {
    max: 300,
    movedBy: 'the content version: a document in a language at a revision, what every reader sees alike',
  },
  'pages.anonymous': { max: 300, movedBy: 'the content version, and the day: pages as anonymous visitors see them' },
  'pages.personal': { max: 200, movedBy: "the content version, and the person's page version (their private writes)" },
} as const;
export type KeptAnswerName = keyof typeof KEPT_ANSWERS;

/** Values kept while the content version stays the same, at most the list's `max` of them per database (oldest dropped first). */
export class VersionedCache<T> {
  // Per database: two apps in one process (tests, tools) never see each other's answers.
  private byDb = new WeakMap<Db, Map<string, { version: string; value: T }>>();
  private readonly max: number;
  constructor(name: KeptAnswerName) {
    this.max = KEPT_ANSWERS[name].max;
  }

  /** The kept value for `key`, or a fresh one from `compute`, kept when `keep` says so. */
  async get(db: Db, key: string, compute: () => Promise<T>, keep: (value: T) => boolean = () => true): Promise<T> {
    const version = await contentVersion(db);
    let entries = this.byDb.get(db);
    if (!entries) this.byDb.set(db, (entries = new Map()));
    const hit = entries.get(key);
    if (hit && hit.version === version) return hit.value;
    const value = await compute();
    if (keep(value)) {
      entries.delete(key);
      const oldest = entries.keys().next();
      if (entries.size >= this.max && !oldest.done) entries.delete(oldest.value);
      entries.set(key, { version, value });
    }
    return value;
  }
}

/**
 * Every state-changing request may change what anyone sees: before its answer goes out, advance the content
 * version (so the person who made the change sees it on their next page), and have this instance read it again.
 * Routes marked `privateWrite` change only what their author sees: they advance that person's page version
 * instead (the pages kept for them, pages/plugin.ts), and leave everyone else's kept answers alone.
 */
export function registerContentVersionHooks(app: FastifyInstance): void {
  app.addHook('onRequest', (req, _reply, done) => {
    if (!isSafeMethod(req.method)) writes++;
    done();
  });
  app.addHook('onSend', async (req, reply, payload) => {
    if (isSafeMethod(req.method) || reply.statusCode >= 400 || !app.deps.db) return payload;
    if (!isPrivateWrite(req.routeOptions.config)) {
      await sql`select nextval('content_version_seq')`.execute(app.db);
      writes++;
    } else if (req.user) {
      await app.db
        .insertInto('page_versions')
        .values({ user_id: req.user.id, version: '1' })
        .onConflict((oc) => oc.column('user_id').doUpdateSet({ version: sql`page_versions.version + 1` }))
        .execute();
    }
    return payload;
  });
}

/** Something changed outside a request (a background job): every kept answer is read afresh. */
export async function contentChanged(db: Db): Promise<void> {
  await sql`select nextval('content_version_seq')`.execute(db);
  writes++;
}
