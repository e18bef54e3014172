// Forms that work without JavaScript (DECISIONS 23): a page's form posts to the page's own address with a hidden
// `_action` naming what it does, its CSRF token in `_csrf` (http/csrf.ts) and `_form` naming the form on the page.
// The action makes the same JSON API call the page's script makes (in-process, with the visitor's identity handed
// over, http/handover.ts), so every check, limit and record is the API's own. Done: 303 to where the action goes.
// Refused: the page is rendered again at the same address, with what was typed (never a password) and why, and
// the refusal's status (400 for bad input; 403 for a missing or stale token), never a JSON answer.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isUiLanguage, type UiLanguage } from '../../contracts/languages';
import type { FormEcho } from '../../contracts/page-state';
import { LANG_COOKIE, setLanguageCookie } from '../http/language';
import { badRequest, HttpError, problemOf, type ProblemBody } from '../http/errors';
import { HANDOVER_HEADER, withHandover } from '../http/handover';
import { sessionCookieName } from '../http/session';

type Fields = Record<string, string | undefined>;
type Method = 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** A refusal answered by the API call a form made: its problem, status and headers as they came. */
class Refused extends Error {
  constructor(
    readonly problem: ProblemBody,
    readonly retryAfter: string | undefined,
  ) {
    super(problem.title);
  }
}

/**
 * Makes the API call of a form whose token this request checked; the session cookie it sets goes to the browser.
 * A creating form's `_idempotency` field (web/ui/FormTokens.vue) goes on as the call's Idempotency-Key: the same
 * form sent again from the same page (a resend, a double click) gets the first answer and creates nothing.
 */
async function callApi(
  req: FastifyRequest,
  reply: FastifyReply,
  method: Method,
  url: string,
  body?: unknown,
  idempotencyKey?: string,
) {
  const res = await withHandover(
    req,
    (key) =>
      req.server.inject({
        method,
        url: `/api/v1${url}?uselang=${req.lang}`,
        headers: {
          [HANDOVER_HEADER]: key,
          cookie: req.headers.cookie ?? '',
          'user-agent': req.headers['user-agent'] ?? '',
          accept: 'application/json',
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...(idempotencyKey ? { 'idempotency-key': idempotencyKey } : {}),
        },
        ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
        remoteAddress: req.ip,
      }),
    undefined,
    true,
  );
  const session = `${sessionCookieName(req.server.deps.config.secureCookies)}=`;
  const cookies = res.headers['set-cookie'];
  for (const c of Array.isArray(cookies) ? cookies : cookies ? [cookies] : [])
    if (c.startsWith(session)) reply.header('set-cookie', c);
  const answer: unknown = res.body ? JSON.parse(res.body) : null;
  if (res.statusCode >= 400) {
    const retry = res.headers['retry-after'];
    throw new Refused(answer as ProblemBody, retry === undefined ? undefined : String(retry));
  }
  return answer;
}

/** Only a path on this site (never `//host` or `/\host`), else `fallback`. */
export const safePath = (value: unknown, fallback: string): string =>
  typeof value === 'string' && /^\/(?![/\\])/.test(value) && !/[\r\n]/.test(value) ? value : fallback;

/** The address without the given query parameters. */
function without(url: string, names: string[]): string {
  const at = url.indexOf('?');
  if (at < 0) return url;
  const path = url.slice(0, at);
  const q = new URLSearchParams(url.slice(at + 1));
  for (const n of names) q.delete(n);
  const rest = q.toString();
  return rest ? `${path}?${rest}` : path;
}

/** The footer's language choice (DECISIONS 23): the preference of a signed-in person, a visitor's cookie. */
async function chooseLanguage(req: FastifyRequest, reply: FastifyReply, f: Fields): Promise<string> {
  const chosen = f.lang ?? '';
  if (chosen !== '' && !isUiLanguage(chosen))
    throw badRequest([{ field: 'lang', message: 'validation-invalid-choice' }]);
  const lang = chosen === '' ? null : chosen;
  const held = req.user ? req.user.uiLanguage : req.cookies[LANG_COOKIE];
  const before = held && isUiLanguage(held) ? held : null;
  if (req.user) await callApi(req, reply, 'PUT', '/me/ui-language', { uiLanguage: lang });
  else setLanguageCookie(reply, lang as UiLanguage | null);
  // The page in the chosen language, with a message saying so and a way back; an undo goes back quietly.
  const back = without(req.url, ['uselang', 'langfrom']);
  if (f.undo || before === lang) return back;
  return `${back}${back.includes('?') ? '&' : '?'}langfrom=${before ?? 'none'}`;
}

type Action = (req: FastifyRequest, reply: FastifyReply, f: Fields) => Promise<string>;

const ACTIONS: Record<string, Action> = {
  async login(req, reply, f) {
    await callApi(req, reply, 'POST', '/session', { username: f.username ?? '', password: f.password ?? '' });
    return safePath(f.returnTo, '/');
  },
  async signup(req, reply, f) {
    const email = f.email?.trim();
    const body = { username: f.username ?? '', password: f.password ?? '', ...(email ? { email } : {}) };
    await callApi(req, reply, 'POST', '/accounts', body, f._idempotency);
    return safePath(f.returnTo, '/');
  },
  async 'wikimedia-signup'(req, reply, f) {
    await callApi(req, reply, 'POST', '/accounts/wikimedia-signup', { username: f.username ?? '' }, f._idempotency);
    return '/welcome';
  },
  async logout(req, reply) {
    await callApi(req, reply, 'DELETE', '/session');
    return '/';
  },
  async comment(req, reply, f) {
    const body = {
      subject: { type: f.subjectType ?? '', id: f.subjectId ?? '' },
      body: f.body ?? '',
      ...(f.parentId ? { parentId: f.parentId } : {}),
    };
    const saved = (await callApi(req, reply, 'POST', '/comments', body, f._idempotency)) as { id: string };
    return `${req.url}#comment-${saved.id}`;
  },
  // The first steps' marks (/welcome): one step done or not, or the list hidden or shown again.
  async firstSteps(req, reply, f) {
    await callApi(req, reply, 'PATCH', '/me/first-steps', { [f.step ?? '']: f.value === 'true' });
    return req.url;
  },
  language: chooseLanguage,
};

/** What a refused form shows: the problem, and the fields as typed, but for passwords and the hidden ones. */
function echoOf(req: FastifyRequest, error: unknown): { echo: FormEcho; retryAfter?: string } {
  let problem: ProblemBody;
  let retryAfter: string | undefined;
  if (error instanceof Refused) {
    problem = error.problem;
    retryAfter = error.retryAfter;
  } else if (error instanceof HttpError) {
    // A missing or stale token: the page comes back with a fresh one, so sending again works.
    problem =
      error.status === 403 && error.options.detailKey === 'error-csrf-detail'
        ? { ...problemOf(req, error), detail: req.t('forms-expired') }
        : problemOf(req, error);
    retryAfter = error.options.headers?.['Retry-After'];
  } else {
    const status = (error as { statusCode?: number }).statusCode ?? 500;
    if (status >= 500) req.log.error({ err: error }, 'unhandled error in a form');
    problem = problemOf(
      req,
      new HttpError(status >= 400 && status < 500 ? status : 500, status >= 500 ? 'error-internal' : undefined),
    );
  }
  const fields = (req.body && typeof req.body === 'object' ? req.body : {}) as Fields;
  const errors: Record<string, string> = {};
  for (const e of problem.errors ?? []) errors[e.field] ??= e.message;
  const values: Record<string, string> = {};
  for (const [k, v] of Object.entries(fields))
    if (typeof v === 'string' && !k.startsWith('_') && !/password/i.test(k)) values[k] = v;
  return {
    echo: {
      form: typeof fields._form === 'string' ? fields._form.slice(0, 200) : '',
      // A wrong password is bad input to the page (401 asks for HTTP authentication, which pages do not use).
      status: problem.status === 401 ? 400 : problem.status,
      message: Object.keys(errors).length ? '' : (problem.detail ?? problem.title),
      errors,
      values,
    },
    retryAfter,
  };
}

export type RefusedPage = (req: FastifyRequest, reply: FastifyReply, echo: FormEcho) => Promise<FastifyReply>;

/** The forms' route: every page address takes its forms' posts (registered by pages/plugin.ts). */
export function formRoutes(refused: RefusedPage) {
  return (scope: FastifyInstance): Promise<void> => {
    scope.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string', bodyLimit: 64 * 1024 },
      (_req, body, done) => {
        const fields: Fields = {};
        for (const [k, v] of new URLSearchParams(String(body))) fields[k] ??= v;
        done(null, fields);
      },
    );
    scope.setErrorHandler(async (error, req, reply) => {
      // An API address nothing else answers is the API's own: its errors stay problem+json (app.ts's handler).
      if (req.url.startsWith('/api/')) throw error;
      const { echo, retryAfter } = echoOf(req, error);
      if (retryAfter) reply.header('retry-after', retryAfter);
      return refused(req, reply, echo);
    });
    scope.post(
      '/*',
      {
        schema: { hide: true },
        // The API call each action makes has its own policy; this one only lets the post reach it.
        config: { form: true, policy: { access: 'anyone', privateWrite: true, openWhileSuspended: true } },
      },
      async (req, reply) => {
        if (req.url.startsWith('/api/')) return reply.callNotFound();
        const fields = (req.body ?? {}) as Fields;
        const name = fields._action ?? '';
        const action = Object.hasOwn(ACTIONS, name) ? ACTIONS[name] : undefined;
        if (!action) throw badRequest([{ field: '_action', message: 'validation-invalid-choice' }]);
        const location = await action(req, reply, fields);
        return reply.header('cache-control', 'no-store').redirect(location, 303);
      },
    );
    return Promise.resolve();
  };
}
