// The first line of every moderator's use case, and the titles and links of the items moderators' pages name.
import type { Db } from '../../db/connection';
import { ensure, requireUser, type ObjectRef } from '../../http/access';
import type { Ctx, CurrentUser } from '../../http/context';
import { isModerator } from './policy';
import { subjectKey, type Descriptions } from './present';
import { describeSubject } from './subjects';

/** First line of every moderator's use case: 401 for anonymous people, 403 (logged) for members. */
export async function requireModerator(ctx: Ctx, action: string, object?: ObjectRef): Promise<CurrentUser> {
  const user = requireUser(ctx);
  await ensure(ctx, isModerator(user), action, object);
  return user;
}

/** Titles and links of the items a page of the queue or the log names (one lookup per distinct item). */
export async function describeAll(db: Db, subjects: { type: string; id: number }[]): Promise<Descriptions> {
  const out: Descriptions = new Map();
  for (const s of subjects) {
    const key = subjectKey(s.type, s.id);
    if (!out.has(key)) out.set(key, await describeSubject(db, s.type, s.id));
  }
  return out;
}
