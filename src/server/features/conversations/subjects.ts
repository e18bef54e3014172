// Discussable items are named as subjects {type, id}. Each type registers how to find one item: whether it
// exists, its title and link, and whether it takes comments now. Features that add a type register it when
// their module loads (debates registers `debate` and `argument`).
import type { Db } from '../../db/connection';
import { HttpError, badRequest, conflict } from '../../http/errors';
import { markdownExcerpt } from '../../markdown/render';

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
}

const registry = new Map<string, SubjectType>();

export function registerSubject(type: string, def: SubjectType): void {
  registry.set(type, def);
}

export const subjectTypes = (): string[] => [...registry.keys()].sort();

export interface Subject {
  type: string;
  id: number;
}

/** Ids are decimal strings; anything else names no item (404, never a 500). */
export const parseId = (s: string): number | null => (/^[1-9]\d{0,14}$/.test(s) ? Number(s) : null);

/** The subject named in a request: 400 for an unknown type, 404 for a missing item, both naming `subject`. */
export async function resolveSubject(db: Db, type: string, idText: string, field = 'subject'): Promise<Subject & SubjectInfo & { def: SubjectType }> {
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
  if (!s.def.commentable) throw badRequest([{ field: 'subject.type', message: 'conversations-subject-not-commentable' }]);
  if (!s.open) throw conflict('conversations-subject-closed', 'subject');
  return s;
}

registerSubject('update', {
  commentable: true,
  // A tiny read of the updates table of our own, so comments do not depend on the updates feature's code.
  find: async (db, id) => {
    const row = await db.selectFrom('updates').select(['id', 'title']).where('id', '=', id).executeTakeFirst();
    return row && { title: row.title, link: `/updates/${row.id}`, open: true };
  },
});

registerSubject('comment', {
  commentable: false,
  find: async (db, id) => {
    const row = await db
      .selectFrom('comments')
      .select(['id', 'body', 'subject_type', 'subject_id', 'deleted_at'])
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row) return undefined;
    const parent = await registry.get(row.subject_type)?.find(db, row.subject_id);
    return {
      title: row.deleted_at ? '' : markdownExcerpt(row.body, 80),
      link: `${parent?.link ?? ''}#comment-${row.id}`,
      open: parent?.open ?? false,
    };
  },
});
