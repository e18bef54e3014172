// What can be reported and moderated: the subject types that say so in the conversations subjects registry
// (comments, arguments, debates, updates, initiatives and their progress updates as content; people), each
// with its title, its link and whose item it is. Moderation reads no other feature's tables.
import type { Db } from '../../db/connection';
import { HttpError, badRequest, notFound } from '../../http/errors';
import { parseId, resolveSubject, subjectType, subjectTypes } from '../conversations';

/** People are subjects too: reports name them {type: 'person', id: user id}; moderators act on them by their own routes. */
export const PERSON = 'person';

type Owner = (db: Db, id: number) => Promise<number | null | undefined>;

/** Whose items of this type are, when the type can be reported (its feature says so when registering it). */
function ownerOf(type: string): Owner | undefined {
  const def = subjectType(type);
  return def?.reportable && def.owner ? def.owner.bind(def) : undefined;
}

/** Types that can be reported: content and people. */
export const reportableTypes = (): string[] => subjectTypes().filter((t) => ownerOf(t) !== undefined);

/** Content that can be reported and hidden (people are reported, never hidden). */
export const contentTypes = (): string[] => reportableTypes().filter((t) => t !== PERSON);

export const isContentType = (t: string): boolean => t !== PERSON && ownerOf(t) !== undefined;

export interface ModerationSubject {
  type: string;
  id: number;
  title: string;
  link: string;
  ownerId: number | null;
  ownerRoles: string[];
}

/**
 * The item a report or an action names: 400 for a type that cannot be reported, 404 for a missing item
 * (a deleted comment included), both naming the field.
 */
export async function loadSubject(
  db: Db,
  type: string,
  idText: string,
  allowed: readonly string[],
  field = 'subject',
): Promise<ModerationSubject> {
  const owned = allowed.includes(type) ? ownerOf(type) : undefined;
  if (!owned) throw badRequest([{ field: `${field}.type`, message: 'moderation-subject-type' }]);
  const id = parseId(idText);
  const owner = id === null ? undefined : await owned(db, id);
  if (owner === undefined || id === null)
    throw new HttpError(404, 'error-not-found', { errors: [{ field, message: 'conversations-subject-not-found' }] });
  const info = await resolveSubject(db, type, idText, field);
  const roles =
    owner === null
      ? []
      : ((await db.selectFrom('users').select('roles').where('id', '=', owner).executeTakeFirst())?.roles ?? []);
  return { type, id, title: info.title, link: info.link, ownerId: owner, ownerRoles: roles };
}

/** Title and link of an item named in the queue or the log; null once the item is gone. */
export async function describeSubject(
  db: Db,
  type: string,
  id: number,
): Promise<{ title: string; link: string } | null> {
  try {
    const info = await resolveSubject(db, type, String(id));
    return { title: info.title, link: info.link };
  } catch (err) {
    if (err instanceof HttpError && (err.status === 404 || err.status === 400)) return null;
    throw err;
  }
}

/** A person named by user id in a path: 404 when there is none. */
export async function loadPerson(db: Db, idText: string) {
  const id = parseId(idText);
  const row =
    id === null
      ? undefined
      : await db
          .selectFrom('users')
          .select(['id', 'username', 'display_name', 'roles', 'blocked_at', 'suspended_until'])
          .where('id', '=', id)
          .executeTakeFirst();
  if (!row) throw notFound();
  return row;
}
