// Request shapes of events (answers are contracts: src/contracts/events.ts). Bodies are strict (an unknown field
// is a 400 naming it); the checks that need several fields (end after start, a rule of the subset, an address
// for in-person events, …) are made here too, each naming its field, so a bad request writes nothing.
import { z } from 'zod';
import { EVENT_KINDS, EVENT_MODES, LOCAL_TIME, QUESTION_KEYS } from '../../../contracts/events';
import { isMediaWikiLanguage } from '../../../contracts/mediawiki-languages';
import { REGIONS } from '../../../contracts/regions';
import { isLocalTime, isTimeZone, localMillis } from './time/zoned';
import { parseRule, RuleError } from './time/recurrence';

/** Paired slots beyond the main one: the same meeting at up to four times in all. */
export const MAX_EXTRA_SLOTS = 3;

const text = (max: number) => z.string().trim().max(max);
const required = (max: number) => z.string().trim().min(1, 'validation-required').max(max);
const unique = <T>(items: T[]) => new Set(items).size === items.length;
const list = <T extends z.ZodType>(item: T, max: number) => z.array(item).max(max).refine(unique, 'events-duplicates');
const language = z.string().max(30).refine(isMediaWikiLanguage, 'events-language-unknown');

/** A local time 'YYYY-MM-DDTHH:mm' that names a real date and time. */
export const localTime = z
  .string()
  .regex(LOCAL_TIME, 'events-local-time-format')
  .refine(isLocalTime, 'events-local-time-invalid');

const isWebUrl = (v: string) => {
  try {
    const u = new URL(v);
    return (u.protocol === 'https:' || u.protocol === 'http:') && !!u.hostname;
  } catch {
    return false;
  }
};
export const webUrl = z.string().trim().max(2000).refine(isWebUrl, 'validation-url');

const slot = z.strictObject({ start: localTime, end: localTime });
const speaker = z.union([
  z.strictObject({ username: z.string().trim().min(1).max(100) }),
  z.strictObject({
    name: required(200),
    affiliation: text(200).optional(),
    bio: text(2000).optional(),
    link: webUrl.optional(),
  }),
]);
export type SpeakerInput = z.infer<typeof speaker>;

const fields = {
  kind: z.enum(EVENT_KINDS),
  title: required(200),
  description: text(20000).optional(),
  start: localTime,
  end: localTime,
  timezone: z.string().trim().min(1).max(64).refine(isTimeZone, 'events-time-zone-unknown'),
  mode: z.enum(EVENT_MODES),
  recurrence: z
    .strictObject({ rrule: z.string().trim().min(1).max(300) })
    .nullable()
    .optional(),
  slots: z.array(slot).max(MAX_EXTRA_SLOTS, 'events-slots-too-many').optional(),
  languages: list(language, 10),
  interpretation: list(language, 10).optional(),
  organizers: z
    .strictObject({
      people: list(z.string().trim().min(1).max(100), 20).optional(),
      communities: list(z.string().trim().min(1).max(100), 10).optional(),
    })
    .optional(),
  speakers: z.array(speaker).max(20).optional(),
  capacity: z.number().int().min(1).max(100000).nullable().optional(),
  registration: z.strictObject({
    open: z.boolean(),
    closesAt: z.iso.datetime({ offset: true, message: 'events-instant-invalid' }).nullable().optional(),
    questions: list(z.enum(QUESTION_KEYS as [string, ...string[]]), QUESTION_KEYS.length).optional(),
  }),
  meetingUrl: webUrl.nullable().optional(),
  chatUrl: webUrl.nullable().optional(),
  address: text(500).nullable().optional(),
  agenda: z
    .array(z.strictObject({ title: required(200), minutes: z.number().int().min(1).max(1440) }))
    .max(50)
    .optional(),
  /** A course's id (decimal string). */
  course: z
    .string()
    .regex(/^[1-9]\d{0,14}$/, 'events-course-unknown')
    .nullable()
    .optional(),
  announce: z.boolean().optional(),
};

/** The checks across fields, shared by creating and changing (where they see the merged values). */
export interface TimesAndPlace {
  start: string;
  end: string;
  timezone: string;
  rrule: string | null;
  slots: { start: string; end: string }[];
  mode: string;
  address: string | null;
  meetingUrl: string | null;
}

type Issue = { path: (string | number)[]; message: string };

/** What is wrong across fields, each naming its field (empty when all is well). */
export function crossFieldIssues(v: TimesAndPlace): Issue[] {
  const issues: Issue[] = [];
  const ok = (s: string) => LOCAL_TIME.test(s) && isLocalTime(s);
  if (ok(v.start) && ok(v.end) && localMillis(v.end) <= localMillis(v.start))
    issues.push({ path: ['end'], message: 'events-end-before-start' });
  v.slots.forEach((s, i) => {
    if (ok(s.start) && ok(s.end) && localMillis(s.end) <= localMillis(s.start))
      issues.push({ path: ['slots', i, 'end'], message: 'events-end-before-start' });
  });
  if (v.rrule !== null) {
    try {
      parseRule(v.rrule);
    } catch (e) {
      if (!(e instanceof RuleError)) throw e;
      issues.push({ path: ['recurrence', 'rrule'], message: `events-rule-invalid:${e.reason}` });
    }
  }
  if ((v.mode === 'in_person' || v.mode === 'hybrid') && !v.address?.trim())
    issues.push({ path: ['address'], message: 'events-address-required' });
  if ((v.mode === 'online' || v.mode === 'hybrid') && v.meetingUrl !== null && !isWebUrl(v.meetingUrl))
    issues.push({ path: ['meetingUrl'], message: 'validation-url' });
  return issues;
}

const addIssues = (issues: Issue[], ctx: z.RefinementCtx) => {
  for (const i of issues) {
    const [key, reason] = i.message.split(':');
    ctx.addIssue({
      code: 'custom',
      path: i.path,
      message: key ?? i.message,
      ...(reason ? { params: { i18n: [reason] } } : {}),
    });
  }
};

export const createBody = z.strictObject(fields).superRefine((b, ctx) =>
  addIssues(
    crossFieldIssues({
      start: b.start,
      end: b.end,
      timezone: b.timezone,
      rrule: b.recurrence?.rrule ?? null,
      slots: b.slots ?? [],
      mode: b.mode,
      address: b.address ?? null,
      meetingUrl: b.meetingUrl ?? null,
    }),
    ctx,
  ),
);
export type CreateBody = z.infer<typeof createBody>;

/** Every field may change but the kind; the cross-field checks run on the merged event in the service. */
export const patchBody = z.strictObject({
  title: fields.title.optional(),
  description: fields.description,
  start: localTime.optional(),
  end: localTime.optional(),
  timezone: fields.timezone.optional(),
  mode: fields.mode.optional(),
  recurrence: fields.recurrence,
  slots: fields.slots,
  languages: fields.languages.optional(),
  interpretation: fields.interpretation,
  organizers: fields.organizers,
  speakers: fields.speakers,
  capacity: fields.capacity,
  registration: fields.registration.partial().optional(),
  meetingUrl: fields.meetingUrl,
  chatUrl: fields.chatUrl,
  address: fields.address,
  agenda: fields.agenda,
  course: fields.course,
  announce: fields.announce,
});
export type PatchBody = z.infer<typeof patchBody>;

export const cancelBody = z.strictObject({ reason: required(1000) });

export const occurrenceBody = z
  .strictObject({
    start: localTime.optional(),
    end: localTime.optional(),
    cancelled: z.boolean().optional(),
    reason: text(1000).optional(),
  })
  .superRefine((b, ctx) => {
    if (b.start && b.end && isLocalTime(b.start) && isLocalTime(b.end) && localMillis(b.end) <= localMillis(b.start))
      ctx.addIssue({ code: 'custom', path: ['end'], message: 'events-end-before-start' });
  });
export type OccurrenceBody = z.infer<typeof occurrenceBody>;

/** The cross-field issues of merged values as field errors (a 400 in the service that merges them). */
export const fieldErrorsOf = (issues: Issue[]) =>
  issues.map((i) => {
    const [key, reason] = i.message.split(':');
    return { field: i.path.join('.'), message: key ?? i.message, ...(reason ? { params: [reason] } : {}) };
  });

export const idParams = z.object({ id: z.string().max(30) });
export const occurrenceParams = z.object({ id: z.string().max(30), occurrence: z.string().max(30) });
export const slotQuery = z.object({ slot: z.coerce.number().int().min(0).max(MAX_EXTRA_SLOTS).optional() });

const isoDate = z.iso.date({ message: 'events-date-invalid' });
export const listQuery = z.object({
  from: isoDate.optional(),
  to: isoDate.optional(),
  /** The zone `from` and `to` are read in (the viewer's); UTC when left out. */
  timezone: fields.timezone.optional(),
  kind: z.enum(EVENT_KINDS).optional(),
  mode: z.enum(EVENT_MODES).optional(),
  language: language.optional(),
  region: z.enum(REGIONS).optional(),
  community: z.string().trim().min(1).max(100).optional(),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
export type ListQuery = z.infer<typeof listQuery>;

export const detailQuery = z.object({
  occurrence: localTime.optional(),
  slot: z.coerce.number().int().min(0).max(MAX_EXTRA_SLOTS).optional(),
});
