// Moving a subject's follows to another subject, for items merged into others: a person following both keeps
// their one follow of the target; the other follows change subject.
import type { Db } from '../../db/connection';
import type { Subject } from './repo';

export async function moveFollows(db: Db, from: Subject, to: Subject): Promise<void> {
  await db
    .updateTable('follows')
    .set({ subject_type: to.type, subject_id: to.id })
    .where('subject_type', '=', from.type)
    .where('subject_id', '=', from.id)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('follows as t')
            .select('t.id')
            .whereRef('t.user_id', '=', 'follows.user_id')
            .where('t.subject_type', '=', to.type)
            .where('t.subject_id', '=', to.id),
        ),
      ),
    )
    .execute();
  await db.deleteFrom('follows').where('subject_type', '=', from.type).where('subject_id', '=', from.id).execute();
}
