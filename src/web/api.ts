// The one way pages talk to the server: the JSON API. On the server the same calls run in-process
// (fastify.inject) with the visitor's cookie, so the first paint and later navigation read the same data.
export interface Problem {
  type?: string;
  title: string;
  status: number;
  detail?: string;
  errors?: { field: string; message: string }[];
  /** An edit conflict's 409 carries what is there now (a problem+json extension member). */
  current?: unknown;
  /** A duplicate's 409 names what exists already (a problem+json extension member: sources). */
  duplicates?: unknown;
}

const API_ERROR: unique symbol = Symbol.for('ldn.api-error');

export class ApiError extends Error {
  readonly [API_ERROR] = true;
  constructor(readonly problem: Problem) {
    super(problem.detail ?? problem.title);
  }
  // The server renders with the built bundle but calls the API through its own copy of this module, so
  // `instanceof` recognises errors made by either copy.
  static override [Symbol.hasInstance](value: unknown): boolean {
    return typeof value === 'object' && value !== null && API_ERROR in value;
  }
  get status() {
    return this.problem.status;
  }
  /** Field errors by field name, for messages beside form fields. */
  fieldErrors(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const e of this.problem.errors ?? []) out[e.field] ??= e.message;
    return out;
  }
}

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export type Transport = (
  method: Method,
  path: string,
  body?: unknown,
  headers?: Record<string, string>,
) => Promise<{ status: number; body: unknown }>;

export interface Api {
  get<T>(path: string): Promise<T>;
  send<T>(method: Exclude<Method, 'GET'>, path: string, body?: unknown): Promise<T>;
  /** Signing in or out rotates the session: remember the new CSRF token. */
  setCsrf(token: string | null): void;
}

export function createApi(transport: Transport, initialCsrf: string | null = null): Api {
  let csrf = initialCsrf;
  // A POST is a submission and carries an Idempotency-Key (the server's http/idempotency.ts): the same call
  // (address and body) made again after its answer was lost (a network error, a server failure, a 409: the first
  // may still be on its way) sends the same key, so it gets the first answer if the first did arrive. Any other
  // answer ends the submission: the same call later is a new one, with a new key. (Pages served over plain http
  // to another machine have no crypto.randomUUID: they send no key.)
  const keys: Record<string, string> = {};
  async function csrfToken(): Promise<string> {
    if (!csrf) {
      const res = await transport('GET', '/api/v1/session');
      csrf = (res.body as { csrfToken: string }).csrfToken;
    }
    return csrf;
  }
  async function call<T>(method: Method, path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = {};
    const id = method === 'POST' && path + JSON.stringify(body);
    if (method !== 'GET') headers['x-csrf-token'] = await csrfToken();
    if (id && crypto.randomUUID) headers['idempotency-key'] = keys[id] ??= crypto.randomUUID();
    const res = await transport(method, `/api/v1${path}`, body, headers);
    if (id && res.status < 500 && res.status !== 409) delete keys[id];
    if (res.status >= 400) {
      // The problem as the server sent it (its extension members too), with a title and status whatever came.
      const p = (res.body ?? {}) as Partial<Problem>;
      throw new ApiError({ ...p, title: p.title ?? String(res.status), status: res.status });
    }
    return res.body as T;
  }
  return {
    get: (path) => call('GET', path),
    send: (method, path, body) => call(method, path, body),
    setCsrf(token) {
      csrf = token;
    },
  };
}

/** Builds a query string from the defined, non-empty values. */
export function query(params: Record<string, string | number | boolean | null | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}
