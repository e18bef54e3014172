// Events as subjects: commentable, followable, reportable; an event is its creator's. Registered by
// registerEvents().
import type { SubjectType } from '../conversations';

export const eventSubject: SubjectType = {
  commentable: true,
  reportable: true,
  find: async (db, id) => {
    const e = await db.selectFrom('events').select(['title']).where('id', '=', id).executeTakeFirst();
    // A cancelled event stays readable and open to comments (people ask what happens instead).
    return e && { title: e.title, link: `/events/${id}`, open: true };
  },
  owner: async (db, id) => {
    const e = await db.selectFrom('events').select('created_by').where('id', '=', id).executeTakeFirst();
    return e && e.created_by;
  },
};
