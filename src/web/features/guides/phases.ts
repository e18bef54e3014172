// How the pages name a guide's phase and set the direction of text in a guide's language.
import type { Phase } from '../../../contracts/guides';
import { isRtl } from '../../../contracts/languages';

/** The LDP guide's phases in order (the API's PHASES, kept here so that page scripts need no schema code). */
export const PHASES: readonly Phase[] = ['define', 'design', 'develop', 'implement', 'evaluate'];

/** The message key naming a guide's phase ("Define", …), or the overview. */
export const phaseKey = (phase: Phase | null) => (phase ? `guides-phase-${phase}` : 'guides-phase-overview');

/** The direction of text in a language, for `dir` beside `lang`. */
export const textDir = (code: string): 'rtl' | 'ltr' => (isRtl(code) ? 'rtl' : 'ltr');
