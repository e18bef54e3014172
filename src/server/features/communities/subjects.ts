// Groups can be followed, so they are subjects ({type: 'community', id}) of the conversations registry; they
// take no comments.
import { registerSubject } from '../conversations';
import * as repo from './repo';

export function registerCommunitySubject(): void {
  registerSubject('community', {
    commentable: false,
    find: async (db, id) => {
      const row = await repo.findRefById(db, id);
      return row && { title: row.name, link: `/communities/${encodeURIComponent(row.slug)}`, open: true };
    },
  });
}
