// What makes a first step done and when the list is still offered: pure predicates (unit-tested in
// policy.test.ts). Each person sees and marks only their own steps: the routes are under /me.

/** The profile step: a region, at least one language and at least one skill (the `interests` field). */
export const profileFilledIn = (p: { region: string | null; languages: string[]; interests: string[] }): boolean =>
  !!p.region && p.languages.length > 0 && p.interests.length > 0;

/** The user menu offers the list until the person hides it or every step is done. */
export const listOffered = (steps: { done: boolean }[], dismissed: boolean): boolean =>
  !dismissed && steps.some((s) => !s.done);
