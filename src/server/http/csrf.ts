// CSRF tokens of forms sent without JavaScript (DECISIONS 23). Pages are rendered with a stand-in where the token
// goes (pages/plugin.ts) and the token is put in when the page is sent, masked afresh for every answer, so a kept
// page serves everyone and a compressed page never repeats the secret (BREACH). A signed-in person's token is
// their session's. A visitor without a session gets a signed double-submit token instead: a cookie, and the same
// value in the form's hidden `_csrf` field; sending a kept page writes no session. The JSON API keeps its header.
import { createHmac } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../db/connection';
import { pooledRandomBytes } from './random';
import { safeEqual } from './tokens';

/** The hidden field a form's token travels in. */
export const FORM_TOKEN_FIELD = '_csrf';

/** The visitor's token cookie; `__Host-` on HTTPS, so no other host (a subdomain) can set it. */
export const visitorCookieName = (secure: boolean) => (secure ? '__Host-ldn_csrf' : 'ldn_csrf');

/** The token for one answer: a fresh random pad and the token XOR the pad. */
export function maskToken(token: string): string {
  const raw = Buffer.from(token, 'utf8');
  const pad = pooledRandomBytes(raw.length);
  const mixed = Buffer.alloc(raw.length);
  for (let i = 0; i < raw.length; i++) mixed[i] = raw[i]! ^ pad[i]!;
  return `${pad.toString('base64url')}.${mixed.toString('base64url')}`;
}

/** The token a masked value stands for, or null when it is not one. */
export function unmaskToken(masked: string): string | null {
  if (masked.length > 400) return null;
  const parts = masked.split('.');
  if (parts.length !== 2) return null;
  const pad = Buffer.from(parts[0]!, 'base64url');
  const mixed = Buffer.from(parts[1]!, 'base64url');
  if (pad.length === 0 || pad.length !== mixed.length) return null;
  const raw = Buffer.alloc(pad.length);
  for (let i = 0; i < pad.length; i++) raw[i] = pad[i]! ^ mixed[i]!;
  return raw.toString('utf8');
}

// The key is made by a migration (0025) and the same for every instance on the database; read once per process.
const keys = new WeakMap<Db, Promise<Buffer>>();
function formsKey(db: Db): Promise<Buffer> {
  let key = keys.get(db);
  if (!key) {
    key = db
      .selectFrom('signing_keys')
      .select('secret')
      .where('name', '=', 'forms')
      .executeTakeFirstOrThrow()
      .then((row) => Buffer.from(row.secret, 'utf8'));
    key.catch(() => keys.delete(db));
    keys.set(db, key);
  }
  return key;
}

const sign = (key: Buffer, value: string) => createHmac('sha256', key).update(value).digest('base64url');

/** Whether a visitor token is one this site made (random part, then its signature). */
async function signedByUs(db: Db, token: string): Promise<boolean> {
  const [value, signature, extra] = token.split('.');
  if (!value || !signature || extra !== undefined || value.length > 64) return false;
  return safeEqual(signature, sign(await formsKey(db), value));
}

/**
 * The masked token for the forms of the page being sent: the session's when there is one; else the visitor's
 * signed cookie, set now when it is missing or not ours.
 */
export async function formTokenFor(req: FastifyRequest, reply: FastifyReply): Promise<string> {
  if (req.session) return maskToken(req.session.csrfToken);
  const { db, config } = req.server.deps;
  const name = visitorCookieName(config.secureCookies);
  let token = req.cookies[name];
  if (!db) throw new Error('form tokens need the database');
  if (!token || !(await signedByUs(db, token))) {
    const value = pooledRandomBytes(24).toString('base64url');
    token = `${value}.${sign(await formsKey(db), value)}`;
    reply.setCookie(name, token, { path: '/', httpOnly: true, sameSite: 'lax', secure: config.secureCookies });
  }
  return maskToken(token);
}

/**
 * Whether a form's `_csrf` field is right: the session's token; for someone not signed in, also the signed
 * double-submit token equal to their cookie (a kept page may predate the session a script started).
 */
export async function formTokenValid(req: FastifyRequest, sent: unknown): Promise<boolean> {
  const token = typeof sent === 'string' ? unmaskToken(sent) : null;
  if (!token) return false;
  if (req.session && safeEqual(token, req.session.csrfToken)) return true;
  if (req.user) return false;
  const db = req.server.deps.db;
  const cookie = req.cookies[visitorCookieName(req.server.deps.config.secureCookies)];
  return !!db && !!cookie && safeEqual(token, cookie) && (await signedByUs(db, cookie));
}
