// Keys the notification pages share: where the header's unread count is kept in the page state, and the
// message of each notification's sentence.
import type { Kind } from '../../../contracts/notifications';

/** Page-state key of the unread count the header shows (kept beside the routes' data). */
export const UNREAD_KEY = 'notifications:unread';

/** The message key of a notification's sentence ($1 the actor, $2 the item's title); the same as the e-mails'. */
export function sentenceKey(kind: Kind, objectType: string | null): string {
  if (kind === 'activity') {
    if (objectType === 'argument') return 'notifications-text-argument';
    if (objectType === 'debate') return 'notifications-text-debate-opened';
    if (objectType === 'update') return 'notifications-text-update';
    return 'notifications-text-comment';
  }
  return `notifications-text-${kind.replace(/_/g, '-')}`;
}
