// Comments as the API answers them (src/server/features/conversations/schema.ts), plus the times as text.
import type { HiddenState } from '../moderation/types';

export interface Person {
  username: string;
  displayName: string;
}

export interface CommentItem {
  id: string;
  subject: { type: string; id: string };
  parentId: string | null;
  depth: number;
  author: Person | null;
  bodyHtml: string;
  body: string;
  createdAt: string;
  editedAt: string | null;
  edited: boolean;
  deleted: boolean;
  /** Hidden by moderation: the reason shows in its place (the text only for its author and moderators). */
  hidden: HiddenState | null;
  quoted: { id: string; author: Person | null; excerpt: string } | null;
  can: { edit: boolean; delete: boolean };
}

export interface ShownComment extends CommentItem {
  createdText: string;
}

export interface ThreadData {
  items: ShownComment[];
  next: string | null;
}

export { UCOC_URL } from '../moderation/types';
