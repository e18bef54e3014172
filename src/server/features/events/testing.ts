// Helpers for the events' tests: a valid body to vary, and making an event through the API.
import { readFileSync } from 'node:fs';
import type { EventDetail } from '../../../contracts/events';
import type { TestClient } from '../../testing/client';
import { testApp } from '../../testing/harness';

export const eventBody = (over: Record<string, unknown> = {}) => ({
  kind: 'training',
  title: 'Facilitation basics',
  description: 'How to run a **good** meeting.',
  start: '2027-03-09T18:00',
  end: '2027-03-09T19:30',
  timezone: 'Europe/Berlin',
  mode: 'online',
  languages: ['en'],
  registration: { open: true },
  meetingUrl: 'https://meet.example.org/abc',
  ...over,
});

/** Makes an event (201 expected) and answers its detail. */
export async function makeEvent(c: TestClient, over: Record<string, unknown> = {}): Promise<EventDetail> {
  const res = await c.post('/api/v1/events', eventBody(over));
  if (res.status !== 201) throw new Error(`event creation failed: ${res.status} ${res.text}`);
  return res.body as EventDetail;
}

const english = JSON.parse(readFileSync(new URL('../../../../i18n/en.json', import.meta.url), 'utf8')) as Record<
  string,
  string
>;

/** Whether an answered (English) message is the one of `key` (its text up to its first parameter). */
export const isMessage = (text: string, key: string): boolean =>
  !!english[key] && text.startsWith(english[key].split('$')[0] ?? '');

/** The events' tests' moment: mid-January 2027, before the spring's daylight-saving change. */
export const EVENTS_NOW = new Date('2027-01-15T12:00:00Z');

/** An app whose clock stands at EVENTS_NOW; the label keeps it apart from other tests' apps (and shared by ours). */
const clock = { label: 'events-2027-01-15', now: () => EVENTS_NOW };
export const eventsApp = () => testApp({ clock });
