// Comments as the API answers them (src/server/features/conversations/schema.ts), plus the times as text.
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

export const UCOC_URL = 'https://meta.wikimedia.org/wiki/Special:MyLanguage/Universal_Code_of_Conduct';
