// The zone pages show times in, chosen without JavaScript (DECISIONS 26): GET /time-zone?zone=<IANA>&back=<path>
// sets the zone cookie and goes back to the page. The browser's script keeps `ldn_tz` equal to the browser's
// own zone, so a choice is also kept in its own cookie, which pages read first; an empty zone forgets the choice.
// A person whose profile names a zone sees that one whatever the cookies say (pages/plugin.ts).
import type { FastifyInstance, FastifyRequest } from 'fastify';

export const TZ_COOKIE = 'ldn_tz';
export const TZ_CHOICE_COOKIE = 'ldn_tz_choice';

export function validZone(zone: string | undefined | null): string | null {
  if (!zone || zone.length > 64) return null;
  try {
    // Intl knows every IANA name (any case) and refuses the rest; its spelling is the one kept.
    return new Intl.DateTimeFormat('en', { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

/** The zone times are shown in: the person's, else the one chosen here, else the browser's, else UTC. */
export const viewerZone = (req: FastifyRequest): string =>
  validZone(req.user?.timeZone) ??
  validZone(req.cookies[TZ_CHOICE_COOKIE]) ??
  validZone(req.cookies[TZ_COOKIE]) ??
  'UTC';

/** Only a path on this site: never another host (`//evil`, `/\evil`), so the redirect cannot send people away. */
const safeBack = (back: unknown): string =>
  typeof back === 'string' && /^\/(?![/\\])/.test(back) && !/[\r\n]/.test(back) ? back : '/events';

export function registerTimeZoneRoute(app: FastifyInstance): void {
  app.get('/time-zone', { schema: { hide: true }, config: { policy: { access: 'anyone' } } }, async (req, reply) => {
    const q = req.query as { zone?: unknown; back?: unknown };
    const raw = typeof q.zone === 'string' ? q.zone.trim() : '';
    const zone = validZone(raw);
    const year = 365 * 24 * 3600;
    // Secure on https, as every cookie the server sets.
    const secure = app.deps.config.secureCookies;
    if (zone) {
      reply.setCookie(TZ_COOKIE, zone, { path: '/', sameSite: 'lax', secure, maxAge: year });
      reply.setCookie(TZ_CHOICE_COOKIE, zone, { path: '/', sameSite: 'lax', secure, maxAge: year });
    } else if (raw === '') reply.clearCookie(TZ_CHOICE_COOKIE, { path: '/', secure });
    return reply.code(303).header('cache-control', 'no-store').redirect(safeBack(q.back));
  });
}
