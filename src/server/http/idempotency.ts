// Retries never duplicate: a creating request (its route's policy says `idempotent: true`) may carry an
// `Idempotency-Key` header, a random value the client makes once per submission (a UUID) and sends again with
// every retry of it. A retry by the same sender within 24 hours gets the first answer again (status, body,
// `Location`, marked `Idempotency-Replayed: true`) and creates nothing; the same key with a different request
// (another body or address) is a 409, and so is a retry while the first is still being handled. Only successful
// answers are kept: a refusal or a failure leaves the key free, so a corrected retry goes through.
//
// Why one transaction: a write that committed but whose answer was lost (a crash, a dropped connection) must be
// recognised when the client retries. So the key's record is written in the same transaction as the creation:
// the request runs in one transaction (db/request-transaction.ts; the use case's own transactions become
// savepoints of it), and just before the answer goes out its record (status, headers, body) is added and the
// whole commits. Either both the creation and its record are there, or neither is and the retry creates afresh.
// A retry while the first is in flight finds the key's advisory lock taken (held by that transaction, released
// by the database when it ends or its connection dies) and is refused with a 409, never made to wait.
//
// Scope: a key belongs to the person who sent it, however they are signed in (their sessions and personal tokens
// alike), so two people's equal keys never meet. Anonymous creations (signing up) are scoped by the client's
// address: keys are random, so people sharing an address (a workshop) never share one.
//
// What is stored: a hash of the scope and the key, a hash of the request, and the answer encrypted (AES-256-GCM)
// with a key derived from the client's key, which the database never holds: answers may carry a new personal
// token's secret or a session's CSRF token. A replay never sets cookies (a lost sign-up's answer replayed does
// not sign anyone in: the person logs in). Records expire after 24 hours; an hourly job deletes them.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { sql } from 'kysely';
import type { Db } from '../db/connection';
import { beginRequestTransaction, type RequestTransaction } from '../db/request-transaction';
import { registerSchedule } from '../jobs/queue';
import { badRequest, conflict } from './errors';
import { policyOf } from './route-policy';

export const IDEMPOTENCY_HEADER = 'Idempotency-Key';
export const REPLAYED_HEADER = 'Idempotency-Replayed';
/** Visible ASCII, long enough to be random (a UUID is 36 characters). */
const KEY_PATTERN = /^[\x21-\x7e]{16,255}$/;
const KEEP_MS = 24 * 3600_000;
/** Headers of the first answer that a replay gives again (never cookies). */
const KEPT_HEADERS = ['content-type', 'location'] as const;
/** First half of the advisory lock a key in flight holds (the second: hashtext of the key's record's hash). */
export const LOCK_CLASS = 7405113;
export const EXPIRE_JOB = 'http.idempotency-expire';

interface Claim {
  tx: RequestTransaction;
  keyHash: string;
  requestHash: string;
  secret: Buffer;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** A creating request sent with an Idempotency-Key: its transaction and its record's identity. */
    idempotency?: Claim;
  }
}

const sha256 = (...parts: string[]) => createHash('sha256').update(parts.join('\u0000'));

/** The same value whatever the order of object keys. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    const obj = value as Record<string, unknown>;
    return Object.fromEntries(
      Object.keys(obj)
        .sort()
        .map((k) => [k, canonical(obj[k])]),
    );
  }
  return value;
}

/** Whose keys a request's key is among: the person's, or for anonymous creations the address's. */
export const scopeOf = (req: Pick<FastifyRequest, 'user' | 'ip'>): string =>
  req.user ? `user:${req.user.id}` : `address:${req.ip}`;

/** The record's identity: neither the scope nor the key can be read from it. */
export const keyHashOf = (scope: string, key: string): string => sha256('key', scope, key).digest('hex');

function seal(secret: Buffer, text: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', secret, iv);
  const body = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
}

function open(secret: Buffer, sealed: string): string {
  const raw = Buffer.from(sealed, 'base64');
  const decipher = createDecipheriv('aes-256-gcm', secret, raw.subarray(0, 12));
  decipher.setAuthTag(raw.subarray(12, 28));
  return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
}

interface Answer {
  headers: Record<string, string>;
  body: string;
}

/** Checks the key: a replay is sent from here; otherwise the request goes on inside its transaction. */
async function claim(app: FastifyInstance, req: FastifyRequest, reply: FastifyReply, key: string) {
  if (!KEY_PATTERN.test(key)) throw badRequest([{ field: IDEMPOTENCY_HEADER, message: 'idempotency-key-invalid' }]);
  const scope = scopeOf(req);
  const keyHash = keyHashOf(scope, key);
  const secret = sha256('answer', scope, key).digest();
  const path = req.url.split('?')[0] ?? '';
  const type = String(req.headers['content-type'] ?? '');
  const requestHash = sha256(req.method, path, type, JSON.stringify(canonical(req.body ?? null)) ?? '').digest('hex');
  const tx = await beginRequestTransaction(app.db);
  try {
    const { rows } = await sql<{ free: boolean }>`
      select pg_try_advisory_xact_lock(${LOCK_CLASS}, hashtext(${keyHash})) as free`.execute(tx.db);
    if (!rows[0]?.free) throw conflict('idempotency-in-flight');
    const now = app.deps.clock.now();
    const row = await tx.db
      .selectFrom('idempotency_keys')
      .select(['request_hash', 'status', 'answer', 'expires_at'])
      .where('key_hash', '=', keyHash)
      .executeTakeFirst();
    if (row && row.expires_at <= now) {
      await tx.db.deleteFrom('idempotency_keys').where('key_hash', '=', keyHash).execute();
    } else if (row) {
      if (row.request_hash !== requestHash) throw conflict('idempotency-key-reused');
      await tx.rollback();
      const answer = JSON.parse(open(secret, row.answer)) as Answer;
      return reply.code(row.status).headers(answer.headers).header(REPLAYED_HEADER, 'true').send(answer.body);
    }
    req.idempotency = { tx, keyHash, requestHash, secret };
  } catch (err) {
    await tx.rollback();
    throw err;
  }
}

/** Keeps a successful answer in the request's transaction and commits; anything else undoes the request. */
async function settle(app: FastifyInstance, req: FastifyRequest, reply: FastifyReply, payload: unknown) {
  const c = req.idempotency;
  if (!c?.tx.open) return;
  const ok = reply.statusCode >= 200 && reply.statusCode < 300;
  const body = typeof payload === 'string' ? payload : Buffer.isBuffer(payload) ? payload.toString('utf8') : null;
  if (!ok) return c.tx.rollback();
  try {
    // A streamed answer (none of today's creations) cannot be kept: the creation stands without a record.
    if (body !== null || payload === undefined || payload === null) {
      const headers: Record<string, string> = {};
      for (const name of KEPT_HEADERS) {
        const value = reply.getHeader(name);
        if (value !== undefined) headers[name] = String(value);
      }
      const now = app.deps.clock.now();
      await c.tx.db
        .insertInto('idempotency_keys')
        .values({
          key_hash: c.keyHash,
          request_hash: c.requestHash,
          status: reply.statusCode,
          answer: seal(c.secret, JSON.stringify({ headers, body: body ?? '' } satisfies Answer)),
          created_at: now,
          expires_at: new Date(now.getTime() + KEEP_MS),
        })
        .execute();
    }
    await c.tx.commit();
  } catch (err) {
    await c.tx.rollback();
    throw err;
  }
}

/** Deletes the records older than 24 hours. */
export async function expireIdempotencyKeys(db: Db, now: Date): Promise<number> {
  const res = await db.deleteFrom('idempotency_keys').where('expires_at', '<=', now).executeTakeFirst();
  return Number(res.numDeletedRows);
}

const HOUR = 3600_000;
const nextHour = (after: Date) => new Date((Math.floor(after.getTime() / HOUR) + 1) * HOUR);

/**
 * The keys' hooks, registered before the content version's (its `onSend` must find this request's transaction
 * ended: PGlite is one connection), and the hourly job that deletes expired records.
 */
export function registerIdempotency(app: FastifyInstance): void {
  registerSchedule(EXPIRE_JOB, nextHour, async (_payload, job) => {
    await expireIdempotencyKeys(job.db, job.deps.clock.now());
  });
  // The hooks return at once, without a promise, for every request that carries no key (all reads).
  app.addHook('preHandler', (req, reply, done) => {
    const key = policyOf(req.routeOptions.config)?.idempotent ? req.headers[IDEMPOTENCY_HEADER.toLowerCase()] : null;
    if (typeof key !== 'string') return done();
    claim(app, req, reply, key).then(() => done(), done);
  });
  app.addHook('onSend', (req, reply, payload, done) => {
    if (!req.idempotency?.tx.open) return done(null, payload);
    settle(app, req, reply, payload).then(
      () => done(null, payload),
      (err: unknown) => done(err as Error),
    );
  });
  // Whatever went wrong before an answer was sent, the transaction ends with the request.
  app.addHook('onResponse', (req, _reply, done) => {
    if (!req.idempotency?.tx.open) return done();
    req.idempotency.tx.rollback().then(() => done(), done);
  });
}
