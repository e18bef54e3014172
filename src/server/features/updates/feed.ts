// The Atom feed of Community Updates at /updates/feed.atom (a page-level address, outside /api), with the
// same group and language filters as the list. Entry content is the sanitized HTML the pages show.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { Feed } from 'feed';
import { usernameToPath } from '../../../contracts/usernames';
import { escapeHtml, renderMarkdown } from '../../markdown/render';
import { listUpdates } from './repo';
import { feedQuery } from './schema';

const FEED_SIZE = 50;

export async function updatesFeedRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.get('/updates/feed.atom', { schema: { hide: true, querystring: feedQuery } }, async (req, reply) => {
    const base = fastify.deps.config.baseUrl;
    const rows = await listUpdates(fastify.db, { community: req.query.community, language: req.query.language, limit: FEED_SIZE - 1 });
    const filters = new URLSearchParams();
    if (req.query.community) filters.set('community', req.query.community);
    if (req.query.language) filters.set('language', req.query.language);
    const suffix = filters.size ? `?${filters.toString()}` : '';
    const updated = rows.reduce<Date | null>((max, r) => (!max || r.updated_at > max ? r.updated_at : max), null);
    const feed = new Feed({
      id: `${base}/updates/feed.atom${suffix}`,
      title: `${req.t('updates-title')} – ${req.t('site-name')}`,
      link: `${base}/updates${suffix}`,
      feedLinks: { atom: `${base}/updates/feed.atom${suffix}` },
      language: req.lang,
      updated: updated ?? new Date(0),
      generator: false,
    });
    for (const r of rows) {
      const link = `${base}/updates/${r.id}`;
      feed.addItem({
        // Atom titles are sent as HTML: a title is plain text, so it is escaped.
        title: escapeHtml(r.title),
        id: link,
        link,
        date: r.updated_at,
        published: r.published_at,
        content: renderMarkdown(r.body),
        author: r.author_username
          ? [{ name: r.author_display_name || r.author_username, link: `${base}/people/${usernameToPath(r.author_username)}` }]
          : undefined,
      });
    }
    return reply
      .type('application/atom+xml; charset=utf-8')
      .header('cache-control', 'public, max-age=300')
      .send(feed.atom1());
  });
}
