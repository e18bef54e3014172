// What amendments tell people, through the notifications feature, inside the transaction of the change: a new
// amendment to the followers of its document or adaptation (kind `amendment`); a decision at once to its author
// and the amendment's followers (kind `amendment_decided`).
import type { Db } from '../../../db/connection';
import { followFor, notify } from '../../notifications';
import type { TargetInfo } from './target';

export const amendmentTitle = (target: Pick<TargetInfo, 'title'>, unitIds: readonly number[]): string =>
  `${target.title} (${unitIds.map((u) => `T:${u}`).join(', ')})`;

export async function tellProposed(db: Db, t: { id: number; target: TargetInfo; actorId: number; at: Date }) {
  await notify(db, {
    type: 'amendment.proposed',
    actorId: t.actorId,
    at: t.at,
    subject: { type: t.target.type, id: t.target.numericId, title: t.target.title, link: t.target.link },
    object: { type: 'amendment', id: t.id },
    link: `/amendments/${t.id}`,
    followers: { kind: 'amendment', of: [{ type: t.target.type, id: t.target.numericId }] },
  });
  // Its author follows it: the decision and the discussion reach them.
  await followFor(db, t.actorId, { type: 'amendment', id: t.id }, t.at);
}

export async function tellDecided(
  db: Db,
  t: { id: number; title: string; authorId: number | null; actorId: number; at: Date; status: string },
) {
  await notify(db, {
    type: `amendment.${t.status}`,
    actorId: t.actorId,
    at: t.at,
    subject: { type: 'amendment', id: t.id, title: t.title, link: `/amendments/${t.id}` },
    people: { kind: 'amendment_decided', ids: t.authorId === null ? [] : [t.authorId] },
    followers: { kind: 'amendment_decided', of: [{ type: 'amendment', id: t.id }] },
  });
}
