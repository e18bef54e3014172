// Interface language of a request: ?uselang=xx, then the signed-in person's preference, then the language
// cookie (a visitor's choice in the footer or an earlier ?uselang), then Accept-Language, then English.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { fromAcceptLanguage, isUiLanguage, type UiLanguage } from '../../contracts/languages';
import { translator } from './i18n';

export const LANG_COOKIE = 'ldn_lang';

function queryLang(req: FastifyRequest): string | null {
  const q = req.query as Record<string, unknown> | undefined;
  const v = q && typeof q.uselang === 'string' ? q.uselang.toLowerCase() : null;
  return v && isUiLanguage(v) ? v : null;
}

export function resolveLanguage(req: FastifyRequest): UiLanguage {
  const fromQuery = queryLang(req);
  if (fromQuery) return fromQuery as UiLanguage;
  const pref = req.user?.uiLanguage;
  if (pref && isUiLanguage(pref)) return pref;
  const cookie = req.cookies?.[LANG_COOKIE];
  if (cookie && isUiLanguage(cookie)) return cookie;
  return fromAcceptLanguage(req.headers['accept-language']) ?? 'en';
}

/**
 * Keeps a visitor's language in the cookie (the footer's choice, a `?uselang=` link: DECISIONS 23); `Secure` on a
 * site served over https, like every other cookie of the site.
 */
export function setLanguageCookie(reply: FastifyReply, lang: UiLanguage | null): void {
  const secure = reply.server.deps.config.secureCookies;
  if (lang) reply.setCookie(LANG_COOKIE, lang, { path: '/', sameSite: 'lax', secure, maxAge: 365 * 24 * 3600 });
  else reply.clearCookie(LANG_COOKIE, { path: '/', secure });
}

function apply(req: FastifyRequest, reply: FastifyReply, authenticated: boolean) {
  // Before authentication every request gets its language; after it, only a signed-in person's preference can
  // change it.
  if (!authenticated || req.user) {
    req.lang = resolveLanguage(req);
    req.t = translator(req.lang);
  }
  if (!authenticated) return;
  const fromQuery = queryLang(req);
  // A `?uselang=` sticks for people who are not signed in; for a signed-in person it changes that page only.
  if (fromQuery && !req.user && req.cookies?.[LANG_COOKIE] !== fromQuery) {
    setLanguageCookie(reply, fromQuery as UiLanguage);
  }
}

export function registerLanguage(app: FastifyInstance): void {
  app.decorateRequest('lang', 'en');
  app.decorateRequest('t', null as never);
  // Before authentication, so that errors raised there are translated too; again after it for preferences.
  app.addHook('onRequest', (req, reply, done) => {
    apply(req, reply, false);
    done();
  });
  app.addHook('preValidation', (req, reply, done) => {
    apply(req, reply, true);
    done();
  });
}
