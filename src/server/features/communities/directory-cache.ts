// Answers of the public directories (participants, communities, their filters, the overview counts) are the
// same for every viewer, so an instance keeps them, serialized, until the data changes. The database's
// directory version (a sequence every change to people, groups, memberships and terms advances, through
// triggers) says when: it is read again on the next request after any state-changing request this process
// served, and otherwise at most every FRESH_MS, so changes made by other instances show within that time.
import { sql } from 'kysely';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Db } from '../../db/connection';

const FRESH_MS = 1000;
const MAX_ENTRIES = 500;

interface State {
  entries: Map<string, { version: string; json: string }>;
  version: string | null;
  checkedAt: number;
  writesSeen: number;
  pending: Promise<string> | null;
}

const states = new WeakMap<Db, State>();
let writes = 0;

function stateOf(db: Db): State {
  let s = states.get(db);
  if (!s) {
    s = { entries: new Map(), version: null, checkedAt: 0, writesSeen: -1, pending: null };
    states.set(db, s);
  }
  return s;
}

async function readVersion(db: Db): Promise<string> {
  const { rows } = await sql<{ last_value: string | number; is_called: boolean }>`select last_value, is_called from directory_version_seq`.execute(db);
  return `${rows[0].last_value}:${rows[0].is_called}`;
}

async function currentVersion(db: Db, s: State): Promise<string> {
  if (s.version !== null && s.writesSeen === writes && Date.now() - s.checkedAt < FRESH_MS) return s.version;
  // Concurrent requests share one read of the version.
  s.pending ??= (async () => {
    const seen = writes;
    try {
      const v = await readVersion(db);
      Object.assign(s, { version: v, checkedAt: Date.now(), writesSeen: seen });
      return v;
    } finally {
      s.pending = null;
    }
  })();
  return s.pending;
}

/** The JSON answer for `key`, from the instance's cache while the directory version stays the same. */
export async function cachedJson(db: Db, key: string, compute: () => Promise<unknown>): Promise<string> {
  const s = stateOf(db);
  const version = await currentVersion(db, s);
  const hit = s.entries.get(key);
  if (hit && hit.version === version) return hit.json;
  const json = JSON.stringify(await compute());
  if (s.entries.size >= MAX_ENTRIES) s.entries.delete(s.entries.keys().next().value!);
  s.entries.set(key, { version, json });
  return json;
}

/** Every state-changing request may change what the directories show: read the version again after it. */
export function registerDirectoryCacheHooks(app: FastifyInstance): void {
  const mark = async (req: { method: string }) => {
    if (req.method !== 'GET' && req.method !== 'HEAD' && req.method !== 'OPTIONS') writes++;
  };
  app.addHook('onRequest', mark);
  app.addHook('onResponse', mark);
}

/** Sends an answer that is already JSON (Fastify passes strings through without serializing them again). */
export const sendJson = (reply: FastifyReply, json: string) => reply.type('application/json; charset=utf-8').send(json);
