/** Page-state key of whether the user menu offers the first steps (ui/header-values.ts reads it). */
export const FIRST_STEPS_KEY = 'first-steps:offered';
