// The event form's state, filled from an event for editing, and the request body it sends (POST /events,
// PATCH /events/<id>): local times 'YYYY-MM-DDTHH:mm' with their zone, the recurrence as an RRULE.
import type { EventDetail, EventKind, EventMode } from '../../../../contracts/events';
import { instantOf, localDateTime } from '../../../../contracts/time-ranges';
import { defaultRecurrence, fromRrule, toRrule, type Recurrence } from './rrule';

export interface SpeakerRow {
  person: string;
  name: string;
  affiliation: string;
  bio: string;
  link: string;
}

export interface EventForm {
  kind: EventKind;
  title: string;
  description: string;
  start: string;
  end: string;
  timezone: string;
  recurrence: Recurrence;
  /** Paired slots beyond the first (start and end above): the same meeting at other times. */
  slots: { start: string; end: string }[];
  mode: EventMode;
  meetingUrl: string;
  chatUrl: string;
  address: string;
  languages: string[];
  interpretation: string[];
  /** Usernames, comma-separated as typed. */
  people: string;
  communities: string[];
  speakers: SpeakerRow[];
  agenda: { title: string; minutes: string }[];
  capacity: string;
  open: boolean;
  closesAt: string;
  questions: string[];
  course: string;
  announce: boolean;
}

export const emptySpeaker = (): SpeakerRow => ({ person: '', name: '', affiliation: '', bio: '', link: '' });

export function emptyForm(timezone: string, kind: EventKind = 'training'): EventForm {
  return {
    kind,
    title: '',
    description: '',
    start: '',
    end: '',
    timezone,
    recurrence: defaultRecurrence(''),
    slots: [],
    mode: 'online',
    meetingUrl: '',
    chatUrl: '',
    address: '',
    languages: [],
    interpretation: [],
    people: '',
    communities: [],
    speakers: [],
    agenda: [],
    capacity: '',
    open: true,
    closesAt: '',
    questions: [],
    course: '',
    announce: false,
  };
}

/**
 * The form for editing an event as the API shows it. The answer carries the description as HTML only: the field
 * starts empty, and an empty description on edit keeps the one there (see bodyOf).
 */
export function formOf(d: EventDetail, meetingUrl: string | null): EventForm {
  const local = (iso: string) => localDateTime(iso, d.timezone);
  const start = local(d.start);
  return {
    ...emptyForm(d.timezone, d.kind),
    title: d.title,
    description: '',
    start,
    end: local(d.end),
    recurrence: fromRrule(d.rrule, start) ?? defaultRecurrence(start),
    slots: d.slots.map((s) => ({ start: local(s.start), end: local(s.end) })),
    mode: d.mode,
    meetingUrl: meetingUrl ?? '',
    chatUrl: d.chatUrl ?? '',
    address: d.address ?? '',
    languages: [...d.languages],
    interpretation: [...d.interpretation],
    people: d.organizers.people.map((p) => p.username).join(', '),
    communities: d.organizers.communities.map((c) => c.slug),
    speakers: d.speakers.map((s) => ({
      person: s.person?.username ?? '',
      name: s.person ? '' : s.name,
      affiliation: s.affiliation ?? '',
      bio: s.bio ?? '',
      link: s.link ?? '',
    })),
    agenda: d.agenda.map((a) => ({ title: a.title, minutes: String(a.minutes) })),
    capacity: d.occurrence?.places.capacity == null ? '' : String(d.occurrence.places.capacity),
    open: d.registration.open,
    closesAt: d.registration.closesAt ? local(d.registration.closesAt) : '',
    questions: [...d.registration.questions],
    course: d.course?.id ?? '',
    announce: d.announce,
  };
}

const text = (s: string) => s.trim() || undefined;

/** The request body: POST /events's, or on edit PATCH's (no kind; an empty description keeps the one there). */
export function bodyOf(f: EventForm, editing = false): Record<string, unknown> {
  const rrule = toRrule(f.recurrence);
  const people = f.people
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  const zone = f.timezone.trim();
  return {
    ...(editing ? {} : { kind: f.kind }),
    title: f.title,
    ...(editing && !f.description.trim() ? {} : { description: f.description }),
    start: f.start,
    end: f.end,
    timezone: zone,
    ...(rrule ? { recurrence: { rrule } } : editing ? { recurrence: null } : {}),
    slots: f.slots,
    mode: f.mode,
    meetingUrl: text(f.meetingUrl) ?? null,
    chatUrl: text(f.chatUrl) ?? null,
    address: text(f.address) ?? null,
    languages: f.languages,
    ...(f.interpretation.length ? { interpretation: f.interpretation } : {}),
    organizers: { people, communities: f.communities },
    speakers: f.speakers
      .filter((s) => s.person.trim() || s.name.trim())
      .map((s) =>
        s.person.trim()
          ? { username: s.person.trim() }
          : { name: s.name.trim(), affiliation: text(s.affiliation), bio: text(s.bio), link: text(s.link) },
      ),
    agenda: f.agenda.filter((a) => a.title.trim()).map((a) => ({ title: a.title.trim(), minutes: Number(a.minutes) })),
    capacity: f.capacity.trim() === '' ? null : Number(f.capacity),
    registration: {
      open: f.open,
      // An instant: the wall-clock time typed, in the event's zone.
      closesAt: f.closesAt && zone ? instantOf(f.closesAt, zone) : null,
      questions: f.questions,
    },
    course: text(f.course) ?? null,
    announce: f.announce,
  };
}
