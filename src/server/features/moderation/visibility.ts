// What content features need from moderation to show hidden content: the SQL that keeps hidden items out of
// lists and feeds, and how a hidden item is presented. Hidden items stay in threads as a placeholder with the
// reason, which everyone sees; the text stays readable to its author and to moderators and admins.
import { sql } from 'kysely';
import type { HiddenState } from '../../../contracts/moderation';
import type { Db } from '../../db/connection';
import type { CurrentUser } from '../../http/context';
import { isModerator } from './policy';

export { isModerator };
/** The hidden state in API answers (its schema lives with moderation's other answers in src/contracts). */
export { hiddenState } from '../../../contracts/moderation';

/** SQL condition: the item of this type whose id is in `idColumn` (a reference such as 'd.id') is not hidden. */
export const notHidden = (type: string, idColumn: string) =>
  sql<boolean>`not exists (select 1 from moderation_hidden mh where mh.subject_type = ${type} and mh.subject_id = ${sql.ref(idColumn)})`;

/** Whether the item is hidden now: for work done later about it, such as a queued Telegram post. */
export async function isHidden(db: Db, type: string, id: number): Promise<boolean> {
  const row = await db
    .selectFrom('moderation_hidden')
    .select('subject_id')
    .where('subject_type', '=', type)
    .where('subject_id', '=', id)
    .executeTakeFirst();
  return !!row;
}

/** The hidden-state columns a repo selects from a left join of moderation_hidden (null when not hidden). */
export interface HiddenColumns {
  hidden_reason: string | null;
  hidden_automatic: boolean | null;
}

/** The item's hidden state, and whether this viewer may read its text (everyone when not hidden). */
export function hiddenView(
  r: HiddenColumns,
  viewer: CurrentUser | null,
  authorId: number | null,
): { hidden: HiddenState | null; readable: boolean } {
  const hidden = r.hidden_reason === null ? null : { reason: r.hidden_reason, automatic: !!r.hidden_automatic };
  const readable = !hidden || (!!viewer && (viewer.id === authorId || isModerator(viewer)));
  return { hidden, readable };
}
