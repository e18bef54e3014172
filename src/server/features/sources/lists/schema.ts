// Request shapes of reading lists (the answers' are in src/contracts/sources.ts).
import { z } from 'zod';
import { listQuery } from '../../../http/pagination';

/** At most this many sources in one list. */
export const LIST_MAX_ITEMS = 500;

const slug = z.string().trim().min(1, 'validation-required').max(100);
const title = z.string().trim().min(1, 'validation-required').max(200);
const description = z.string().trim().max(5000);

export const idParams = z.object({ id: z.string().max(30) });

// Not strict: the pages call the API in-process with `?uselang=` added (src/server/pages/plugin.ts), which a
// strict query would refuse, and the person's and group's pages would show no lists.
export const listsQuery = z.object({
  /** A person's username: their own lists. */
  owner: z.string().trim().max(100).optional(),
  /** A group's slug: the group's lists. */
  community: slug.optional(),
  ...listQuery,
});
export type ListsQuery = z.infer<typeof listsQuery>;

export const createBody = z.strictObject({
  title,
  description: description.optional(),
  /** A group's slug: the list is the group's (its coordinators and ambassadors keep it); else the creator's. */
  community: slug.optional(),
});
export type CreateBody = z.infer<typeof createBody>;

export const patchBody = z.strictObject({
  title: title.optional(),
  description: description.optional(),
  /** The revision the editor started from: a later change is a 409. */
  baseRevision: z.number().int().min(1).optional(),
});
export type PatchBody = z.infer<typeof patchBody>;

export const itemsBody = z.strictObject({
  items: z
    .array(
      z.strictObject({
        source: z
          .string()
          .trim()
          .regex(/^[1-9]\d{0,14}$/, 'reading-lists-source-unknown'),
        note: z.string().trim().max(2000).optional(),
      }),
    )
    .max(LIST_MAX_ITEMS)
    .superRefine((items, ctx) => {
      const seen = new Set<string>();
      items.forEach((item, n) => {
        if (seen.has(item.source))
          ctx.addIssue({ code: 'custom', path: [n, 'source'], message: 'reading-lists-source-twice' });
        seen.add(item.source);
      });
    }),
});
export type ItemsBody = z.infer<typeof itemsBody>;
