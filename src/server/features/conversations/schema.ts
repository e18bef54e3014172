// Request and response shapes of comments.
import { z } from 'zod';
import { listQuery } from '../../http/pagination';
import { hiddenState } from '../moderation/visibility';

export const COMMENT_MAX = 10000;
/** Replies nest this deep; deeper replies sit flat at this depth, quoting the comment they answer. */
export const MAX_DEPTH = 3;

const idText = z.union([z.string().max(30), z.number().int().nonnegative()]).transform(String);

export const subjectRef = z.strictObject({
  type: z.string().min(1, 'validation-required').max(40),
  id: idText,
});

const body = z.string().trim().min(1, 'validation-required').max(COMMENT_MAX);

export const createCommentBody = z.strictObject({
  subject: subjectRef,
  body,
  parentId: idText.optional(),
});
export type CreateCommentBody = z.infer<typeof createCommentBody>;

export const patchCommentBody = z.strictObject({ body });
export type PatchCommentBody = z.infer<typeof patchCommentBody>;

export const listCommentsQuery = z.object({
  subjectType: z.string().min(1).max(40),
  subjectId: z.string().min(1).max(30),
  ...listQuery,
});
export type ListCommentsQuery = z.infer<typeof listCommentsQuery>;

export const idParams = z.object({ id: z.string().max(30) });

const person = z.object({ username: z.string(), displayName: z.string() });

export const commentItem = z.object({
  id: z.string(),
  subject: z.object({ type: z.string(), id: z.string() }),
  parentId: z.string().nullable(),
  /** 0 for a top-level comment, up to 3 for replies. */
  depth: z.number(),
  author: person.nullable(),
  /** Sanitized HTML rendered from the Markdown body; empty for a deleted comment. */
  bodyHtml: z.string(),
  /** The Markdown source, for editing; empty for a deleted comment. */
  body: z.string(),
  createdAt: z.string(),
  editedAt: z.string().nullable(),
  edited: z.boolean(),
  deleted: z.boolean(),
  /** Hidden by moderation: the reason shows in its place; the text only for its author and moderators. */
  hidden: hiddenState,
  /** The comment a reply deeper than three levels answers. */
  quoted: z.object({ id: z.string(), author: person.nullable(), excerpt: z.string() }).nullable(),
  can: z.object({ edit: z.boolean(), delete: z.boolean() }),
});

export const commentList = z.object({ items: z.array(commentItem), next: z.string().nullable() });

export const revisionList = z.object({
  items: z.array(z.object({ bodyHtml: z.string(), writtenAt: z.string(), current: z.boolean() })),
});
