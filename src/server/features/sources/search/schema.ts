// Request shapes of the sources' search: its filters (the downloads take the same) and its pages.
import { z } from 'zod';
import { listQuery } from '../../../http/pagination';

/** Each filter arrives as text and is checked by filters.ts, so a bad one is a 400 naming its parameter. */
export const sourceFilterQuery = {
  q: z.string().max(200).optional(),
  kind: z.string().max(30).optional(),
  language: z.string().max(30).optional(),
  skill: z.string().max(60).optional(),
  judgement: z.string().max(30).optional(),
  access: z.string().max(30).optional(),
  from: z.string().max(10).optional(),
  to: z.string().max(10).optional(),
  sort: z.string().max(20).optional(),
};
export const sourceSearchQuery = z.object({ ...sourceFilterQuery, ...listQuery });
export type SourceFilterQuery = { [K in keyof typeof sourceFilterQuery]?: string };
export type SourceSearchQuery = z.infer<typeof sourceSearchQuery>;
