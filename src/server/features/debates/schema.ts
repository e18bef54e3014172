// Request shapes of debates (the answers' are in src/contracts/debates.ts).
import { z } from 'zod';
import { listQuery } from '../../http/pagination';
import { STANCES } from '../../../contracts/debates';

/** MediaWiki language codes (pt-br, zh-hans, …): checked for their form. */
const languageCode = z
  .string()
  .max(30)
  .regex(/^[a-z]{2,3}(-[a-z0-9]+)*$/, 'debates-language-invalid');

export const createDebateBody = z.strictObject({
  title: z.string().trim().min(1, 'validation-required').max(200),
  framing: z.string().trim().min(1, 'validation-required').max(10000),
  language: languageCode.optional(),
});
export type CreateDebateBody = z.infer<typeof createDebateBody>;

export const createArgumentBody = z.strictObject({
  stance: z.enum(STANCES),
  body: z.string().trim().min(1, 'validation-required').max(10000),
});
export type CreateArgumentBody = z.infer<typeof createArgumentBody>;

export const closeDebateBody = z.strictObject({
  conclusion: z.string().trim().min(1, 'validation-required').max(10000),
});

export const listDebatesQuery = z.object({ ...listQuery });
export type ListDebatesQuery = z.infer<typeof listDebatesQuery>;

export const idParams = z.object({ id: z.string().max(30) });
export const argumentParams = z.object({ id: z.string().max(30), argumentId: z.string().max(30) });
