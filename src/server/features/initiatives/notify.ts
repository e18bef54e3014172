// What initiatives tell people, through the notifications feature (inside the transaction of the change, so a
// notification exists exactly when the change does). The `call` event of the Telegram channel is registered
// by index.ts.
import type { Db } from '../../db/connection';
import type { Kind } from '../notifications';
import { followFor, notify } from '../notifications';

export interface Told {
  initiative: { id: number; title: string };
  actorId: number | null;
  at: Date;
  /** Where on the initiative's page (an anchor), when not the top. */
  anchor?: string;
  /** What the actor made or acted on there; its title when the sentence names it (an answered sign-up's job). */
  object?: { type: string; id: number; title?: string } | null;
}

const subjectOf = (t: Told) => ({
  type: 'initiative',
  id: t.initiative.id,
  title: t.initiative.title,
  link: `/initiatives/${t.initiative.id}`,
});
const linkOf = (t: Told) => `/initiatives/${t.initiative.id}${t.anchor ? `#${t.anchor}` : ''}`;

/** Tells these people (one notification each, never the actor). */
export function tellPeople(db: Db, kind: Kind, ids: number[], t: Told) {
  return notify(db, {
    type: `initiative.${kind}`,
    actorId: t.actorId,
    at: t.at,
    subject: subjectOf(t),
    object: t.object ?? null,
    link: linkOf(t),
    people: { kind, ids },
  });
}

/** Tells the initiative's followers. */
export function tellFollowers(db: Db, kind: Kind, t: Told) {
  return notify(db, {
    type: `initiative.${kind}`,
    actorId: t.actorId,
    at: t.at,
    subject: subjectOf(t),
    object: t.object ?? null,
    link: linkOf(t),
    followers: { kind, of: [{ type: 'initiative', id: t.initiative.id }] },
  });
}

/** The person follows the initiative (its author, leads, people who sign up or support it). */
export const follows = (db: Db, userId: number, initiativeId: number, at: Date) =>
  followFor(db, userId, { type: 'initiative', id: initiativeId }, at);
