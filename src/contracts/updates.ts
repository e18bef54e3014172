// Answers of the Community Updates API, shared: the server presents against them and the web derives its types
// from them with z.infer (always `import type` there, so no schema code reaches the browser).
import { z } from 'zod';
import { hiddenState } from './moderation';
import { personRef } from './people';

export type HiddenState = z.infer<typeof hiddenState>;

export const communityRef = z.object({ slug: z.string(), name: z.string() });
export type CommunityRef = z.infer<typeof communityRef>;

export const updateItem = z.object({
  id: z.string(),
  title: z.string(),
  /** Sanitized HTML rendered from the Markdown body (safe to insert as HTML). */
  bodyHtml: z.string(),
  /** Plain text, about 200 characters. */
  excerpt: z.string(),
  community: communityRef,
  language: z.string(),
  author: personRef.nullable(),
  demo: z.boolean(),
  publishedAt: z.string(),
  updatedAt: z.string(),
});
export type UpdateItem = z.infer<typeof updateItem>;

export const updateDetail = updateItem.extend({
  /** The Markdown source, for editing. */
  body: z.string(),
  /** Hidden by moderation (then out of lists and the feed): the reason shows in its place; the text only for its author and moderators. */
  hidden: hiddenState,
  /** What the person asking may do with it. */
  can: z.object({ edit: z.boolean(), delete: z.boolean() }),
});
export type UpdateDetail = z.infer<typeof updateDetail>;

export const updateList = z.object({ items: z.array(updateItem), next: z.string().nullable() });
export type UpdateList = z.infer<typeof updateList>;

/** The groups and languages that have updates (for the list's filters). */
export const updateFilters = z.object({ communities: z.array(communityRef), languages: z.array(z.string()) });
export type UpdateFilters = z.infer<typeof updateFilters>;

/** The groups the signed-in person may post updates for. */
export const postableCommunities = z.object({ items: z.array(communityRef) });
export type PostableCommunities = z.infer<typeof postableCommunities>;
