// What can be reported and moderated: content (comments, arguments, debates, updates, initiatives and their
// progress updates) and people. Titles and links come from the conversations subjects registry; whose item it
// is comes from a tiny read of each item's table here, so moderation needs no other feature's code.
import { usernameToPath } from '../../../contracts/usernames';
import type { Db } from '../../db/connection';
import { HttpError, badRequest, notFound } from '../../http/errors';
import { parseId, registerSubject, resolveSubject, subjectTypes } from '../conversations/subjects';

export const CONTENT_TYPES = ['comment', 'argument', 'debate', 'update', 'initiative', 'initiative_update'] as const;
export type ContentType = (typeof CONTENT_TYPES)[number];
export const isContentType = (t: string): t is ContentType => (CONTENT_TYPES as readonly string[]).includes(t);
export const REPORTABLE_TYPES = [...CONTENT_TYPES, 'person'] as const;

// People are subjects too (reports name them {type: 'person', id: user id}); they take no comments.
if (!subjectTypes().includes('person')) {
  registerSubject('person', {
    commentable: false,
    find: async (db, id) => {
      const row = await db.selectFrom('users').select(['username']).where('id', '=', id).executeTakeFirst();
      return row && { title: row.username, link: `/people/${usernameToPath(row.username)}`, open: true };
    },
  });
}

/** Whose the item is: its author (the opener of a debate, who posted the idea of an initiative), or the person themselves. */
async function ownerOf(db: Db, type: string, id: number): Promise<number | null | undefined> {
  switch (type) {
    case 'comment': {
      const r = await db.selectFrom('comments').select(['author_id', 'deleted_at']).where('id', '=', id).executeTakeFirst();
      return r && !r.deleted_at ? r.author_id : undefined;
    }
    case 'argument':
      return (await db.selectFrom('debate_arguments').select('author_id').where('id', '=', id).executeTakeFirst())?.author_id;
    case 'debate':
      return (await db.selectFrom('debates').select('opener_id').where('id', '=', id).executeTakeFirst())?.opener_id;
    case 'update':
      return (await db.selectFrom('updates').select('author_id').where('id', '=', id).executeTakeFirst())?.author_id;
    case 'initiative':
      return (await db.selectFrom('initiatives').select('author_id').where('id', '=', id).executeTakeFirst())?.author_id;
    case 'initiative_update':
      return (await db.selectFrom('initiative_updates').select('author_id').where('id', '=', id).executeTakeFirst())?.author_id;
    case 'person':
      return (await db.selectFrom('users').select('id').where('id', '=', id).executeTakeFirst())?.id;
    default:
      return undefined;
  }
}

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
export async function loadSubject(db: Db, type: string, idText: string, allowed: readonly string[], field = 'subject'): Promise<ModerationSubject> {
  if (!allowed.includes(type)) throw badRequest([{ field: `${field}.type`, message: 'moderation-subject-type' }]);
  const id = parseId(idText);
  const owner = id === null ? undefined : await ownerOf(db, type, id);
  if (owner === undefined || id === null) throw new HttpError(404, 'error-not-found', { errors: [{ field, message: 'conversations-subject-not-found' }] });
  const info = await resolveSubject(db, type, idText, field);
  const roles = owner === null ? [] : ((await db.selectFrom('users').select('roles').where('id', '=', owner).executeTakeFirst())?.roles ?? []);
  return { type, id, title: info.title, link: info.link, ownerId: owner, ownerRoles: roles };
}

/** Title and link of an item named in the queue or the log; null once the item is gone. */
export async function describeSubject(db: Db, type: string, id: number): Promise<{ title: string; link: string } | null> {
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
  const row = id === null ? undefined : await db.selectFrom('users').select(['id', 'username', 'display_name', 'roles', 'blocked_at', 'suspended_until']).where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound();
  return row;
}
