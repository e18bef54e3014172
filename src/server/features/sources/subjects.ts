// Sources as subjects: a source (commented under its page, followed, reported; its adder's), a review (replies
// under it as under a debate's argument; reported and hidden; its reviewer's) and a reading list (commented,
// followed, reported; its owner's, or for a group's list the person who made it). Registered by registerSources().
import type { SubjectType } from '../conversations';
import { readingListLink, reviewLink, sourceLink } from './notify';

export const sourceSubject: SubjectType = {
  commentable: true,
  reportable: true,
  find: async (db, id) => {
    const s = await db.selectFrom('sources').select(['id', 'title']).where('id', '=', id).executeTakeFirst();
    return s && { title: s.title, link: sourceLink(s.id), open: true };
  },
  owner: async (db, id) =>
    (await db.selectFrom('sources').select('created_by').where('id', '=', id).executeTakeFirst())?.created_by,
};

export const sourceReviewSubject: SubjectType = {
  commentable: true,
  reportable: true,
  // Named by the source it reviews: "a reply under a review of <title>".
  find: async (db, id) => {
    const r = await db
      .selectFrom('source_reviews as r')
      .innerJoin('sources as s', 's.id', 'r.source_id')
      .select(['r.id', 'r.source_id', 's.title'])
      .where('r.id', '=', id)
      .executeTakeFirst();
    return r && { title: r.title, link: reviewLink(r.source_id, r.id), open: true };
  },
  owner: async (db, id) =>
    (await db.selectFrom('source_reviews').select('user_id').where('id', '=', id).executeTakeFirst())?.user_id,
};

export const readingListSubject: SubjectType = {
  commentable: true,
  reportable: true,
  find: async (db, id) => {
    const l = await db.selectFrom('reading_lists').select(['id', 'title']).where('id', '=', id).executeTakeFirst();
    return l && { title: l.title, link: readingListLink(l.id), open: true };
  },
  owner: async (db, id) => {
    const l = await db
      .selectFrom('reading_lists')
      .select(['owner_id', 'created_by'])
      .where('id', '=', id)
      .executeTakeFirst();
    return l && (l.owner_id ?? l.created_by);
  },
};
