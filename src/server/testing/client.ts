// A test client that behaves like a browser: keeps the session cookie and sends the CSRF token.
import { randomUUID } from 'node:crypto';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { usernameKey } from '../../contracts/usernames';
import { unique } from './harness';

export interface Answer<T = any> {
  status: number;
  body: T;
  headers: LightMyRequestResponse['headers'];
  text: string;
}

export class TestClient {
  cookies = new Map<string, string>();
  csrf: string | null = null;
  bearer: string | null = null;
  constructor(
    readonly app: FastifyInstance,
    readonly ip = '127.0.0.1',
  ) {}

  async request<T = any>(
    method: string,
    url: string,
    body?: unknown,
    headers: Record<string, string> = {},
    form?: Record<string, string>,
  ): Promise<Answer<T>> {
    const h: Record<string, string> = { ...headers };
    if (this.cookies.size) h.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    if (this.bearer) h.authorization = `Bearer ${this.bearer}`;
    if (method !== 'GET' && this.csrf && !form && !('x-csrf-token' in h)) h['x-csrf-token'] = this.csrf;
    // LDN_TEST_IDEMPOTENCY=1 sends every POST with a new Idempotency-Key, as the web pages do: the whole suite
    // then runs its creations inside their requests' own transactions (http/idempotency.ts).
    if (method === 'POST' && process.env.LDN_TEST_IDEMPOTENCY === '1' && !('idempotency-key' in h))
      h['idempotency-key'] = randomUUID();
    const payload = form
      ? {
          payload: new URLSearchParams(form).toString(),
          headers: { ...h, 'content-type': 'application/x-www-form-urlencoded' },
        }
      : body === undefined
        ? {}
        : { payload: JSON.stringify(body), headers: { ...h, 'content-type': 'application/json' } };
    const res = await this.app.inject({
      method: method as 'GET',
      url,
      headers: h,
      remoteAddress: this.ip,
      ...payload,
    });
    for (const c of res.cookies as { name: string; value: string; maxAge?: number; expires?: Date }[]) {
      if (c.value === '' || c.maxAge === 0 || (c.expires && c.expires.getTime() < Date.now()))
        this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    let parsed: unknown = null;
    try {
      parsed = res.body ? JSON.parse(res.body) : null;
    } catch {
      parsed = null;
    }
    const answer = { status: res.statusCode, body: parsed as T, headers: res.headers, text: res.body };
    const token = (parsed as { csrfToken?: unknown } | null)?.csrfToken;
    if (typeof token === 'string') this.csrf = token;
    return answer;
  }

  get = <T = any>(url: string, headers?: Record<string, string>) => this.request<T>('GET', url, undefined, headers);
  post = <T = any>(url: string, body?: unknown, headers?: Record<string, string>) =>
    this.request<T>('POST', url, body, headers);
  put = <T = any>(url: string, body?: unknown) => this.request<T>('PUT', url, body);
  patch = <T = any>(url: string, body?: unknown) => this.request<T>('PATCH', url, body);
  delete = <T = any>(url: string) => this.request<T>('DELETE', url);
  /** Sends a page's form as a browser without JavaScript does (urlencoded, its token in the `_csrf` field). */
  form = (url: string, fields: Record<string, string>) => this.request('POST', url, undefined, {}, fields);

  /** Starts an anonymous session and takes its CSRF token. */
  async start(): Promise<this> {
    await this.get('/api/v1/session');
    return this;
  }
}

/** A browser-like client, signed up as a new person. */
export async function signedUp(
  app: FastifyInstance,
  name = unique('user'),
  password = 'correct horse battery',
): Promise<TestClient & { username: string; userId: number }> {
  const c = await new TestClient(app).start();
  const res = await c.post('/api/v1/accounts', { username: name, password });
  if (res.status !== 201) throw new Error(`sign-up failed: ${res.status} ${res.text}`);
  return Object.assign(c, { username: name, userId: Number(res.body.user.id) });
}

/** Gives a role directly in the database (what `npm run ldn -- grant` does). */
export async function grantRole(app: FastifyInstance, username: string, role: 'admin' | 'moderator'): Promise<void> {
  const { sql } = await import('kysely');
  await app.db
    .updateTable('users')
    .set({ roles: sql<string[]>`array_append(roles, ${role})` })
    .where('username_key', '=', usernameKey(username))
    .execute();
}
