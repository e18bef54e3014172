// After a rename, old person-page links answer 301 with the new address (query string kept), like the wikis.
import type { FastifyInstance } from 'fastify';
import { isKeepableText } from '../../../contracts/text';
import { currentPathOf } from './service';

const PERSON_PAGE = /^\/people\/([^/?#]+)\/?(\?.*)?$/;

export function registerPersonPageRedirects(app: FastifyInstance): void {
  app.addHook('onRequest', async (req, reply) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || !app.deps.db) return;
    const m = PERSON_PAGE.exec(req.url);
    if (!m?.[1]) return;
    let name: string;
    try {
      name = decodeURIComponent(m[1]);
    } catch {
      return;
    }
    // This runs before the text rule (http/input-text.ts): a name no one can have is left to the page to refuse.
    if (!isKeepableText(name)) return;
    const target = await currentPathOf({ db: app.db }, name);
    if (target) return reply.redirect(`${target}${m[2] ?? ''}`, 301);
  });
}
