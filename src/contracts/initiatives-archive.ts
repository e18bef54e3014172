// The archive of past initiatives: the values of its outcome filter, shared by the server and the pages.
//
// An initiative is in the archive once it has ended: `archived` (completed, after its evaluation stage) or
// `discontinued` (stopped at any stage). Its outcome is read two ways, and the filter takes either:
// - how it ended: `completed` (stage archived) or `discontinued`;
// - how its goals came out in the evaluation, as a whole: `met` (every goal met), `not_met` (none met),
//   `partly_met` (anything between), or `not_evaluated` (ended without an evaluation).
// Labels are the interface messages `initiatives-outcome-<value with dashes>`.
import { OUTCOMES } from './initiatives';

export const ARCHIVE_OUTCOMES = [...OUTCOMES, 'not_evaluated'] as const;
export type ArchiveOutcome = (typeof ARCHIVE_OUTCOMES)[number];

/** The stages of the archive. */
export const ARCHIVE_STAGES = ['archived', 'discontinued'] as const;

/** The first year the archive's year filter offers (the network began in 2022). */
export const ARCHIVE_FIRST_YEAR = 2022;
