// While the platform starts (the database opens and migrates: seconds on a busy machine), a page request gets a
// small page in the visitor's language that reloads itself, with `Retry-After`; API calls keep their
// problem+json 503 (app.ts). Only this page's two messages are read: neither the web bundle nor the database
// is needed.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { isRtl } from '../../contracts/languages';
import { fullTitle } from '../../contracts/title';
import { messagesOf } from '../http/i18n';
import { escapeHtml } from '../text/escape-html';

/** Seconds before the page reloads, and the `Retry-After` it is sent with. */
export const STARTING_RETRY_SECONDS = 2;

/** Requests answered with this page rather than problem+json: everything but the API and files. */
export const isPageRequest = (url: string): boolean =>
  !/^\/(api|assets|i18n)(\/|$)/.test(url) && !url.startsWith('/healthz');

const message = (lang: string, key: string): string => messagesOf(lang)[key] ?? messagesOf('en')[key] ?? key;

// With JavaScript the page asks the health check every second and reloads once, when the platform is ready, so
// a screen reader does not hear it anew every few seconds; without, the meta refresh reloads it (in <noscript>,
// which browsers with scripting on read as text, so they never run both).
const POLL =
  "(function p(){fetch('/healthz',{cache:'no-store'}).then(function(r){r.ok?location.reload():setTimeout(p,1000)}," +
  'function(){setTimeout(p,1000)})})()';

/** The page itself, in `lang`, with the answer's CSP nonces for its style and script elements. */
export function startingHtml(lang: string, nonce: { script: string; style: string }): string {
  const title = message(lang, 'starting-title');
  const css =
    'body{margin:0;padding:32px 16px;font-family:system-ui,sans-serif;line-height:1.6;color:#202122;background:#f8f9fa}' +
    'main{max-width:36rem;margin:0 auto}h1{font-weight:400;font-size:1.6rem;margin:0 0 16px}';
  return (
    `<!doctype html><html lang="${escapeHtml(lang)}" dir="${isRtl(lang) ? 'rtl' : 'ltr'}"><head>` +
    `<meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<noscript><meta http-equiv="refresh" content="${STARTING_RETRY_SECONDS}"></noscript>` +
    `<title>${escapeHtml(fullTitle(title, message(lang, 'site-name')))}</title><link rel="icon" href="data:,">` +
    `<style nonce="${escapeHtml(nonce.style)}">${css}</style><script nonce="${escapeHtml(nonce.script)}">${POLL}</script></head>` +
    `<body><main><h1>${escapeHtml(title)}</h1><p>${escapeHtml(message(lang, 'starting-text'))}</p></main></body></html>`
  );
}

/** Answers a page request while the database is not ready, in the request's language (language.ts). */
export function sendStartingPage(req: FastifyRequest, reply: FastifyReply): FastifyReply {
  return reply
    .code(503)
    .header('retry-after', String(STARTING_RETRY_SECONDS))
    .header('cache-control', 'no-store')
    .type('text/html; charset=utf-8')
    .send(startingHtml(req.lang, reply.cspNonce ?? { script: '', style: '' }));
}
