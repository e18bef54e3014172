// Courses as subjects ({type: 'course', id}): commented under the course's page, followed (new runs reach the
// followers), reported and hidden by moderators; a course is its author's. Registered by registerCourses().
import type { SubjectType } from '../conversations';

export const courseSubject: SubjectType = {
  commentable: true,
  reportable: true,
  find: async (db, id) => {
    const c = await db.selectFrom('courses').select(['id', 'title']).where('id', '=', id).executeTakeFirst();
    return c && { title: c.title, link: `/courses/${c.id}`, open: true };
  },
  owner: async (db, id) =>
    (await db.selectFrom('courses').select('created_by').where('id', '=', id).executeTakeFirst())?.created_by,
};
