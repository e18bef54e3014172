// Suggestions while writing a mention: people the writer follows and people who took part in the discussion
// come first, then everyone else whose name starts with what was typed (a word of the username, or a display
// name its owner made public). Two queries: who took part, then the suggestions.
import { sql, type SqlBool } from 'kysely';
import type { MentionSuggestions } from '../../../contracts/conversations';
import type { Db } from '../../db/connection';
import { requireUser } from '../../http/access';
import type { Ctx } from '../../http/context';
import { presentPersonRef } from '../people';
import type { SuggestQuery } from './schema';
import { resolveSubject } from './subjects';

/** Suggestions shown at once: a short list to browse with the arrow keys. */
export const SUGGESTIONS_SHOWN = 8;
const REASONS = ['follow', 'discussion', 'other'] as const;

/** Who took part in a discussion: what its subject type says, else its owner and the authors of its comments. */
async function participantsOf(db: Db, type: string, idText: string): Promise<number[]> {
  const s = await resolveSubject(db, type, idText);
  if (s.def.participants) return s.def.participants(db, s.id);
  const rows = await db
    .selectFrom('comments')
    .select('author_id')
    .distinct()
    .where('subject_type', '=', s.type)
    .where('subject_id', '=', s.id)
    .where('author_id', 'is not', null)
    // A deleted comment no longer says who wrote it.
    .where('deleted_at', 'is', null)
    .limit(500)
    .execute();
  const owner = await s.def.owner?.(db, s.id);
  return [...(owner ? [owner] : []), ...rows.flatMap((r) => (r.author_id === null ? [] : [r.author_id]))];
}

/** What was typed after the `@`, read as usernames are (underscores are spaces, any letter case); a space typed
 * at the end stays, so `@Ada ` goes on to suggest `Ada Lovelace`. */
const typedKey = (q: string) => q.normalize('NFC').replace(/_/g, ' ').replace(/\s+/g, ' ').trimStart().toLowerCase();

export async function suggestPeople(ctx: Ctx, q: SuggestQuery): Promise<MentionSuggestions> {
  const user = requireUser(ctx);
  const participants =
    q.subjectType !== undefined && q.subjectId !== undefined
      ? await participantsOf(ctx.db, q.subjectType, q.subjectId)
      : [];
  const typed = typedKey(q.q);
  const like = typed.replace(/[\\%_]/g, '\\$&');
  const followed = sql<SqlBool>`f.user_id is not null`;
  const inDiscussion = sql<SqlBool>`u.id = any(${sql.val(participants)}::bigint[])`;
  const rank = sql<number>`case when ${followed} then 0 when ${inDiscussion} then 1 else 2 end`;
  const startsWith = sql<SqlBool>`u.username_key like ${`${like}%`}`;
  const rows = await ctx.db
    .selectFrom('users as u')
    .leftJoin('follows as f', (j) =>
      j.on('f.user_id', '=', user.id).on('f.subject_type', '=', 'person').onRef('f.subject_id', '=', 'u.id'),
    )
    .select(['u.username', 'u.display_name', 'u.public_fields', rank.as('rank')])
    .where('u.id', '!=', user.id)
    .where('u.blocked_at', 'is', null)
    .where((eb) =>
      eb.or([
        startsWith,
        eb('u.username_key', 'like', `% ${like}%`),
        eb.and([
          sql<SqlBool>`'display_name' = any(u.public_fields)`,
          sql<SqlBool>`lower(u.display_name) like ${`${like}%`}`,
        ]),
      ]),
    )
    // With nothing typed yet, only the people one knows: the whole directory is no suggestion.
    .where((eb) => (typed === '' ? eb.or([followed, inDiscussion]) : sql<SqlBool>`true`))
    .orderBy('rank')
    .orderBy(sql`${startsWith} desc`)
    .orderBy('u.username_key')
    .limit(SUGGESTIONS_SHOWN)
    .execute();
  return {
    items: rows.map((r) => ({ ...presentPersonRef(r), reason: REASONS[Number(r.rank)] ?? 'other' })),
  };
}
