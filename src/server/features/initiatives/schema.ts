// Request and response shapes of initiatives.
import { z } from 'zod';
import { listQuery } from '../../http/pagination';
import { hiddenState } from '../moderation/visibility';
import { isMediaWikiLanguage } from '../../../contracts/mediawiki-languages';
import { REGIONS } from '../../../contracts/regions';
import { SKILLS } from '../../../contracts/skills';
import {
  GRANT_PROGRAMS,
  GRANT_STATUSES,
  LINK_KINDS,
  PHASES,
  RESULTS,
  STAGES,
} from '../../../contracts/initiatives';

const CURRENCIES = new Set(Intl.supportedValuesOf('currency'));

const text = (max: number) => z.string().trim().max(max);
const required = (max: number) => z.string().trim().min(1, 'validation-required').max(max);
const language = z.string().max(30).refine(isMediaWikiLanguage, 'initiatives-language-unknown');
const unique = <T>(items: T[]) => new Set(items).size === items.length;
const list = <T extends z.ZodType>(item: T, max: number) => z.array(item).max(max).refine(unique, 'initiatives-duplicates');
/** A calendar date, YYYY-MM-DD, that exists. */
export const isoDate = z.iso.date({ message: 'initiatives-date-invalid' });
/** A web address: http or https only. */
export const webUrl = z
  .string()
  .trim()
  .max(2000)
  .refine((v) => {
    try {
      const u = new URL(v);
      return (u.protocol === 'https:' || u.protocol === 'http:') && !!u.hostname;
    } catch {
      return false;
    }
  }, 'validation-url');

const ideaFields = {
  title: required(200),
  summary: required(2000),
  problem: text(5000).optional(),
  audience: text(2000).optional(),
  languages: list(language, 30).optional(),
  regions: list(z.enum(REGIONS), 8).optional(),
  /** Slugs of the groups involved. */
  communities: list(z.string().max(100), 20).optional(),
  skills: list(z.enum(SKILLS), 30).optional(),
};

export const createBody = z.strictObject(ideaFields);
export type CreateBody = z.infer<typeof createBody>;

export const patchBody = z.strictObject({ ...ideaFields, title: ideaFields.title.optional(), summary: ideaFields.summary.optional() });
export type PatchBody = z.infer<typeof patchBody>;

const filters = {
  region: z.string().max(10).optional(),
  language: z.string().max(30).optional(),
  community: z.string().max(100).optional(),
  skill: z.string().max(60).optional(),
};

export const listQuerySchema = z.object({
  ...filters,
  stage: z.string().max(20).optional(),
  q: z.string().max(200).optional(),
  /** `me`: open calls that fit my languages, region and skills (signed-in people). */
  matching: z.string().max(10).optional(),
  ...listQuery,
});
export type ListQuery = z.infer<typeof listQuerySchema>;

export const countsQuery = z.object({ ...filters, q: z.string().max(200).optional() });
export type CountsQuery = z.infer<typeof countsQuery>;

export const boardQuery = z.object({
  ...filters,
  /** How many of the newest initiatives of each stage to list (0: only the counts and the filters' choices). */
  shown: z.coerce.number().int().min(0).max(20).default(6),
});
export type BoardQuery = z.infer<typeof boardQuery>;

export const idParams = z.object({ id: z.string().max(30) });
export const jobParams = z.object({ id: z.string().max(30), jobId: z.string().max(30) });
export const signupParams = z.object({ id: z.string().max(30), signupId: z.string().max(30) });
export const requestParams = z.object({ id: z.string().max(30), requestId: z.string().max(30) });
export const grantParams = z.object({ id: z.string().max(30), grantId: z.string().max(30) });
export const linkParams = z.object({ id: z.string().max(30), linkId: z.string().max(30) });
export const itemParams = z.object({ id: z.string().max(30), item: z.string().max(60) });

export const stageBody = z.strictObject({ stage: z.enum(STAGES) });
export const phaseBody = z.strictObject({ phase: z.enum(PHASES) });

const jobBody = z.strictObject({
  /** An existing job's id keeps it (and its sign-ups); a job without one is new. */
  id: z.string().max(30).optional(),
  title: required(200),
  description: required(5000),
  places: z.number().int().min(1).max(1000),
  skills: list(z.enum(SKILLS), 30).optional(),
  commitment: text(200).optional(),
});

export const callBody = z
  .strictObject({
    goals: z.array(required(500)).min(1).max(20),
    jobs: z.array(jobBody).min(1).max(30),
    start: isoDate,
    end: isoDate,
    /** The last day to sign up (UTC); the start when left out. */
    deadline: isoDate.optional(),
    howToJoin: text(5000).optional(),
  })
  .superRefine((v, ctx) => {
    if (v.end < v.start) ctx.addIssue({ code: 'custom', path: ['end'], message: 'initiatives-end-before-start' });
    if (v.deadline && v.deadline > v.end) ctx.addIssue({ code: 'custom', path: ['deadline'], message: 'initiatives-deadline-after-end' });
    const ids = v.jobs.flatMap((j) => (j.id ? [j.id] : []));
    if (!unique(ids)) ctx.addIssue({ code: 'custom', path: ['jobs'], message: 'initiatives-duplicates' });
  });
export type CallBody = z.infer<typeof callBody>;

export const signupBody = z.strictObject({ message: text(2000).optional() });
export const inviteBody = z.strictObject({ username: required(100), message: text(2000).optional() });
export const volunteerBody = z.strictObject({ message: text(2000).optional() });
export const stepDownBody = z.strictObject({
  /** Mark it as seeking a new lead (always so when the last lead steps down). */
  seekingLead: z.boolean().optional(),
});

export const updateBody = z.strictObject({ title: required(200), body: required(20000) });
export const linkBody = z.strictObject({ kind: z.enum(LINK_KINDS), title: required(200), url: webUrl });
export const communitiesBody = z.strictObject({ communities: list(z.string().max(100), 20) });

const metaGrantUrl = webUrl.refine((v) => /^https:\/\/meta\.wikimedia\.org\/wiki\/./.test(v), 'initiatives-grant-url-meta');
export const grantBody = z.strictObject({
  program: z.enum(GRANT_PROGRAMS),
  amount: z.number().min(0).max(1e11).refine((n) => Math.round(n * 100) === n * 100 || Math.abs(Math.round(n * 100) - n * 100) < 1e-6, 'initiatives-amount-cents'),
  currency: z.string().refine((c) => CURRENCIES.has(c), 'initiatives-currency-unknown'),
  status: z.enum(GRANT_STATUSES),
  url: metaGrantUrl.nullable().optional(),
});
export type GrantBody = z.infer<typeof grantBody>;

export const checkBody = z.strictObject({ checked: z.boolean() });

export const evaluationBody = z.strictObject({
  outcomes: z.array(z.strictObject({ goal: required(500), result: z.enum(RESULTS), note: text(2000).optional() })).min(1).max(30),
  reached: z
    .array(z.strictObject({ region: z.enum(REGIONS), language, count: z.number().int().min(0).max(10_000_000) }))
    .max(200)
    .refine((rows) => unique(rows.map((r) => `${r.region}|${r.language}`)), 'initiatives-duplicates'),
  lessons: required(10000),
  differently: text(10000).optional(),
  documentation: list(webUrl, 30),
  followUp: isoDate.nullable().optional(),
});
export type EvaluationBody = z.infer<typeof evaluationBody>;

// --- answers

const person = z.object({ username: z.string(), displayName: z.string() });
const community = z.object({ slug: z.string(), name: z.string() });

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
  leads: z.array(person),
  supporters: z.number(),
  seekingLead: z.boolean(),
  quiet: z.boolean(),
  /** The call's state: none, open (people can sign up) or closed. */
  call: z.enum(['none', 'open', 'closed']),
  openPlaces: z.number(),
  createdAt: z.string(),
  endedAt: z.string().nullable(),
  outcome: z.enum(RESULTS).nullable(),
});

export const initiativeList = z.object({ items: z.array(initiativeItem), next: z.string().nullable() });
export const countsAnswer = z.object({ counts: z.record(z.string(), z.number()), total: z.number() });
export const facetsAnswer = z.object({ languages: z.array(z.string()), communities: z.array(community) });
export const boardAnswer = countsAnswer.extend({
  /** What the filters offer: the languages initiatives name and the groups taking part in any. */
  facets: facetsAnswer,
  /** The newest few of each of the board's stages, in the board's order. */
  sections: z.array(z.object({ stage: z.enum(STAGES), items: z.array(initiativeItem) })),
});

const signupShown = z.object({
  id: z.string(),
  jobId: z.string().nullable(),
  person: person.nullable(),
  message: z.string(),
  status: z.enum(['pending', 'accepted', 'declined', 'withdrawn']),
  createdAt: z.string(),
});

const jobShown = z.object({
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
  accepted: z.array(person),
});

export const callShown = z.object({
  goals: z.array(z.string()),
  start: z.string(),
  end: z.string(),
  deadline: z.string(),
  howToJoin: z.string(),
  status: z.enum(['open', 'closed']),
  closedReason: z.enum(['full', 'deadline']).nullable(),
  openedAt: z.string(),
  jobs: z.array(jobShown),
  /** People accepted for general help. */
  helpers: z.array(person),
  waiting: z.number(),
});

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
  author: person.nullable(),
  supported: z.boolean(),
  lastActivityAt: z.string(),
  callDetail: callShown.nullable(),
  /** The viewer's own sign-ups. */
  mySignups: z.array(signupShown),
  /** Pending sign-ups, oldest first, for leads (the waiting list); empty for others. */
  waitingList: z.array(signupShown),
  leadRequests: z.array(
    z.object({
      id: z.string(),
      kind: z.enum(['invitation', 'volunteer']),
      person: person.nullable(),
      message: z.string(),
      createdAt: z.string(),
    }),
  ),
  /** Progress updates, newest first; a hidden one keeps its place with the reason (empty title and text for most readers). */
  updates: z.array(z.object({ id: z.string(), title: z.string(), bodyHtml: z.string(), hidden: hiddenState, author: person.nullable(), createdAt: z.string() })),
  links: z.array(z.object({ id: z.string(), kind: z.enum(LINK_KINDS), title: z.string(), url: z.string() })),
  grants: z.array(
    z.object({
      id: z.string(),
      program: z.enum(GRANT_PROGRAMS),
      amount: z.string(),
      currency: z.string(),
      status: z.enum(GRANT_STATUSES),
      url: z.string().nullable(),
    }),
  ),
  /** Each phase's checklist from its guide (/guides/<guide>), in the viewer's language or English, with what is done. */
  checklist: z.array(
    z.object({
      phase: z.enum(PHASES),
      guide: z.string(),
      items: z.array(z.object({ id: z.string(), text: z.string(), language: z.string(), checked: z.boolean() })),
    }),
  ),
  evaluation: z
    .object({
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
    })
    .nullable(),
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

export const signupAnswer = signupShown;
export const signupList = z.object({ items: z.array(signupShown), next: z.string().nullable() });
export const supportAnswer = z.object({ supporters: z.number(), supported: z.boolean() });
export const requestAnswer = z.object({ id: z.string(), kind: z.enum(['invitation', 'volunteer']), status: z.enum(['pending', 'accepted', 'declined', 'withdrawn']) });
