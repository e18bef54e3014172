// Shapes of the notifications API as the pages use them.
/** The kinds this feature makes; other features add theirs (the settings list every kind the server names). */
export type Kind = 'mention' | 'reply' | 'comment' | 'argument' | 'debate_closed' | 'update' | 'activity' | (string & {});
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
  email: Record<string, Frequency>;
  defaults: Record<string, Frequency>;
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
  return `notifications-text-${kind.replace(/_/g, '-')}`;
}
