// Initiatives' links to the platform's own events and courses (DECISIONS 11): stored with `event_id` or
// `course_id`, their `url` the item's path ('/events/<id>', '/courses/<id>') so every reader of links still has an
// address. A plain link to one of them on the platform's own address is stored as the item. Events and courses
// are read here by a one-line query of their tables (their features read initiatives through this index, so
// importing theirs would make a cycle).
import { sql } from 'kysely';
import type { Db } from '../../../db/connection';
import { badRequest } from '../../../http/errors';
import { parseId } from '../../conversations';
import { notHidden } from '../../moderation';

export type ItemKind = 'event' | 'course';

export interface LinkItem {
  kind: ItemKind;
  id: number;
  title: string;
  url: string;
}

const TABLE = { event: 'events', course: 'courses' } as const;

/** The item's title, or undefined when it does not exist. */
async function itemTitle(db: Db, kind: ItemKind, id: number): Promise<string | undefined> {
  const row = await db.selectFrom(TABLE[kind]).select('title').where('id', '=', id).executeTakeFirst();
  return row?.title;
}

/** The item named by a link body's `event` or `course` field: 400 naming the field when there is no such item. */
export async function namedItem(db: Db, kind: ItemKind, idParam: string): Promise<LinkItem> {
  const id = parseId(idParam);
  const title = id === null ? undefined : await itemTitle(db, kind, id);
  if (id === null || title === undefined)
    throw badRequest([{ field: kind, message: `initiatives-link-${kind}-unknown` }]);
  return { kind, id, title, url: `/${kind}s/${id}` };
}

/** The event or course a URL on the platform's own address points at, if it is one. */
export function platformItemOf(url: string, baseUrl: string): { kind: ItemKind; id: number } | null {
  const base = baseUrl.replace(/\/+$/, '');
  if (!url.startsWith(`${base}/`)) return null;
  const m = /^(events|courses)\/([1-9]\d{0,14})\/?(?:[?#].*)?$/.exec(url.slice(base.length + 1));
  if (!m) return null;
  return { kind: m[1] === 'events' ? 'event' : 'course', id: Number(m[2]) };
}

/** A URL link on the platform's own address naming an existing event or course, as that item; else null. */
export async function itemOfUrl(db: Db, url: string, baseUrl: string): Promise<LinkItem | null> {
  const named = platformItemOf(url, baseUrl);
  if (!named) return null;
  const title = await itemTitle(db, named.kind, named.id);
  return title === undefined ? null : { ...named, title, url: `/${named.kind}s/${named.id}` };
}

/**
 * Converts links made before items existed: a URL on the platform's own address pointing at /events/<n> or
 * /courses/<n> becomes that item. Idempotent and cheap (only links still without an item on that address are
 * read), so start-up runs it every time. Answers how many links it converted.
 */
export async function convertPlatformLinks(db: Db, baseUrl: string): Promise<number> {
  const base = baseUrl.replace(/\/+$/, '');
  const rows = await db
    .selectFrom('initiative_links')
    .select(['id', 'url'])
    .where('event_id', 'is', null)
    .where('course_id', 'is', null)
    .where(sql<boolean>`starts_with(url, ${`${base}/`})`)
    .execute();
  let converted = 0;
  for (const r of rows) {
    const item = await itemOfUrl(db, r.url, base);
    if (!item) continue;
    await db
      .updateTable('initiative_links')
      .set({
        url: item.url,
        title: item.title,
        ...(item.kind === 'event' ? { event_id: item.id } : { course_id: item.id, kind: 'course' }),
      })
      .where('id', '=', r.id)
      .execute();
    converted++;
  }
  return converted;
}

/** The initiatives linking an event or a course, for its page (hidden initiatives left out). */
export const linkingInitiatives = async (
  db: Db,
  kind: ItemKind,
  id: number,
): Promise<{ id: string; title: string }[]> =>
  (
    await db
      .selectFrom('initiatives as i')
      .select(['i.id', 'i.title'])
      .where((eb) =>
        eb.exists(
          eb
            .selectFrom('initiative_links as l')
            .select('l.id')
            .whereRef('l.initiative_id', '=', 'i.id')
            .where(kind === 'event' ? 'l.event_id' : 'l.course_id', '=', id),
        ),
      )
      .where(notHidden('initiative', 'i.id'))
      .orderBy('i.id')
      .limit(100)
      .execute()
  ).map((r) => ({ id: String(r.id), title: r.title }));
