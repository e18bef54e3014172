// Shapes of the notifications API as the pages use them.
export const KINDS = ['mention', 'reply', 'comment', 'argument', 'debate_closed', 'update', 'activity'] as const;
export type Kind = (typeof KINDS)[number];
export const FREQUENCIES = ['immediately', 'daily', 'weekly', 'never'] as const;
export type Frequency = (typeof FREQUENCIES)[number];

export interface NotificationItem {
  id: string;
  kind: Kind;
  subject: { type: string; id: string; title: string; link: string };
  object: { type: string; id: string } | null;
  actor: { username: string; displayName: string } | null;
  link: string;
  createdAt: string;
  read: boolean;
}

export interface NotificationList {
  items: NotificationItem[];
  next: string | null;
  unread: number;
}

export interface Settings {
  email: Record<Kind, Frequency>;
  defaults: Record<Kind, Frequency>;
  hasEmail: boolean;
}

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
  return `notifications-text-${kind.replace('_', '-')}`;
}
