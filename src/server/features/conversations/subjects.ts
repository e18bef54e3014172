// Discussable items are named as subjects {type, id}. Each type registers how to find one item: whether it
// exists, its title and link, and whether it takes comments now; and, for moderation, whose it is and whether it
// can be reported. Features register their types from their register<Feature>() (debates registers `debate`
// and `argument`), called once by registerRegistries() in features/index.ts, never when a module loads.
import type { Db } from '../../db/connection';
import { HttpError, badRequest, conflict } from '../../http/errors';
import { storedExcerpt } from '../../markdown/stored';

export interface SubjectInfo {
  title: string;
  /** Path of the item's page on this site. */
  link: string;
  /** False when the item is closed to new comments (an argument of a closed debate). */
  open: boolean;
}

export interface SubjectType {
  find(db: Db, id: number): Promise<SubjectInfo | undefined>;
  /** Whether comments may be posted with this subject (a comment is a subject, but replies use parentId). */
  commentable: boolean;
  /**
   * Whose the item is: its author (the opener of a debate), or the person themselves. Undefined when there is
   * no such item (a deleted comment included), null when it has no owner (an account since deleted).
   * Moderation names the owner in reports and actions, and never lets a moderator act on an admin's item.
   */
  owner?(db: Db, id: number): Promise<number | null | undefined>;
  /** Items of this type can be reported to the moderators (and, unless they are people, hidden). */
  reportable?: boolean;
  /**
   * Who took part in the item's discussion, suggested first when mentioning someone there. Unset: the item's
   * owner and the authors of its comments.
   */
  participants?(db: Db, id: number): Promise<number[]>;
}

const registry = new Map<string, SubjectType>();

export function registerSubject(type: string, def: SubjectType): void {
  registry.set(type, def);
}

export const subjectTypes = (): string[] => [...registry.keys()].sort();

/** How items of a type are found, or undefined for a type nobody registered. */
export const subjectType = (type: string): SubjectType | undefined => registry.get(type);

export interface Subject {
  type: string;
  id: number;
}

/** Ids are decimal strings; anything else names no item (404, never a 500). */
export const parseId = (s: string): number | null => (/^[1-9]\d{0,14}$/.test(s) ? Number(s) : null);

/** The subject named in a request: 400 for an unknown type, 404 for a missing item, both naming `subject`. */
export async function resolveSubject(
  db: Db,
  type: string,
  idText: string,
  field = 'subject',
): Promise<Subject & SubjectInfo & { def: SubjectType }> {
  const def = registry.get(type);
  if (!def) throw badRequest([{ field: `${field}.type`, message: 'conversations-subject-unknown-type' }]);
  const id = parseId(idText);
  const info = id === null ? undefined : await def.find(db, id);
  if (!info || id === null) {
    throw new HttpError(404, 'error-not-found', { errors: [{ field, message: 'conversations-subject-not-found' }] });
  }
  return { type, id, def, ...info };
}

/** A subject that takes new comments: commentable and open (409 when closed). */
export async function commentableSubject(db: Db, type: string, idText: string) {
  const s = await resolveSubject(db, type, idText);
  if (!s.def.commentable)
    throw badRequest([{ field: 'subject.type', message: 'conversations-subject-not-commentable' }]);
  if (!s.open) throw conflict('conversations-subject-closed', 'subject');
  return s;
}

/** Updates take comments. A tiny read of the updates table of our own, so comments do not depend on the updates feature's code. */
export const updateSubject: SubjectType = {
  commentable: true,
  reportable: true,
  find: async (db, id) => {
    const row = await db.selectFrom('updates').select(['id', 'title']).where('id', '=', id).executeTakeFirst();
    return row && { title: row.title, link: `/updates/${row.id}`, open: true };
  },
  owner: async (db, id) =>
    (await db.selectFrom('updates').select('author_id').where('id', '=', id).executeTakeFirst())?.author_id,
};

/** A comment is a subject (it can be followed through its thread, reported, hidden); replies use parentId. */
export const commentSubject: SubjectType = {
  commentable: false,
  reportable: true,
  find: async (db, id) => {
    const row = await db
      .selectFrom('comments')
      .select(['id', 'body', 'body_lead', 'html_version', 'subject_type', 'subject_id', 'deleted_at'])
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row) return undefined;
    const parent = await registry.get(row.subject_type)?.find(db, row.subject_id);
    return {
      title: row.deleted_at ? '' : storedExcerpt(row.body, row.body_lead, row.html_version, 80),
      link: `${parent?.link ?? ''}#comment-${row.id}`,
      open: parent?.open ?? false,
    };
  },
  // A deleted comment (a placeholder) is no longer anyone's to report or moderate.
  owner: async (db, id) => {
    const r = await db
      .selectFrom('comments')
      .select(['author_id', 'deleted_at'])
      .where('id', '=', id)
      .executeTakeFirst();
    return r && !r.deleted_at ? r.author_id : undefined;
  },
};
