// The Atom feed of Community Updates at /updates/feed.atom (a page-level address, outside /api), with the
// same group and language filters as the list. Entry content is the sanitized HTML the pages show; authors
// are named as the API names them (a hidden display name shows as the username).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { Feed } from 'feed';
import { usernameToPath } from '../../../contracts/usernames';
import { ctxOf } from '../../http/ctx';
import { escapeHtml } from '../../markdown/render';
import { storedHtml } from '../../markdown/stored';
import { authorOf } from './present';
import { feedQuery } from './schema';
import { feedUpdates } from './service';

const FEED_SIZE = 50;

export function updatesFeedRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/updates/feed.atom',
    { config: { policy: { access: 'anyone', rate: ['feed'] } }, schema: { hide: true, querystring: feedQuery } },
    async (req, reply) => {
      const ctx = ctxOf(req);
      const base = ctx.config.baseUrl;
      const rows = await feedUpdates(ctx, req.query, FEED_SIZE);
      const filters = new URLSearchParams();
      if (req.query.community) filters.set('community', req.query.community);
      if (req.query.language) filters.set('language', req.query.language);
      const suffix = filters.size ? `?${filters.toString()}` : '';
      const updated = rows.reduce<Date | null>((max, r) => (!max || r.updated_at > max ? r.updated_at : max), null);
      const feed = new Feed({
        id: `${base}/updates/feed.atom${suffix}`,
        title: `${ctx.t('updates-title')} – ${ctx.t('site-name')}`,
        link: `${base}/updates${suffix}`,
        feedLinks: { atom: `${base}/updates/feed.atom${suffix}` },
        language: ctx.lang,
        updated: updated ?? new Date(0),
        generator: false,
      });
      for (const r of rows) {
        const link = `${base}/updates/${r.id}`;
        const author = authorOf(r);
        feed.addItem({
          // Atom titles are sent as HTML: a title is plain text, so it is escaped.
          title: escapeHtml(r.title),
          id: link,
          link,
          date: r.updated_at,
          published: r.published_at,
          content: storedHtml(r.body, r.body_html, r.html_version),
          author: author
            ? [{ name: author.displayName, link: `${base}/people/${usernameToPath(author.username)}` }]
            : undefined,
        });
      }
      return reply
        .type('application/atom+xml; charset=utf-8')
        .header('cache-control', 'public, max-age=300')
        .send(feed.atom1());
    },
  );
  // A plugin answers a promise (routes are declared above, synchronously).
  return Promise.resolve();
}
