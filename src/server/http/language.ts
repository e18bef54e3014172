// Interface language of a request: ?uselang=xx, then the signed-in person's preference, then the language
// cookie set by an earlier ?uselang, then Accept-Language, then English.
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

function apply(req: FastifyRequest, reply: FastifyReply) {
  req.lang = resolveLanguage(req);
  req.t = translator(req.lang);
  const fromQuery = queryLang(req);
  // A chosen language sticks for people who are not signed in.
  if (fromQuery && req.cookies?.[LANG_COOKIE] !== fromQuery) {
    reply.setCookie(LANG_COOKIE, fromQuery, { path: '/', sameSite: 'lax', maxAge: 365 * 24 * 3600 });
  }
}

export function registerLanguage(app: FastifyInstance): void {
  app.decorateRequest('lang', 'en');
  app.decorateRequest('t', null as never);
  // Before authentication, so that errors raised there are translated too; again after it for preferences.
  app.addHook('onRequest', async (req, reply) => apply(req, reply));
  app.addHook('preValidation', async (req, reply) => apply(req, reply));
}
