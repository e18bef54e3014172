// Request shapes of Community Updates (the answers are in src/contracts/updates.ts).
import { z } from 'zod';
import { listQuery } from '../../http/pagination';

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
