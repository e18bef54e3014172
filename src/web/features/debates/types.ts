import type { CommentItem } from '../conversations/types';
import type { HiddenState } from '../moderation/types';

// Debates as the API answers them (src/server/features/debates/schema.ts), plus times as text.
export interface Person {
  username: string;
  displayName: string;
}

export type Stance = 'for' | 'against' | 'neutral';

export interface DebateItem {
  id: string;
  title: string;
  language: string;
  status: 'open' | 'closed';
  opener: Person | null;
  createdAt: string;
  closedAt: string | null;
  argumentCount: number;
}

export interface ArgumentItem {
  id: string;
  stance: Stance;
  bodyHtml: string;
  /** Hidden by moderation: the reason shows in its place. */
  hidden: HiddenState | null;
  author: Person | null;
  createdAt: string;
  supports: number;
  supported: boolean;
  replies: { items: CommentItem[]; next: string | null };
}

export interface DebateDetail extends DebateItem {
  /** Hidden by moderation: the reason shows in its place (all of it only for its opener and moderators). */
  hidden: HiddenState | null;
  framingHtml: string;
  conclusionHtml: string | null;
  closedBy: Person | null;
  arguments: Record<Stance, ArgumentItem[]>;
  can: { argue: boolean; support: boolean; close: boolean };
}

export type ShownDebate<T extends DebateItem = DebateItem> = T & { createdText: string; closedText: string | null };
