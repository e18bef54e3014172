// Answers of the first steps (/api/v1/me/first-steps): the short checklist a person sees after signing up. The
// web derives its types from these with z.infer (and imports them with `import type`).
import { z } from 'zod';

/** The steps in the order the page lists them. */
export const FIRST_STEPS = ['profile', 'group', 'telegram', 'guides'] as const;
export type FirstStep = (typeof FIRST_STEPS)[number];

/** Steps the person marks done themselves; the others are done by what they did (profile filled in, a group). */
export const MARKED_STEPS = ['telegram', 'guides'] as const;
export type MarkedStep = (typeof MARKED_STEPS)[number];

export const firstStepsAnswer = z.object({
  steps: z.array(
    z.object({
      step: z.enum(FIRST_STEPS),
      done: z.boolean(),
      /** Whether the person marks it done (and undone) themselves. */
      marked: z.boolean(),
    }),
  ),
  /** The person hid the list. */
  dismissed: z.boolean(),
  /** The user menu offers the list: not hidden, and some step not done. */
  open: z.boolean(),
});
export type FirstStepsAnswer = z.infer<typeof firstStepsAnswer>;
