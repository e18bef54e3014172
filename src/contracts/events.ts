// Events: ambassador meetings, trainings with guest speakers, workshops, community calls. Inputs carry local
// times 'YYYY-MM-DDTHH:mm' with `timezone` (DECISIONS 6); answers carry ISO 8601 instants with their offset in
// the event's zone, and `occurrence` is the original local start (iCalendar's RECURRENCE-ID). Ids are decimal
// strings (DECISIONS 7); maps keyed by an enum use its snake_case values (DECISIONS 8). The web derives its types
// with z.infer through `import type`.
import { z } from 'zod';
import { personRef } from './people';

export const EVENT_KINDS = ['ambassador_meeting', 'training', 'workshop', 'community_call', 'other'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

export const EVENT_MODES = ['online', 'in_person', 'hybrid'] as const;
export type EventMode = (typeof EVENT_MODES)[number];

/** CampaignEvents' optional participant questions, with their answers. Organizers see totals only. */
export const EVENT_QUESTIONS = {
  affiliation: ['affiliate', 'user_group', 'foundation', 'other_organization', 'none'],
  confidence: ['not_confident', 'somewhat_confident', 'confident', 'very_confident'],
  contributing_since: ['under_a_year', 'one_to_five_years', 'over_five_years', 'not_yet'],
} as const;
export type EventQuestion = keyof typeof EVENT_QUESTIONS;
export const QUESTION_KEYS = Object.keys(EVENT_QUESTIONS) as EventQuestion[];

export const REGISTRATION_STATUSES = ['registered', 'waiting'] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];

/** A local time as typed: 'YYYY-MM-DDTHH:mm' in a named zone. */
export const LOCAL_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;

export const places = z.object({
  /** null: unlimited. */
  capacity: z.number().int().nullable(),
  taken: z.number().int(),
  waiting: z.number().int(),
});
export type Places = z.infer<typeof places>;

/** One occurrence (one slot of it) in a list. */
export const eventListItem = z.object({
  eventId: z.string(),
  occurrence: z.string(),
  slot: z.number().int(),
  start: z.string(),
  end: z.string(),
  timezone: z.string(),
  title: z.string(),
  kind: z.enum(EVENT_KINDS),
  mode: z.enum(EVENT_MODES),
  languages: z.array(z.string()),
  cancelled: z.boolean(),
  places,
});
export type EventListItem = z.infer<typeof eventListItem>;
export const eventList = z.object({ items: z.array(eventListItem), next: z.string().nullable() });
export type EventList = z.infer<typeof eventList>;

export const communityRef = z.object({ slug: z.string(), name: z.string() });

export const speaker = z.object({
  /** A participant of the platform, or null for an external person. */
  person: personRef.nullable(),
  name: z.string(),
  affiliation: z.string().nullable(),
  bio: z.string().nullable(),
  link: z.string().nullable(),
});
export type Speaker = z.infer<typeof speaker>;

export const agendaItem = z.object({ title: z.string(), minutes: z.number().int() });

export const occurrenceShown = z.object({
  occurrence: z.string(),
  slot: z.number().int(),
  start: z.string(),
  end: z.string(),
  moved: z.boolean(),
  cancelled: z.boolean(),
  cancelReason: z.string().nullable(),
  places,
  /** Registered people the viewer may see (public ones; all for organizers and the person), and how many more. */
  registrants: z.array(personRef),
  moreRegistrants: z.number().int(),
  /** The viewer's own registration for this occurrence, if any. */
  mine: z.object({ id: z.string(), status: z.enum(REGISTRATION_STATUSES), private: z.boolean() }).nullable(),
  /** Afterwards. */
  notesHtml: z.string().nullable(),
  recordingUrl: z.string().nullable(),
  followUpHtml: z.string().nullable(),
  attendance: z.object({ present: z.number().int(), walkIns: z.number().int() }).nullable(),
});
export type OccurrenceShown = z.infer<typeof occurrenceShown>;

export const eventDetail = z.object({
  id: z.string(),
  kind: z.enum(EVENT_KINDS),
  title: z.string(),
  descriptionHtml: z.string(),
  timezone: z.string(),
  start: z.string(),
  end: z.string(),
  /** The rule as written (RRULE subset), null for a single event. */
  rrule: z.string().nullable(),
  slots: z.array(z.object({ start: z.string(), end: z.string() })),
  mode: z.enum(EVENT_MODES),
  languages: z.array(z.string()),
  interpretation: z.array(z.string()),
  /** Public: a chat link and an address; never the meeting link (it goes through /events/<id>/join). */
  chatUrl: z.string().nullable(),
  address: z.string().nullable(),
  hasMeetingLink: z.boolean(),
  organizers: z.object({ people: z.array(personRef), communities: z.array(communityRef) }),
  speakers: z.array(speaker),
  agenda: z.array(agendaItem),
  registration: z.object({
    open: z.boolean(),
    closesAt: z.string().nullable(),
    questions: z.array(z.string()),
  }),
  course: z.object({ id: z.string(), title: z.string() }).nullable(),
  announce: z.boolean(),
  cancelled: z.object({ at: z.string(), reason: z.string() }).nullable(),
  /** The occurrence asked for (or the next one), with its neighbours in the series. */
  occurrence: occurrenceShown.nullable(),
  upcoming: z.array(
    z.object({ occurrence: z.string(), slot: z.number().int(), start: z.string(), cancelled: z.boolean() }),
  ),
  initiatives: z.array(z.object({ id: z.string(), title: z.string() })),
  revision: z.number().int(),
  createdBy: personRef.nullable(),
  /** What the viewer may do. */
  can: z.object({ manage: z.boolean(), register: z.boolean() }),
});
export type EventDetail = z.infer<typeof eventDetail>;

/** A registration made: for a series, the first occurrence's row, and the series registration's id. */
export const registrationCreated = z.object({
  id: z.string(),
  status: z.enum(REGISTRATION_STATUSES),
  series: z.string().nullable(),
});

/** Organizers' view of an occurrence's registrants, and the answers' totals (never raw answers). */
export const registrationsAnswer = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      person: personRef,
      status: z.enum(REGISTRATION_STATUSES),
      private: z.boolean(),
      slot: z.number().int(),
      occurrence: z.string(),
      at: z.string(),
    }),
  ),
  /** question -> answer -> count. */
  answerTotals: z.record(z.string(), z.record(z.string(), z.number().int())),
});

/** Attendance per ambassador (person) or per group (public), over ambassador meetings. */
export const attendanceAnswer = z.object({
  meetings: z.number().int(),
  attended: z.number().int(),
  items: z.array(
    z.object({
      eventId: z.string(),
      occurrence: z.string(),
      title: z.string(),
      start: z.string(),
      present: z.boolean(),
    }),
  ),
});

/** The meeting link, for organizers only, never kept (DECISIONS 14). */
export const meetingLinkAnswer = z.object({ url: z.string().nullable() });

export const calendarTokenAnswer = z.object({ url: z.string() });
