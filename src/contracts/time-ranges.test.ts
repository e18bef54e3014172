import { describe, expect, it } from 'vitest';
import {
  instantOf,
  formatDay,
  formatTimeRange,
  localDateTime,
  localDay,
  twoZones,
  zoneCity,
  zoneName,
} from './time-ranges';

describe('event times', () => {
  it('show a range within a day once, with the zone named after it', () => {
    expect(formatTimeRange('2027-03-09T18:00:00+01:00', '2027-03-09T19:30:00+01:00', 'en', 'Europe/Berlin')).toBe(
      'Tue, 9 Mar 2027, 18:00–19:30 CET',
    );
  });

  it('show both dates when the range crosses midnight in the zone shown', () => {
    const text = formatTimeRange('2027-03-09T23:00:00+01:00', '2027-03-10T01:30:00+01:00', 'en', 'Europe/Berlin');
    expect(text).toContain('9 Mar 2027');
    expect(text).toContain('10 Mar 2027');
    expect(text).toMatch(/23:00.*01:30 CET$/);
  });

  it('show the same instants on the viewer’s own day: Honolulu the day before, Tongatapu the day after', () => {
    const start = '2027-03-09T18:00:00+01:00';
    const end = '2027-03-09T19:30:00+01:00';
    expect(formatTimeRange(start, end, 'en', 'Pacific/Honolulu')).toBe('Tue, 9 Mar 2027, 07:00–08:30 GMT-10');
    expect(formatTimeRange(start, end, 'en', 'Pacific/Tongatapu')).toMatch(/^Wed, 10 Mar 2027, 06:00–07:30 /);
    expect(localDay(start, 'Pacific/Tongatapu')).toBe('2027-03-10');
    expect(localDay(start, 'Pacific/Honolulu')).toBe('2027-03-09');
  });

  it('keep 18:00 in Berlin across daylight saving (CET, then CEST)', () => {
    expect(zoneName('2027-03-09T17:00:00Z', 'en', 'Europe/Berlin')).toBe('CET');
    expect(zoneName('2027-04-13T16:00:00Z', 'en', 'Europe/Berlin')).toBe('CEST');
    expect(localDateTime('2027-04-13T16:00:00Z', 'Europe/Berlin')).toBe('2027-04-13T18:00');
  });

  it('read in the viewer’s language and script', () => {
    const text = formatTimeRange('2027-03-09T18:00:00+01:00', '2027-03-09T19:30:00+01:00', 'ar', 'Europe/Berlin');
    expect(text).toContain('مارس');
    expect(text).toContain('18:00');
    expect(formatDay('2027-03-09', 'en')).toBe('Tuesday, 9 March 2027');
    expect(formatDay('2027-03-09', 'fr')).toBe('mardi 9 mars 2027');
  });

  it('give a wall-clock input back from an instant, and the city of a zone', () => {
    expect(localDateTime('2027-03-09T17:00:00Z', 'Europe/Berlin')).toBe('2027-03-09T18:00');
    expect(localDateTime('2027-03-09T00:30:00Z', 'UTC')).toBe('2027-03-09T00:30');
    expect(zoneCity('America/Argentina/Buenos_Aires')).toBe('Buenos Aires');
    expect(zoneCity('UTC')).toBe('UTC');
  });

  it('show one instant in two zones, with the viewer’s day when it differs', () => {
    const at = '2027-03-09T18:00:00+01:00';
    expect(twoZones(at, 'en', 'Europe/Berlin', 'Pacific/Tongatapu')).toEqual({
      there: '18:00',
      city: 'Berlin',
      here: '06:00 (Wed 10 Mar)',
      same: false,
    });
    expect(twoZones(at, 'en', 'Europe/Berlin', 'Asia/Kolkata')).toMatchObject({ here: '22:30', same: false });
    expect(twoZones(at, 'en', 'Europe/Berlin', 'Europe/Paris').same).toBe(true);
  });

  it('give the instant of a wall-clock time in a zone, across daylight saving', () => {
    expect(instantOf('2027-03-09T18:00', 'Europe/Berlin')).toBe('2027-03-09T17:00:00.000Z');
    expect(instantOf('2027-04-13T18:00', 'Europe/Berlin')).toBe('2027-04-13T16:00:00.000Z');
    expect(instantOf('2027-03-09T07:00', 'Pacific/Honolulu')).toBe('2027-03-09T17:00:00.000Z');
    // 02:30 on 28 March 2027 does not exist in Berlin: an hour later, 03:30 CEST.
    expect(instantOf('2027-03-28T02:30', 'Europe/Berlin')).toBe('2027-03-28T01:30:00.000Z');
  });
});
