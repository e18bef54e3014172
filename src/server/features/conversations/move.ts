// Moving a subject's comments to another subject, for items merged into others (a source merged into the same
// work's record). Paths are made of comment ids, so a moved thread keeps its shape among the target's threads.
import type { Db } from '../../db/connection';
import type { Subject } from './subjects';

export async function moveComments(db: Db, from: Subject, to: Subject): Promise<void> {
  await db
    .updateTable('comments')
    .set({ subject_type: to.type, subject_id: to.id })
    .where('subject_type', '=', from.type)
    .where('subject_id', '=', from.id)
    .execute();
}
