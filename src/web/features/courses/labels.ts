// Message keys of the catalogue's vocabularies (levels, run statuses, progress) and the LDP phases' names.
import type { CourseLevel, ProgressStatus, RunStatus } from '../../../contracts/courses';

export const LEVELS: readonly CourseLevel[] = ['introductory', 'intermediate', 'advanced'];
export const RUN_STATUSES: readonly RunStatus[] = ['planned', 'translating', 'open', 'closed'];
export const PROGRESS: readonly ProgressStatus[] = ['interested', 'enrolled', 'completed'];
/** The LDP's phases (the API's PHASES, kept here so that page scripts need no schema code). */
export const PHASES = ['define', 'design', 'develop', 'implement', 'evaluate'] as const;

export const levelKey = (l: string) => `courses-level-${l}`;
export const runStatusKey = (s: string) => `courses-run-status-${s}`;
export const progressKey = (s: string) => `courses-progress-${s}`;
/** The guides' names of the phases ("Define", …). */
export const phaseKey = (p: string) => `guides-phase-${p}`;
