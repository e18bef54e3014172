// Helpers for the events' tests: a valid body to vary, and making an event through the API.
import type { EventDetail } from '../../../contracts/events';
import type { TestClient } from '../../testing/client';

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
