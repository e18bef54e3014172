// Groups and people can be followed, so they are subjects too ({type: 'community' | 'person', id}). They take no
// comments. Registered here unless their own feature already did.
import { usernameToPath } from '../../../contracts/usernames';
import { registerSubject, subjectTypes } from '../conversations/subjects';

if (!subjectTypes().includes('community')) {
  registerSubject('community', {
    commentable: false,
    // A tiny read of the communities table, so following does not depend on that feature's code.
    find: async (db, id) => {
      const row = await db.selectFrom('communities').select(['slug', 'name']).where('id', '=', id).executeTakeFirst();
      return row && { title: row.name, link: `/communities/${encodeURIComponent(row.slug)}`, open: true };
    },
  });
}

if (!subjectTypes().includes('person')) {
  registerSubject('person', {
    commentable: false,
    find: async (db, id) => {
      const row = await db.selectFrom('users').select(['username', 'display_name', 'public_fields']).where('id', '=', id).executeTakeFirst();
      if (!row) return undefined;
      // The display name only when the person shows it publicly.
      const title = row.public_fields.includes('display_name') && row.display_name ? row.display_name : row.username;
      return { title, link: `/people/${usernameToPath(row.username)}`, open: true };
    },
  });
}

/** Types that cannot be followed themselves: a comment (or an initiative's progress update) through the item it is on. */
export const UNFOLLOWABLE = new Set(['comment', 'initiative_update']);
