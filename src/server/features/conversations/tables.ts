import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface CommentsTable {
  id: Generated<number>;
  subject_type: string;
  subject_id: number;
  author_id: number | null;
  parent_id: number | null;
  quoted_id: number | null;
  depth: number;
  path: Generated<string>;
  body: string;
  /** Stored Markdown (src/server/markdown/stored.ts). */
  body_html: string | null;
  body_lead: string | null;
  html_version: number | null;
  created_at: Timestamp;
  edited_at: Date | null;
  deleted_at: Date | null;
}

export interface CommentRevisionsTable {
  id: Generated<number>;
  comment_id: number;
  body: string;
  /** Stored Markdown (src/server/markdown/stored.ts). */
  body_html: string | null;
  html_version: number | null;
  written_at: Date;
}

export interface CommentMentionsTable {
  comment_id: number;
  user_id: number;
}

export interface ConversationsTables {
  comments: CommentsTable;
  comment_revisions: CommentRevisionsTable;
  comment_mentions: CommentMentionsTable;
}
