// Comments' answers: one comment, a page of a thread, and a comment's versions. The web derives its types from
// these with z.infer (and imports them with `import type`, so no schema code reaches the browser).
import { z } from 'zod';
import { hiddenState } from './moderation';
import { personRef } from './people';

export const commentItem = z.object({
  id: z.string(),
  subject: z.object({ type: z.string(), id: z.string() }),
  parentId: z.string().nullable(),
  /** 0 for a top-level comment, up to 3 for replies. */
  depth: z.number(),
  author: personRef.nullable(),
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
  quoted: z.object({ id: z.string(), author: personRef.nullable(), excerpt: z.string() }).nullable(),
  can: z.object({ edit: z.boolean(), delete: z.boolean() }),
});
export type CommentItem = z.infer<typeof commentItem>;

export const commentList = z.object({ items: z.array(commentItem), next: z.string().nullable() });
export type CommentList = z.infer<typeof commentList>;

export const commentRevision = z.object({ bodyHtml: z.string(), writtenAt: z.string(), current: z.boolean() });
export type CommentRevision = z.infer<typeof commentRevision>;

export const commentRevisionList = z.object({ items: z.array(commentRevision) });
export type CommentRevisionList = z.infer<typeof commentRevisionList>;

/** Someone to mention, as the composer suggests them: why they come first (followed, in this discussion). */
export const mentionSuggestion = personRef.extend({ reason: z.enum(['follow', 'discussion', 'other']) });
export type MentionSuggestion = z.infer<typeof mentionSuggestion>;

export const mentionSuggestions = z.object({ items: z.array(mentionSuggestion) });
export type MentionSuggestions = z.infer<typeof mentionSuggestions>;
