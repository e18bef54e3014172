// Request shapes of the first steps; the answer is in src/contracts/first-steps.ts.
import { z } from 'zod';

/** Marks the person sets themselves; the profile and group steps follow what they did and are not marked. */
export const markFirstStepsBody = z.strictObject({
  telegram: z.boolean().optional(),
  guides: z.boolean().optional(),
  dismissed: z.boolean().optional(),
});
export type MarkFirstStepsBody = z.infer<typeof markFirstStepsBody>;
