// Request shapes of an initiative's sources (the answers' are in src/contracts/sources.ts).
import { z } from 'zod';

const id = z.string().max(30);

export const initiativeParams = z.object({ id });
export const linkParams = z.object({ id, sourceId: id });

export const linkBody = z.strictObject({
  /** The source's id. */
  source: z.string().trim().min(1, 'validation-required').max(30),
  note: z.string().trim().max(1000).optional(),
});
export type LinkBody = z.infer<typeof linkBody>;
