import { describe, expect, it } from 'vitest';
import { googleCalendarLink, outlookCalendarLink } from './calendar-links';

const meeting = {
  title: 'Ambassadors & friends: monthly call',
  start: '2027-03-09T18:00:00+01:00',
  end: '2027-03-09T19:30:00+01:00',
  details: 'https://ldn.example.org/events/12',
  location: 'Room 4, Main St. 1',
  timeZone: 'Europe/Berlin',
};

describe('add-to-calendar links', () => {
  it('give Google the times in UTC, the zone, and every text encoded', () => {
    const url = new URL(googleCalendarLink(meeting));
    expect(url.origin + url.pathname).toBe('https://calendar.google.com/calendar/render');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      action: 'TEMPLATE',
      text: 'Ambassadors & friends: monthly call',
      dates: '20270309T170000Z/20270309T183000Z',
      details: 'https://ldn.example.org/events/12',
      location: 'Room 4, Main St. 1',
      ctz: 'Europe/Berlin',
    });
    expect(googleCalendarLink(meeting)).not.toContain('& friends');
  });

  it('give Outlook a compose link in UTC, for personal or work accounts', () => {
    const url = new URL(outlookCalendarLink(meeting));
    expect(url.origin + url.pathname).toBe('https://outlook.live.com/calendar/0/deeplink/compose');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      path: '/calendar/action/compose',
      rru: 'addevent',
      subject: 'Ambassadors & friends: monthly call',
      startdt: '2027-03-09T17:00:00Z',
      enddt: '2027-03-09T18:30:00Z',
      body: 'https://ldn.example.org/events/12',
      location: 'Room 4, Main St. 1',
    });
    expect(new URL(outlookCalendarLink(meeting, 'office')).host).toBe('outlook.office.com');
  });

  it('leave out what is not given, and read offsets across the date line', () => {
    const url = new URL(
      googleCalendarLink({ title: 'Late', start: '2027-01-01T00:30:00+13:00', end: '2027-01-01T01:30:00+13:00' }),
    );
    expect(url.searchParams.get('dates')).toBe('20261231T113000Z/20261231T123000Z');
    expect(url.searchParams.has('location')).toBe(false);
    expect(url.searchParams.has('ctz')).toBe(false);
  });
});
