// The event form's state, filled from an event for editing, and the request body it sends (POST /events,
// PATCH /events/<id>): local times 'YYYY-MM-DDTHH:mm' with their zone, the recurrence as an RRULE.
import type { EventDetail, EventKind, EventMode } from '../../../../contracts/events';
import { localDateTime } from '../../../../contracts/time-ranges';
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

/** The form for editing an event as the API shows it (its Markdown description when the answer carries it). */
export function formOf(d: EventDetail & { description?: string }): EventForm {
  const local = (iso: string) => localDateTime(iso, d.timezone);
  const start = local(d.start);
  return {
    ...emptyForm(d.timezone, d.kind),
    title: d.title,
    description: d.description ?? '',
    start,
    end: local(d.end),
    recurrence: fromRrule(d.rrule, start) ?? defaultRecurrence(start),
    slots: d.slots.slice(1).map((s) => ({ start: local(s.start), end: local(s.end) })),
    mode: d.mode,
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

/** The request body. On edit, an empty meeting link keeps the one set (organizers never read it back here). */
export function bodyOf(f: EventForm): Record<string, unknown> {
  const rrule = toRrule(f.recurrence);
  const people = f.people
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  return {
    kind: f.kind,
    title: f.title,
    description: f.description,
    start: f.start,
    end: f.end,
    timezone: f.timezone.trim(),
    ...(rrule ? { recurrence: { rrule } } : {}),
    ...(f.slots.length ? { slots: [{ start: f.start, end: f.end }, ...f.slots] } : {}),
    mode: f.mode,
    meetingUrl: text(f.meetingUrl),
    chatUrl: text(f.chatUrl),
    address: text(f.address),
    languages: f.languages,
    ...(f.interpretation.length ? { interpretation: f.interpretation } : {}),
    organizers: { people, communities: f.communities },
    speakers: f.speakers
      .filter((s) => s.person.trim() || s.name.trim())
      .map((s) => ({
        ...(s.person.trim() ? { person: s.person.trim() } : { name: s.name.trim() }),
        affiliation: text(s.affiliation),
        bio: text(s.bio),
        link: text(s.link),
      })),
    agenda: f.agenda.filter((a) => a.title.trim()).map((a) => ({ title: a.title.trim(), minutes: Number(a.minutes) })),
    capacity: f.capacity.trim() === '' ? null : Number(f.capacity),
    registration: { open: f.open, ...(f.closesAt ? { closesAt: f.closesAt } : {}), questions: f.questions },
    course: text(f.course),
    announce: f.announce,
  };
}
