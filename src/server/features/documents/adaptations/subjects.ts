// An adaptation is a commentable subject (its discussion), its maker's. Registered by registerAmendments().
import type { SubjectType } from '../../conversations';
import { findAdaptation } from './repo';

export const adaptationSubject: SubjectType = {
  commentable: true,
  find: async (db, id) => {
    const a = await findAdaptation(db, id);
    return (
      a && {
        title: `${a.own_title !== null && !a.own_title_dropped ? a.own_title : a.document_title} (${a.community_name}, ${a.language})`,
        link: `/adaptations/${a.id}`,
        open: true,
      }
    );
  },
  owner: async (db, id) =>
    (await db.selectFrom('adaptations').select('created_by').where('id', '=', id).executeTakeFirst())?.created_by,
};
