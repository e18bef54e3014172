// Request shapes of the board: its list's query, the counts per stage and the overview.
import { z } from 'zod';
import { listQuery } from '../../../http/pagination';

const filters = {
  region: z.string().max(10).optional(),
  language: z.string().max(30).optional(),
  community: z.string().max(100).optional(),
  skill: z.string().max(60).optional(),
};

export const listQuerySchema = z.object({
  ...filters,
  stage: z.string().max(20).optional(),
  q: z.string().max(200).optional(),
  /** `me`: open calls that fit my languages, region and skills (signed-in people). */
  matching: z.string().max(10).optional(),
  ...listQuery,
});
export type ListQuery = z.infer<typeof listQuerySchema>;

export const countsQuery = z.object({ ...filters, q: z.string().max(200).optional() });
export type CountsQuery = z.infer<typeof countsQuery>;

export const boardQuery = z.object({
  ...filters,
  /** How many of the newest initiatives of each stage to list (0: only the counts and the filters' choices). */
  shown: z.coerce.number().int().min(0).max(20).default(6),
});
export type BoardQuery = z.infer<typeof boardQuery>;
