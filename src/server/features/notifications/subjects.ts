// People can be followed, so they are subjects too ({type: 'person', id}), as reports name them; they take no
// comments. The one registration of `person`: its title honours the person's hidden fields (the display name
// only when they show it publicly, else the username).
import { usernameToPath } from '../../../contracts/usernames';
import { registerSubject } from '../conversations';
import { presentPersonRef } from '../people';

export function registerPersonSubject(): void {
  registerSubject('person', {
    commentable: false,
    // People can be reported (never hidden); a person is their own owner.
    reportable: true,
    owner: async (db, id) => (await db.selectFrom('users').select('id').where('id', '=', id).executeTakeFirst())?.id,
    find: async (db, id) => {
      const row = await db
        .selectFrom('users')
        .select(['username', 'display_name', 'public_fields'])
        .where('id', '=', id)
        .executeTakeFirst();
      if (!row) return undefined;
      return { title: presentPersonRef(row).displayName, link: `/people/${usernameToPath(row.username)}`, open: true };
    },
  });
}
