// Initiatives' fixed vocabularies, shared by the server and the pages. Labels are interface messages
// (`initiatives-stage-<value>`, `initiatives-phase-<value>`, …, underscores as dashes).

/** Where an initiative stands in its life. */
export const STAGES = ['idea', 'recruiting', 'active', 'evaluating', 'archived', 'discontinued'] as const;
export type Stage = (typeof STAGES)[number];

/** The stages the board shows, in order (discontinued ones are in the archive). */
export const BOARD_STAGES = ['idea', 'recruiting', 'active', 'evaluating', 'archived'] as const;

/** The stages in which an open call takes sign-ups (before its deadline, while a place is left). */
export const SIGNUP_STAGES = ['recruiting', 'active'] as const;

/** The moves between stages that are allowed; any other is a conflict. */
export const STAGE_MOVES: Record<Stage, readonly Stage[]> = {
  idea: ['recruiting', 'active', 'discontinued'],
  recruiting: ['active', 'discontinued'],
  active: ['evaluating', 'discontinued'],
  evaluating: ['archived', 'discontinued'],
  archived: ['idea'],
  discontinued: ['idea'],
};

/** The LDP guide's phases (Section 3, modelled on ADDIE) an active initiative works through. */
export const PHASES = ['define', 'design', 'develop', 'implement', 'evaluate'] as const;
export type Phase = (typeof PHASES)[number];

/** Items of a phase's checklist are the guide's (features/guides: `<phase>_<key>`); initiatives record which are done. */

export const LINK_KINDS = ['event', 'training', 'course', 'other'] as const;
export type LinkKind = (typeof LINK_KINDS)[number];

/** Grant programs of the Wikimedia Foundation, past and present, and any other funder. */
export const GRANT_PROGRAMS = ['rapid_fund', 'general_support_fund', 'conference_event_fund', 'msig', 'other'] as const;
export const GRANT_STATUSES = ['planned', 'applied', 'funded', 'not_funded', 'reported'] as const;

/** How a goal came out in the evaluation. */
export const RESULTS = ['met', 'partly_met', 'not_met'] as const;
export type Result = (typeof RESULTS)[number];

/** The archive's outcome filter: how it ended, or how its goals came out. */
export const OUTCOMES = ['completed', 'discontinued', 'met', 'partly_met', 'not_met'] as const;

/** Message key of a vocabulary value: `initiatives-<kind>-<value with dashes>`. */
export const initiativeKey = (kind: string, value: string) => `initiatives-${kind}-${value.replace(/_/g, '-')}`;
