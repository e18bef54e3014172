// Initiatives as the API answers them: the board, one initiative with its call, team, progress and evaluation,
// and the archive of past initiatives. The server's presenters are typed against these; the web derives its
// types from them with z.infer (and imports them with `import type`, so no schema code reaches the browser).
import { z } from 'zod';
import { hiddenState } from './moderation';
import { GRANT_PROGRAMS, GRANT_STATUSES, LINK_KINDS, PHASES, RESULTS, STAGES } from './initiatives';
import { personRef } from './people';

const community = z.object({ slug: z.string(), name: z.string() });

// --- the board

export const initiativeItem = z.object({
  id: z.string(),
  title: z.string(),
  summary: z.string(),
  /** The summary as plain text, shortened (for lists). */
  summaryText: z.string(),
  stage: z.enum(STAGES),
  phase: z.enum(PHASES).nullable(),
  languages: z.array(z.string()),
  regions: z.array(z.string()),
  skills: z.array(z.string()),
  communities: z.array(community),
  leads: z.array(personRef),
  supporters: z.number(),
  seekingLead: z.boolean(),
  quiet: z.boolean(),
  /** The call's state: none, open (people can sign up: recruiting or active, before the deadline) or closed. */
  call: z.enum(['none', 'open', 'closed']),
  /** Places left to fill while the call is open (0 when it is closed or there is none). */
  openPlaces: z.number(),
  createdAt: z.string(),
  endedAt: z.string().nullable(),
  outcome: z.enum(RESULTS).nullable(),
});
export type InitiativeItem = z.infer<typeof initiativeItem>;

export const initiativeList = z.object({ items: z.array(initiativeItem), next: z.string().nullable() });
export type InitiativeList = z.infer<typeof initiativeList>;

export const countsAnswer = z.object({ counts: z.record(z.string(), z.number()), total: z.number() });
export type CountsAnswer = z.infer<typeof countsAnswer>;

export const facetsAnswer = z.object({ languages: z.array(z.string()), communities: z.array(community) });
export type FacetsAnswer = z.infer<typeof facetsAnswer>;

export const boardAnswer = countsAnswer.extend({
  /** What the filters offer: the languages initiatives name and the groups taking part in any. */
  facets: facetsAnswer,
  /** The newest few of each of the board's stages, in the board's order. */
  sections: z.array(z.object({ stage: z.enum(STAGES), items: z.array(initiativeItem) })),
});
export type BoardAnswer = z.infer<typeof boardAnswer>;

// --- the call for collaborators

export const signupShown = z.object({
  id: z.string(),
  jobId: z.string().nullable(),
  person: personRef.nullable(),
  message: z.string(),
  status: z.enum(['pending', 'accepted', 'declined', 'withdrawn']),
  createdAt: z.string(),
});
export type Signup = z.infer<typeof signupShown>;

export const jobShown = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string(),
  places: z.number(),
  filled: z.number(),
  open: z.number(),
  /** Pending sign-ups: waiting for a place or for the leads' answer. */
  waiting: z.number(),
  skills: z.array(z.string()),
  commitment: z.string(),
  accepted: z.array(personRef),
});
export type Job = z.infer<typeof jobShown>;

export const callShown = z.object({
  goals: z.array(z.string()),
  start: z.string(),
  end: z.string(),
  deadline: z.string(),
  howToJoin: z.string(),
  status: z.enum(['open', 'closed']),
  /** Why it is closed: the initiative is no longer (or not yet) recruiting or active, every place is filled, or the deadline passed. */
  closedReason: z.enum(['stage', 'full', 'deadline']).nullable(),
  openedAt: z.string(),
  jobs: z.array(jobShown),
  /** People accepted for general help. */
  helpers: z.array(personRef),
  waiting: z.number(),
});
export type Call = z.infer<typeof callShown>;

export const signupAnswer = signupShown;
export const signupList = z.object({ items: z.array(signupShown), next: z.string().nullable() });
export type SignupList = z.infer<typeof signupList>;

// --- the team

export const leadRequestShown = z.object({
  id: z.string(),
  kind: z.enum(['invitation', 'volunteer']),
  person: personRef.nullable(),
  message: z.string(),
  createdAt: z.string(),
});
export type LeadRequest = z.infer<typeof leadRequestShown>;

export const requestAnswer = z.object({
  id: z.string(),
  kind: z.enum(['invitation', 'volunteer']),
  status: z.enum(['pending', 'accepted', 'declined', 'withdrawn']),
});
export type RequestAnswer = z.infer<typeof requestAnswer>;

// --- what the leads record

/** A progress update; a hidden one keeps its place with the reason (empty title and text for most readers). */
export const progressUpdate = z.object({
  id: z.string(),
  title: z.string(),
  bodyHtml: z.string(),
  hidden: hiddenState,
  author: personRef.nullable(),
  createdAt: z.string(),
});
export type ProgressUpdate = z.infer<typeof progressUpdate>;

export const linkShown = z.object({ id: z.string(), kind: z.enum(LINK_KINDS), title: z.string(), url: z.string() });
export type InitiativeLink = z.infer<typeof linkShown>;

export const grantShown = z.object({
  id: z.string(),
  program: z.enum(GRANT_PROGRAMS),
  amount: z.string(),
  currency: z.string(),
  status: z.enum(GRANT_STATUSES),
  url: z.string().nullable(),
});
export type Grant = z.infer<typeof grantShown>;

export const phaseChecklist = z.object({
  phase: z.enum(PHASES),
  guide: z.string(),
  items: z.array(z.object({ id: z.string(), text: z.string(), language: z.string(), checked: z.boolean() })),
});
export type PhaseChecklist = z.infer<typeof phaseChecklist>;

/** An item of a phase checklist, checked or not (the answer to checking one). */
export const checkAnswer = z.object({ item: z.string(), checked: z.boolean() });
export type CheckAnswer = z.infer<typeof checkAnswer>;

export const evaluationShown = z.object({
  outcomes: z.array(z.object({ goal: z.string(), result: z.enum(RESULTS), note: z.string() })),
  reached: z.array(z.object({ region: z.string(), language: z.string(), count: z.number() })),
  reachedTotal: z.number(),
  lessons: z.string(),
  lessonsHtml: z.string(),
  differently: z.string(),
  differentlyHtml: z.string(),
  documentation: z.array(z.string()),
  followUp: z.string().nullable(),
  updatedAt: z.string(),
});
export type Evaluation = z.infer<typeof evaluationShown>;

// --- one initiative

export const initiativeDetail = initiativeItem.extend({
  /**
   * Hidden by moderation: the reason shown in its place. Only its author, leads, admins and moderators then get
   * its text and the rest; others get empty texts and lists.
   */
  hidden: hiddenState,
  problem: z.string(),
  audience: z.string(),
  summaryHtml: z.string(),
  problemHtml: z.string(),
  audienceHtml: z.string(),
  author: personRef.nullable(),
  supported: z.boolean(),
  lastActivityAt: z.string(),
  callDetail: callShown.nullable(),
  /** The viewer's own sign-ups. */
  mySignups: z.array(signupShown),
  /** Pending sign-ups, oldest first, for leads (the waiting list); empty for others. */
  waitingList: z.array(signupShown),
  leadRequests: z.array(leadRequestShown),
  /** Progress updates, newest first; a hidden one keeps its place with the reason (empty title and text for most readers). */
  updates: z.array(progressUpdate),
  links: z.array(linkShown),
  grants: z.array(grantShown),
  /** Each phase's checklist from its guide (/guides/<guide>), in the viewer's language or English, with what is done. */
  checklist: z.array(phaseChecklist),
  evaluation: evaluationShown.nullable(),
  can: z.object({
    edit: z.boolean(),
    lead: z.boolean(),
    support: z.boolean(),
    signUp: z.boolean(),
    volunteer: z.boolean(),
    stepDown: z.boolean(),
    moves: z.array(z.enum(STAGES)),
  }),
});
export type InitiativeDetail = z.infer<typeof initiativeDetail>;

export const supportAnswer = z.object({ supporters: z.number(), supported: z.boolean() });
export type SupportAnswer = z.infer<typeof supportAnswer>;

// --- the archive of past initiatives

export const archivedItem = z.object({
  id: z.string(),
  title: z.string(),
  /** The summary as written (Markdown). */
  summary: z.string(),
  /** The start of the summary as plain text, for cards. */
  summaryText: z.string(),
  stage: z.enum(['archived', 'discontinued']),
  /** How it ended: completed (archived) or discontinued. */
  ended: z.enum(['completed', 'discontinued']),
  /** The evaluation's result over all goals; null when it was not evaluated. */
  outcome: z.enum(['met', 'partly_met', 'not_met']).nullable(),
  languages: z.array(z.string()),
  regions: z.array(z.string()),
  skills: z.array(z.string()),
  communities: z.array(community),
  leads: z.array(personRef),
  createdAt: z.string(),
  endedAt: z.string(),
  evaluated: z.boolean(),
  /** Goals by their result in the evaluation. */
  goals: z.object({ met: z.number(), partlyMet: z.number(), notMet: z.number() }),
  /** People reached, as counted in the evaluation. */
  reachedTotal: z.number(),
  /** People accepted into its jobs or as general help. */
  people: z.number(),
  /** The start of the lessons learned, as plain text ('' when none). */
  lessonsExcerpt: z.string(),
  /** Links to its documentation: reports, slides on Commons, Meta pages. */
  documentation: z.array(z.string()),
});
export type ArchivedInitiative = z.infer<typeof archivedItem>;

export const archivePageAnswer = z.object({ items: z.array(archivedItem), next: z.string().nullable() });
export type ArchivePage = z.infer<typeof archivePageAnswer>;
