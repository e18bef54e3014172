// Server-rendered pages: every GET that is not API or an asset renders the Vue app for that URL, with the
// data its route loads through the same JSON API (in-process), so the page reads without JavaScript.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import path from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fastifyStatic from '@fastify/static';
import { isRtl, isUiLanguage } from '../../contracts/languages';
import type { FormEcho, PageState } from '../../contracts/page-state';
import { createApi, type Method, type Transport } from '../../web/api';
import { fullTitle } from '../../contracts/title';
import { presentCurrentUser } from '../features/accounts';
import { myFirstSteps } from '../features/first-steps';
import { unread } from '../features/notifications';
import type { Ctx } from '../http/context';
import { ctxOf } from '../http/ctx';
import { CONTENT_SCOPES, scopesOfPage, VersionedCache, type ContentScope } from '../http/content-cache';
import { answerEncoding } from '../http/compression/answers';
import { compress, type Encoding } from '../http/compression/encoding';
import { spliceAnswer, spliceHolds, spliceStart, type SplicedStart } from '../http/compression/splice';
import { formTokenFor } from '../http/csrf';
import { HANDOVER_HEADER, withHandover } from '../http/handover';
import { messagesOf } from '../http/i18n';
import { distDir, loadWebBundle, type WebBundle } from './bundle';
import { renderDocument } from './document';
import { formRoutes } from './forms';
import { languageNotice } from './notices';
import { registerTimeZoneRoute, viewerZone } from './time-zone';

interface PageMessages {
  messages: Record<string, string>;
  json: string;
  url: string;
}
const mergedMessages = new Map<string, PageMessages>();
/** A language's messages with English under them, and the content-hashed URL the browser loads them from. */
function pageMessages(lang: string): PageMessages {
  let m = mergedMessages.get(lang);
  if (!m) {
    const messages = { ...messagesOf('en'), ...messagesOf(lang) };
    const json = JSON.stringify(messages);
    const hash = createHash('sha256').update(json).digest('hex').slice(0, 12);
    m = { messages, json, url: `/i18n/${lang}.${hash}.json` };
    mergedMessages.set(lang, m);
  }
  return m;
}

/**
 * The reads every signed-in page makes (the header's unread count and first steps), answered by their use cases
 * with the page request's own context: the answer the route gives (the use case checks the same access, and
 * neither route is scoped, language-dependent or counted), without a request built and run through every hook
 * for it. A use case that refuses leaves the call to the route, which answers with its problem.
 */
const IN_PROCESS_READS: Record<string, (ctx: Ctx) => Promise<unknown>> = {
  '/api/v1/notifications/unread': unread,
  '/api/v1/me/first-steps': myFirstSteps,
};

/** The messages of `keys` that the language has (a page asks for some it lacks, such as Codex's own). */
function messagesFor(messages: Record<string, string>, keys: Set<string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of keys) {
    const message = messages[key];
    if (message !== undefined) out[key] = message;
  }
  return out;
}

/** Runs API calls in-process with the visitor's cookie and language. */
function injectTransport(app: FastifyInstance, req: FastifyRequest, handover: string): Transport {
  const transport = async (
    method: Method,
    url: string,
    body: unknown,
    headers: Record<string, string>,
    hops: number,
  ): ReturnType<Transport> => {
    const read = method === 'GET' ? IN_PROCESS_READS[url] : undefined;
    if (read && req.user) {
      const answer = await read(ctxOf(req)).catch(() => undefined);
      if (answer !== undefined) return { status: 200, body: answer };
    }
    const sep = url.includes('?') ? '&' : '?';
    const res = await app.inject({
      method,
      url: `${url}${sep}uselang=${req.lang}`,
      headers: {
        ...headers,
        [HANDOVER_HEADER]: handover,
        cookie: req.headers.cookie ?? '',
        'user-agent': req.headers['user-agent'] ?? '',
        accept: 'application/json',
      },
      payload: body as object | undefined,
      remoteAddress: req.ip,
    });
    // A moved API address (a merged source answers 301) is followed, as the browser's fetch follows it, so a
    // page at an old address renders what it moved to.
    const location = res.headers.location;
    if (method === 'GET' && (res.statusCode === 301 || res.statusCode === 308) && typeof location === 'string') {
      const next = location.replace(/[?&]uselang=[^&]*/, '');
      if (next.startsWith('/api/') && hops < 3) return transport(method, next, body, headers, hops + 1);
    }
    return { status: res.statusCode, body: res.body ? JSON.parse(res.body) : null };
  };
  return (method, url, body, headers = {}) => transport(method, url, body, headers, 0);
}

// Rendered documents hold these stand-ins where each answer's forms' CSRF token and key go, so a kept page can be
// sent again with fresh ones. Random per process: page content can never guess them.
const CSRF_SLOT = randomBytes(16).toString('hex');
const FORM_KEY_SLOT = randomBytes(16).toString('hex');

interface RenderedPage {
  status: number;
  html: string;
  /** Its compressed forms, made when first asked for (see `compressedPage`). */
  compressed?: Partial<Record<Encoding, CompressedPage>>;
  /** Whether its forms need the CSRF token, found when first sent. */
  hasForms?: boolean;
}

/** Renders the page; `shows` gathers the content scopes of the API routes its data came through. */
async function renderHtml(
  app: FastifyInstance,
  bundle: WebBundle,
  req: FastifyRequest,
  shows: Set<ContentScope>,
  form?: FormEcho,
): Promise<RenderedPage> {
  const state: PageState = {
    lang: req.lang,
    dir: isRtl(req.lang) ? 'rtl' : 'ltr',
    timeZone: viewerZone(req),
    user: presentCurrentUser(req.user),
    features: { wikimediaLogin: !!(app.deps.config.wikimedia.clientId && app.deps.config.wikimedia.clientSecret) },
    messagesUrl: pageMessages(req.lang).url,
    data: {},
    status: 200,
    csrf: CSRF_SLOT,
    formKey: FORM_KEY_SLOT,
    ...(form ? { form } : {}),
  };
  const notice = languageNotice(req, CSRF_SLOT, form);
  if (notice) state.notice = notice;
  const result = await withHandover(
    req,
    (key) => {
      const api = createApi(injectTransport(app, req, key), req.session?.csrfToken ?? null);
      return bundle.render(req.url, state, pageMessages(req.lang).messages, api);
    },
    shows,
  );
  const preloads = bundle.preloadsFor(result.modules);
  // The browser names the first page as the server did (entry-client's afterEach).
  result.messageKeys.add('site-name');
  if (result.titleKey) result.messageKeys.add(result.titleKey);
  const html = renderDocument({
    state: { ...result.state, messages: messagesFor(pageMessages(req.lang).messages, result.messageKeys) },
    title: result.title || fullTitle(result.titleKey ? req.t(result.titleKey) : '', req.t('site-name')),
    html: result.html,
    teleports: result.teleports,
    codexCss: bundle.codexCssFor(preloads.scripts)[state.dir],
    codexCssAll: bundle.codexCssAll[state.dir],
    css: [...bundle.entryCss, ...preloads.css],
    entryScript: bundle.entryScript,
    preloadScripts: preloads.scripts,
  });
  return { status: form?.status ?? result.status, html };
}

// Pages as anonymous visitors see them are the same for all of them (no person, no token in the page): kept
// per language, zone, day and address while the content version stays the same (http/content-cache.ts): the
// global one, and that of each scope the page shows. A page shows a scope when its address is under the scope's
// pages (SCOPE_PAGES: /documents, /amendments, /adaptations for documents) or when its data came through a
// route or kept answer of that scope; every other page is kept under the global version only, so a translator's
// save leaves the initiatives' pages kept.
const anonymousPages = new VersionedCache<RenderedPage>('pages.anonymous');
// A signed-in person's page is theirs alone (their name, their session's CSRF token, what they may do): kept per
// session while neither the content version (global and every scope: a scoped write may notify them, and the
// header shows their unread count) nor their own page version (advanced by their private writes: follows, read
// marks, settings) moves, so reloading or coming back to a page costs no rendering.
const personalPages = new VersionedCache<RenderedPage>('pages.personal');

// Pages that show a visitor's own session although no one is signed in: never kept, so never shown to another.
// (The Wikimedia log-in waiting for a username names that Wikimedia account.)
const SESSION_PAGES = new Set(['/signup/wikimedia']);

function pageKey(app: FastifyInstance, req: FastifyRequest): string | null {
  const day = app.deps.clock.now().toISOString().slice(0, 10);
  const where = `${req.lang}|${viewerZone(req)}|${day}|${req.url}`;
  if (SESSION_PAGES.has(req.url.split('?')[0] ?? '')) return null;
  if (!req.user) return `anonymous|${where}`;
  // Signed in by a personal token rather than a session: rendered every time.
  if (!req.session || req.user.pageVersion === undefined) return null;
  return `${req.session.id}|${req.user.pageVersion}|${req.user.suspendedUntil?.toISOString() ?? ''}|${where}`;
}

export async function renderPage(app: FastifyInstance, bundle: WebBundle, req: FastifyRequest, reply: FastifyReply) {
  const key = pageKey(app, req);
  const shows = new Set<ContentScope>(req.user ? CONTENT_SCOPES : scopesOfPage(req.url));
  const render = () => renderHtml(app, bundle, req, shows);
  const ok = (p: RenderedPage) => p.status === 200;
  const page =
    key === null
      ? await render()
      : await (req.user ? personalPages : anonymousPages).get(app.db, key, render, ok, shows);
  return sendPage(req, reply, page);
}

/**
 * A kept page compressed once: whole when it holds no stand-in, else its start up to the first stand-in, with the
 * rest (the state's last members when the page has no forms of its own) sent as stored bytes after it
 * (http/compression/splice.ts). A page whose stand-ins come early (forms in the page) is compressed per answer.
 */
type CompressedPage = { whole: Buffer } | { start: SplicedStart; tailAt: number } | null;

/** How much of a page may follow its kept compressed start uncompressed. */
const MAX_SPLICED_TAIL = 4096;

function compressedPage(page: RenderedPage, encoding: Encoding): CompressedPage {
  const kept = (page.compressed ??= {});
  const known = kept[encoding];
  if (known !== undefined) return known;
  const at = [CSRF_SLOT, FORM_KEY_SLOT].map((slot) => page.html.indexOf(slot)).filter((i) => i >= 0);
  let made: CompressedPage = null;
  if (!at.length) made = { whole: compress(Buffer.from(page.html), encoding, 'kept') };
  else {
    const tailAt = Math.min(...at);
    if (page.html.length - tailAt <= MAX_SPLICED_TAIL) {
      const start = Buffer.from(page.html.slice(0, tailAt));
      const spliced = spliceStart(start, encoding);
      // Checked once with a stand-in filled, so a format mistake shows as an uncompressed page, never a broken one.
      if (spliceHolds(spliced, start, Buffer.from(fillSlots(page.html.slice(tailAt), 'x', 'y'))))
        made = { start: spliced, tailAt };
    }
  }
  kept[encoding] = made;
  return made;
}

const fillSlots = (html: string, csrf: string, formKey: string) =>
  html.split(FORM_KEY_SLOT).join(formKey).split(CSRF_SLOT).join(csrf);

/**
 * Sends a rendered page with its forms' key (new with each answer: a kept page is sent to many, and each sending
 * is a new chance to submit) and, masked afresh, its forms' CSRF token; compressed when the browser takes it.
 */
async function sendPage(req: FastifyRequest, reply: FastifyReply, page: RenderedPage) {
  page.hasForms ??= page.html.includes(CSRF_SLOT);
  const csrf = page.hasForms ? await formTokenFor(req, reply) : '';
  const formKey = randomUUID().replaceAll('-', '');
  reply
    .code(page.status)
    .header('cache-control', 'private, no-cache')
    .header('vary', 'Cookie, Accept-Language')
    .type('text/html; charset=utf-8');
  const encoding = answerEncoding(req, reply);
  if (!encoding) return reply.send(fillSlots(page.html, csrf, formKey));
  const kept = compressedPage(page, encoding);
  const body = !kept
    ? compress(Buffer.from(fillSlots(page.html, csrf, formKey)), encoding, 'once')
    : 'whole' in kept
      ? kept.whole
      : spliceAnswer(kept.start, Buffer.from(fillSlots(page.html.slice(kept.tailAt), csrf, formKey)));
  return reply.header('content-encoding', encoding).send(body);
}

/** The page of a form sent without JavaScript and refused, rendered afresh (never kept) with the form's echo. */
export async function renderRefusedForm(
  app: FastifyInstance,
  bundle: WebBundle,
  req: FastifyRequest,
  reply: FastifyReply,
  form: FormEcho,
) {
  const shows = new Set<ContentScope>(CONTENT_SCOPES);
  return sendPage(req, reply, await renderHtml(app, bundle, req, shows, form));
}

export async function registerPages(app: FastifyInstance): Promise<void> {
  const bundle = await loadWebBundle();
  await app.register(fastifyStatic, {
    root: path.join(distDir, 'client/assets'),
    prefix: '/assets/',
    immutable: true,
    maxAge: '365d',
    preCompressed: true,
    decorateReply: false,
  });
  const anyone = { policy: { access: 'anyone' } } as const;
  registerTimeZoneRoute(app);
  app.get('/i18n/:file', { schema: { hide: true }, config: anyone }, async (req, reply) => {
    const match = /^([a-z-]+)\.([0-9a-f]{12})\.json$/.exec((req.params as { file: string }).file);
    const lang = match?.[1];
    if (!match || lang === undefined || !isUiLanguage(lang) || pageMessages(lang).url !== `/i18n/${match[0]}`)
      return reply.callNotFound();
    return reply
      .header('cache-control', 'public, max-age=31536000, immutable')
      .type('application/json; charset=utf-8')
      .send(pageMessages(lang).json);
  });
  app.get('/*', { schema: { hide: true }, config: anyone }, async (req, reply) => {
    if (req.url.startsWith('/api/')) return reply.callNotFound();
    return renderPage(app, bundle, req, reply);
  });
  await app.register(formRoutes((req, reply, echo) => renderRefusedForm(app, bundle, req, reply, echo)));
}
