// "Add to calendar" links for one occurrence, built the same way on the server and in pages: Google Calendar's
// event template and Outlook's compose deep link (outlook.live.com for personal accounts; `office` for work and
// school accounts on outlook.office.com). Times come as ISO 8601 with offset (as answers carry them) and are sent
// in UTC, so neither service guesses a zone; Google also gets `ctz` to show the event in the organizer's zone.
// The meeting link never goes into these links: it reaches registrants through /events/<id>/join only.

export interface CalendarLinkEvent {
  title: string;
  /** ISO 8601 with offset: '2027-03-09T18:00:00+01:00'. */
  start: string;
  end: string;
  /** Plain text, such as the event page's address. */
  details?: string;
  location?: string | null;
  /** The organizer's IANA zone. */
  timeZone?: string;
}

/** 20270309T170000Z, as Google wants it. */
const compactUtc = (iso: string): string =>
  `${new Date(iso)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}Z$/, '')}Z`;

/** 2027-03-09T17:00:00Z, as Outlook wants it. */
const isoUtc = (iso: string): string => new Date(iso).toISOString().replace(/\.\d{3}Z$/, 'Z');

export function googleCalendarLink(e: CalendarLinkEvent): string {
  const q = new URLSearchParams({
    action: 'TEMPLATE',
    text: e.title,
    dates: `${compactUtc(e.start)}/${compactUtc(e.end)}`,
  });
  if (e.details) q.set('details', e.details);
  if (e.location) q.set('location', e.location);
  if (e.timeZone) q.set('ctz', e.timeZone);
  return `https://calendar.google.com/calendar/render?${q.toString()}`;
}

export function outlookCalendarLink(e: CalendarLinkEvent, account: 'live' | 'office' = 'live'): string {
  const q = new URLSearchParams({
    path: '/calendar/action/compose',
    rru: 'addevent',
    subject: e.title,
    startdt: isoUtc(e.start),
    enddt: isoUtc(e.end),
  });
  if (e.details) q.set('body', e.details);
  if (e.location) q.set('location', e.location);
  const host = account === 'office' ? 'outlook.office.com' : 'outlook.live.com';
  return `https://${host}/calendar/0/deeplink/compose?${q.toString()}`;
}
