// Who may do what with follows: pure predicates of the person asking and the follow or subject. Notifications
// and settings are always one's own (the use cases read only the asker's), so they need none.
import type { CurrentUser } from '../../http/context';

/** Types that cannot be followed themselves: a comment (or an initiative's progress update) through the item it is on. */
export const UNFOLLOWABLE: ReadonlySet<string> = new Set(['comment', 'initiative_update', 'unit_translation']);

export const isFollowable = (type: string): boolean => !UNFOLLOWABLE.has(type);

/** Nobody follows themselves. */
export const isSelf = (actor: CurrentUser, s: { type: string; id: number }): boolean =>
  s.type === 'person' && s.id === actor.id;

/** One's own follows only: someone else's follow is answered like a missing one. */
export const ownsFollow = (actor: CurrentUser, f: { user_id: number }): boolean => f.user_id === actor.id;
