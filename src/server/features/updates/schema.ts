// Request and response shapes of Community Updates.
import { z } from 'zod';
import { listQuery } from '../../http/pagination';
import { hiddenState } from '../moderation/visibility';

/** MediaWiki language codes (pt-br, zh-hans, skr-arab, …): checked for their form. */
export const LANGUAGE_CODE = /^[a-z]{2,3}(-[a-z0-9]+)*$/;
export const languageCode = z.string().max(30).regex(LANGUAGE_CODE, 'updates-language-invalid');

/** Ids in paths are decimal strings; anything else names no update (404, not a 500). */
export const parseId = (s: string): number | null => (/^[1-9]\d{0,14}$/.test(s) ? Number(s) : null);

// A GET form sends empty fields for "any": read them as absent.
const blankAsAbsent = (v: unknown) => (v === '' ? undefined : v);

const title = z.string().trim().min(1, 'validation-required').max(200);
const body = z.string().trim().min(1, 'validation-required').max(20000);

export const createUpdateBody = z.strictObject({
  title,
  body,
  community: z.string().trim().min(1, 'validation-required').max(100),
  language: languageCode,
});
export type CreateUpdateBody = z.infer<typeof createUpdateBody>;

export const patchUpdateBody = z.strictObject({
  title: title.optional(),
  body: body.optional(),
  language: languageCode.optional(),
});
export type PatchUpdateBody = z.infer<typeof patchUpdateBody>;

export const listUpdatesQuery = z.object({
  community: z.preprocess(blankAsAbsent, z.string().max(100).optional()),
  language: z.preprocess(blankAsAbsent, languageCode.optional()),
  ...listQuery,
});
export type ListUpdatesQuery = z.infer<typeof listUpdatesQuery>;

export const feedQuery = z.object({
  community: z.preprocess(blankAsAbsent, z.string().max(100).optional()),
  language: z.preprocess(blankAsAbsent, languageCode.optional()),
});

export const idParams = z.object({ id: z.string().max(30) });

const communityRef = z.object({ slug: z.string(), name: z.string() });

export const updateItem = z.object({
  id: z.string(),
  title: z.string(),
  /** Sanitized HTML rendered from the Markdown body (safe to insert as HTML). */
  bodyHtml: z.string(),
  /** Plain text, about 200 characters. */
  excerpt: z.string(),
  community: communityRef,
  language: z.string(),
  author: z.object({ username: z.string(), displayName: z.string() }).nullable(),
  demo: z.boolean(),
  publishedAt: z.string(),
  updatedAt: z.string(),
});

export const updateDetail = updateItem.extend({
  /** The Markdown source, for editing. */
  body: z.string(),
  /** Hidden by moderation (then out of lists and the feed): the reason shows in its place; the text only for its author and moderators. */
  hidden: hiddenState,
  /** What the person asking may do with it. */
  can: z.object({ edit: z.boolean(), delete: z.boolean() }),
});

export const updateList = z.object({ items: z.array(updateItem), next: z.string().nullable() });

export const updateFilters = z.object({ communities: z.array(communityRef), languages: z.array(z.string()) });

export const postableCommunities = z.object({ items: z.array(communityRef) });
