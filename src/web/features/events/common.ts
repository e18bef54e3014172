// What the events pages share: addresses, message keys of the vocabularies, and the zones offered in choosers.
import type { EventKind, EventMode } from '../../../contracts/events';

/** An event's page, at one occurrence when named (its original local start, as iCalendar's RECURRENCE-ID). */
export const eventPath = (id: string, occurrence?: string | null): string =>
  occurrence ? `/events/${id}?occurrence=${encodeURIComponent(occurrence)}` : `/events/${id}`;

export const kindKey = (kind: EventKind) => `events-kind-${kind.replace(/_/g, '-')}`;
export const modeKey = (mode: EventMode) => `events-mode-${mode.replace(/_/g, '-')}`;

/**
 * Zones offered as suggestions where a zone is typed (any IANA name is taken): one or two per region the network
 * spans, so that most people find theirs, without sending four hundred names with every page.
 */
export const COMMON_ZONES = [
  'UTC',
  'Africa/Abidjan',
  'Africa/Accra',
  'Africa/Cairo',
  'Africa/Johannesburg',
  'Africa/Kinshasa',
  'Africa/Lagos',
  'Africa/Nairobi',
  'America/Bogota',
  'America/Buenos_Aires',
  'America/Chicago',
  'America/Los_Angeles',
  'America/Mexico_City',
  'America/New_York',
  'America/Sao_Paulo',
  'Asia/Bangkok',
  'Asia/Dhaka',
  'Asia/Dubai',
  'Asia/Jakarta',
  'Asia/Karachi',
  'Asia/Kathmandu',
  'Asia/Kolkata',
  'Asia/Manila',
  'Asia/Riyadh',
  'Asia/Seoul',
  'Asia/Shanghai',
  'Asia/Tehran',
  'Asia/Tokyo',
  'Australia/Sydney',
  'Europe/Berlin',
  'Europe/Istanbul',
  'Europe/London',
  'Europe/Madrid',
  'Europe/Moscow',
  'Europe/Paris',
  'Pacific/Auckland',
  'Pacific/Honolulu',
  'Pacific/Tongatapu',
] as const;

/** "Add to calendar" links for one occurrence: Google's and Outlook's forms, filled. */
export function calendarLinks(e: { title: string; start: string; end: string; location: string; url: string }) {
  const utc = (iso: string) =>
    new Date(iso)
      .toISOString()
      .replace(/[-:]/g, '')
      .replace(/\.\d{3}/, '');
  const google = new URLSearchParams({
    action: 'TEMPLATE',
    text: e.title,
    dates: `${utc(e.start)}/${utc(e.end)}`,
    details: e.url,
    location: e.location,
  });
  const outlook = new URLSearchParams({
    path: '/calendar/action/compose',
    rru: 'addevent',
    subject: e.title,
    startdt: new Date(e.start).toISOString(),
    enddt: new Date(e.end).toISOString(),
    body: e.url,
    location: e.location,
  });
  return {
    google: `https://calendar.google.com/calendar/render?${google.toString()}`,
    outlook: `https://outlook.live.com/calendar/0/deeplink/compose?${outlook.toString()}`,
  };
}
