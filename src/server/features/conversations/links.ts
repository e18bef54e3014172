// Links to other items of the platform show the item's title: a bare link to an update or a debate on this
// site (the autolinked address as its own text) gets the item's title as text. One query per kind of item
// linked on the page, whatever the number of links.
import type { Db } from '../../db/connection';
import { escapeHtml } from '../../markdown/render';
import { notHidden } from '../moderation';

const KINDS: Partial<Record<string, (db: Db, ids: number[]) => Promise<{ id: number; title: string }[]>>> = {
  // Hidden items keep their titles to themselves: their links show the address.
  updates: (db, ids) =>
    db
      .selectFrom('updates')
      .select(['id', 'title'])
      .where('id', 'in', ids)
      .where(notHidden('update', 'updates.id'))
      .execute(),
  debates: (db, ids) =>
    db
      .selectFrom('debates')
      .select(['id', 'title'])
      .where('id', 'in', ids)
      .where(notHidden('debate', 'debates.id'))
      .execute(),
};

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Rewrites the text of bare internal links in each item's bodyHtml (sanitized HTML) to the linked item's title. */
export async function withLinkTitles<T extends { bodyHtml: string }>(
  db: Db,
  baseUrl: string,
  items: T[],
): Promise<T[]> {
  // The sanitizer writes links as <a href="…" rel="…">text</a>; an autolinked address has itself as text.
  const link = new RegExp(`<a href="(${escapeRe(baseUrl)}/(updates|debates)/(\\d{1,15}))" rel="([^"]*)">\\1</a>`, 'g');
  const wanted = new Map<string, Set<number>>();
  for (const item of items) {
    for (const [, , kind, id] of item.bodyHtml.matchAll(link)) {
      if (!kind || !id) continue;
      const ids = wanted.get(kind) ?? new Set<number>();
      ids.add(Number(id));
      wanted.set(kind, ids);
    }
  }
  if (wanted.size === 0) return items;
  const titles = new Map<string, string>();
  for (const [kind, ids] of wanted) {
    const titlesOf = KINDS[kind];
    if (!titlesOf) continue;
    for (const row of await titlesOf(db, [...ids])) titles.set(`${kind}/${row.id}`, row.title);
  }
  return items.map((item) => ({
    ...item,
    bodyHtml: item.bodyHtml.replace(link, (whole, href: string, kind: string, id: string, rel: string) => {
      const title = titles.get(`${kind}/${Number(id)}`);
      return title === undefined ? whole : `<a href="${href}" rel="${rel}">${escapeHtml(title)}</a>`;
    }),
  }));
}
