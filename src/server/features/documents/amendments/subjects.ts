// An amendment is a commentable subject (its discussion, where comments given with positions go), its author's.
// Registered by registerAmendments().
import type { SubjectType } from '../../conversations';
import { amendmentTitle } from './notify';
import { targetsOf, targetKey } from './target';

export const amendmentSubject: SubjectType = {
  commentable: true,
  find: async (db, id) => {
    const a = await db
      .selectFrom('amendments')
      .select(['id', 'target_type', 'target_id', 'unit_ids', 'status'])
      .where('id', '=', id)
      .executeTakeFirst();
    if (!a) return undefined;
    const target = (await targetsOf(db, [{ type: a.target_type, id: a.target_id }])).get(
      targetKey(a.target_type, a.target_id),
    );
    return target && { title: amendmentTitle(target, a.unit_ids), link: `/amendments/${a.id}`, open: true };
  },
  owner: async (db, id) =>
    (await db.selectFrom('amendments').select('author_id').where('id', '=', id).executeTakeFirst())?.author_id,
};
