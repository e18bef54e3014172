// Initiatives are discussable and followable subjects ({type: 'initiative', id}): comments hang under the
// initiative's page, and followers hear of its progress. An archived or discontinued one still takes comments
// (people ask about what was done), so it stays open. Progress updates are subjects too
// ({type: 'initiative_update', id}), so that they can be reported and hidden; they take no comments.
import { registerSubject } from '../conversations';

/** Registers both subject types (by index.ts registerInitiatives, at start-up). */
export function registerInitiativeSubjects(): void {
  registerSubject('initiative', {
    commentable: true,
    reportable: true,
    owner: async (db, id) =>
      (await db.selectFrom('initiatives').select('author_id').where('id', '=', id).executeTakeFirst())?.author_id,
    // A tiny read of our own table, so conversations need nothing else of this feature.
    find: async (db, id) => {
      const row = await db.selectFrom('initiatives').select(['id', 'title']).where('id', '=', id).executeTakeFirst();
      return row && { title: row.title, link: `/initiatives/${row.id}`, open: true };
    },
  });

  registerSubject('initiative_update', {
    commentable: false,
    reportable: true,
    owner: async (db, id) =>
      (await db.selectFrom('initiative_updates').select('author_id').where('id', '=', id).executeTakeFirst())
        ?.author_id,
    find: async (db, id) => {
      const row = await db
        .selectFrom('initiative_updates')
        .select(['id', 'initiative_id', 'title'])
        .where('id', '=', id)
        .executeTakeFirst();
      return row && { title: row.title, link: `/initiatives/${row.initiative_id}#update-${row.id}`, open: true };
    },
  });
}
