// Request shapes of reviews (the answers' are in src/contracts/sources.ts): one review per person per source.
import { z } from 'zod';
import { isMediaWikiLanguage } from '../../../../contracts/mediawiki-languages';
import { JUDGEMENTS } from '../../../../contracts/sources';
import { listQuery } from '../../../http/pagination';

export const sourceParams = z.object({ id: z.string().max(30) });

export const reviewBody = z.strictObject({
  judgement: z.enum(JUDGEMENTS),
  reasons: z.string().trim().max(5000),
  intendedUse: z.string().trim().max(5000),
  audience: z.string().trim().max(200).nullable().optional(),
  language: z.string().max(30).refine(isMediaWikiLanguage, 'sources-language-unknown').nullable().optional(),
  usefulness: z.number().int().min(1).max(5),
  /** The review's revision the person started from (0 for a new review): a save after another is a 409. */
  baseRevision: z.number().int().min(0).optional(),
});
export type ReviewBody = z.infer<typeof reviewBody>;

export const reviewsQuery = z.object({ ...listQuery });
export type ReviewsQuery = z.infer<typeof reviewsQuery>;
