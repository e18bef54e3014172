// Request shapes of the archive: its search's filters (the downloads take the same) and pages.
import { z } from 'zod';
import { listQuery } from '../../../http/pagination';

export const archiveFilterQuery = {
  q: z.string().max(200).optional(),
  region: z.string().max(10).optional(),
  language: z.string().max(30).optional(),
  community: z.string().max(100).optional(),
  skill: z.string().max(60).optional(),
  year: z.string().max(10).optional(),
  outcome: z.string().max(20).optional(),
};
export const archiveSearchQuery = z.object({ ...archiveFilterQuery, ...listQuery });
export type ArchiveFilterQuery = { [K in keyof typeof archiveFilterQuery]?: string };
export type ArchiveSearchQuery = z.infer<typeof archiveSearchQuery>;
