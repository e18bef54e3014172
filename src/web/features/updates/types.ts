// The Community Updates API's answers, as pages use them (the server's zod schemas stay on the server).
import type { HiddenState } from '../moderation';

export interface CommunityRef {
  slug: string;
  name: string;
}

export interface UpdateItem {
  id: string;
  title: string;
  /** Sanitized on the server (src/server/markdown/render.ts). */
  bodyHtml: string;
  excerpt: string;
  community: CommunityRef;
  language: string;
  author: { username: string; displayName: string } | null;
  demo: boolean;
  publishedAt: string;
  updatedAt: string;
}

export interface UpdateDetail extends UpdateItem {
  body: string;
  /** Hidden by moderation: the reason shows in its place (the text only for its author and moderators). */
  hidden: HiddenState | null;
  can: { edit: boolean; delete: boolean };
}

export interface UpdateList {
  items: UpdateItem[];
  next: string | null;
}

/** An update with what the page shows computed once, in the loader, so server and browser render the same text. */
export type Shown<T extends UpdateItem> = T & { languageName: string; publishedText: string; editedText: string | null };
