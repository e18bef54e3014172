// The events' tables (migration 0020): events and their organizers, speakers, occurrences (one row per
// occurrence and slot), registrations (per occurrence, and per series), answers, attendance, messages;
// time polls; private calendar tokens. Local times are 'YYYY-MM-DDTHH:mm' text in the event's zone.
import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type TextArray = ColumnType<string[], string[] | undefined, string[]>;
/** jsonb: read as parsed JSON, written as a JSON string. */
type Json<T> = ColumnType<T, string | undefined, string>;

export type EventKind = 'ambassador_meeting' | 'training' | 'workshop' | 'community_call' | 'other';
export type EventMode = 'online' | 'in_person' | 'hybrid';

export interface EventsTable {
  id: Generated<number>;
  kind: EventKind;
  title: string;
  description: Generated<string>;
  /** Stored Markdown (src/server/markdown/stored.ts). */
  description_html: string | null;
  html_version: number | null;
  timezone: string;
  start_local: string;
  end_local: string;
  rrule: string | null;
  /** Paired slots beyond the main one. */
  slots: Json<{ start: string; end: string }[]>;
  mode: EventMode;
  languages: TextArray;
  interpretation: TextArray;
  meeting_url: string | null;
  chat_url: string | null;
  address: string | null;
  capacity: number | null;
  registration_open: Generated<boolean>;
  registration_closes_at: NullableTimestamp;
  questions: TextArray;
  agenda: Json<{ title: string; minutes: number }[]>;
  course_id: number | null;
  announce: Generated<boolean>;
  time_poll_id: number | null;
  /** 'YYYY-MM-DD': occurrences exist up to this date. */
  expanded_until: ColumnType<string | null, string | null | undefined, string | null>;
  cancelled_at: NullableTimestamp;
  cancel_reason: string | null;
  revision: Generated<number>;
  created_by: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface EventOrganizersTable {
  id: Generated<number>;
  event_id: number;
  user_id: number | null;
  community_id: number | null;
}

export interface EventSpeakersTable {
  event_id: number;
  position: number;
  user_id: number | null;
  name: string | null;
  affiliation: string | null;
  bio: string | null;
  link: string | null;
}

export interface EventOccurrencesTable {
  id: Generated<number>;
  event_id: number;
  /** The original local start of the main slot (RECURRENCE-ID). */
  occurrence: string;
  slot: Generated<number>;
  starts_at: Timestamp;
  ends_at: Timestamp;
  moved: Generated<boolean>;
  cancelled: Generated<boolean>;
  cancel_reason: string | null;
  notes: string | null;
  recording_url: string | null;
  follow_up: string | null;
  /** Stored Markdown (src/server/markdown/stored.ts). */
  notes_html: string | null;
  follow_up_html: string | null;
  html_version: number | null;
  walk_ins: Generated<number>;
}

export interface EventSeriesRegistrationsTable {
  id: Generated<number>;
  event_id: number;
  user_id: number;
  slot: Generated<number>;
  private: Generated<boolean>;
  created_at: Timestamp;
}

export interface EventRegistrationsTable {
  id: Generated<number>;
  occurrence_id: number;
  event_id: number;
  user_id: number;
  status: 'registered' | 'waiting';
  private: Generated<boolean>;
  series_id: number | null;
  created_at: Timestamp;
}

export interface EventAnswersTable {
  event_id: number;
  user_id: number;
  question: string;
  answer: string;
  created_at: Timestamp;
}

export interface EventAttendanceTable {
  occurrence_id: number;
  user_id: number;
}

export interface EventMessagesTable {
  id: Generated<number>;
  event_id: number;
  sent_by: number | null;
  subject: string;
  body: string;
  created_at: Timestamp;
}

export interface CalendarTokensTable {
  user_id: number;
  token_hash: string;
  created_at: Timestamp;
}

export interface TimePollsTable {
  id: Generated<number>;
  title: string;
  timezone: string;
  invite_ambassadors: Generated<boolean>;
  picked_slot: number | null;
  event_id: number | null;
  created_by: number | null;
  created_at: Timestamp;
}

export interface TimePollSlotsTable {
  poll_id: number;
  slot: number;
  start_local: string;
  end_local: string;
  starts_at: Timestamp;
  ends_at: Timestamp;
}

export interface TimePollInviteesTable {
  poll_id: number;
  user_id: number | null;
  community_id: number | null;
}

export interface TimePollAnswersTable {
  poll_id: number;
  user_id: number;
  slot: number;
  answer: 'yes' | 'if_need_be' | 'no';
  timezone: string | null;
  updated_at: Timestamp;
}

export interface EventsTables {
  events: EventsTable;
  event_organizers: EventOrganizersTable;
  event_speakers: EventSpeakersTable;
  event_occurrences: EventOccurrencesTable;
  event_series_registrations: EventSeriesRegistrationsTable;
  event_registrations: EventRegistrationsTable;
  event_answers: EventAnswersTable;
  event_attendance: EventAttendanceTable;
  event_messages: EventMessagesTable;
  calendar_tokens: CalendarTokensTable;
  time_polls: TimePollsTable;
  time_poll_slots: TimePollSlotsTable;
  time_poll_invitees: TimePollInviteesTable;
  time_poll_answers: TimePollAnswersTable;
}
