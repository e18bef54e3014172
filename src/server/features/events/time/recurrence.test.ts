import { describe, expect, it } from 'vitest';
import { expandRule, formatRule, parseRule, RuleError } from './recurrence';
import { instantToLocal, isLocalTime, isoWithOffset, isTimeZone, offsetMinutes, zonedToInstant } from './zoned';

const reason = (text: string) => {
  try {
    parseRule(text);
    return null;
  } catch (e) {
    return e instanceof RuleError ? e.reason : 'other error';
  }
};

describe('zoned times', () => {
  it('reads a local time in its zone, winter and summer', () => {
    expect(zonedToInstant('2027-03-09T18:00', 'Europe/Berlin').toISOString()).toBe('2027-03-09T17:00:00.000Z');
    expect(zonedToInstant('2027-04-13T18:00', 'Europe/Berlin').toISOString()).toBe('2027-04-13T16:00:00.000Z');
    expect(offsetMinutes(new Date('2027-07-01T00:00Z'), 'Europe/Berlin')).toBe(120);
    expect(offsetMinutes(new Date('2027-07-01T00:00Z'), 'Pacific/Honolulu')).toBe(-600);
  });

  it('moves a time in the spring gap forward by the gap, and takes the first of a repeated autumn hour', () => {
    const gap = zonedToInstant('2027-03-28T02:30', 'Europe/Berlin');
    expect(gap.toISOString()).toBe('2027-03-28T01:30:00.000Z');
    expect(isoWithOffset(gap, 'Europe/Berlin')).toBe('2027-03-28T03:30:00+02:00');
    expect(zonedToInstant('2027-10-31T02:30', 'Europe/Berlin').toISOString()).toBe('2027-10-31T00:30:00.000Z');
  });

  it('shows an instant on the right date far east and far west', () => {
    const t = zonedToInstant('2027-03-09T18:00', 'Europe/Berlin');
    expect(instantToLocal(t, 'Pacific/Tongatapu')).toBe('2027-03-10T06:00');
    expect(instantToLocal(t, 'Pacific/Honolulu')).toBe('2027-03-09T07:00');
    expect(isoWithOffset(t, 'Pacific/Tongatapu')).toBe('2027-03-10T06:00:00+13:00');
    expect(isoWithOffset(t, 'UTC')).toBe('2027-03-09T17:00:00Z');
  });

  it('knows real zones and real local times', () => {
    expect(isTimeZone('Asia/Kolkata')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
    expect(isLocalTime('2027-02-28T10:00')).toBe(true);
    expect(isLocalTime('2027-02-29T10:00')).toBe(false);
    expect(isLocalTime('2027-03-01T24:00')).toBe(false);
  });
});

describe('recurrence rules', () => {
  it('reads the subset and writes it back', () => {
    expect(formatRule(parseRule('RRULE:freq=monthly;byday=2TU'))).toBe('FREQ=MONTHLY;BYDAY=2TU');
    expect(formatRule(parseRule('FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE;COUNT=10'))).toBe(
      'FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE;COUNT=10',
    );
    expect(formatRule(parseRule('FREQ=MONTHLY;BYDAY=-1FR;UNTIL=20271231'))).toBe(
      'FREQ=MONTHLY;BYDAY=-1FR;UNTIL=20271231',
    );
  });

  it('refuses what is outside the subset, saying why', () => {
    expect(reason('FREQ=DAILY')).toBe('FREQ must be WEEKLY or MONTHLY');
    expect(reason('FREQ=MONTHLY;BYMONTHDAY=3')).toBe('BYMONTHDAY is not supported');
    expect(reason('FREQ=WEEKLY;BYDAY=2TU')).toBe('a weekly BYDAY takes days without numbers');
    expect(reason('FREQ=MONTHLY;COUNT=3;UNTIL=20271231')).toBe('COUNT and UNTIL cannot both be given');
    expect(reason('FREQ=MONTHLY;BYDAY=6TU')).toMatch(/1 to 5/);
    expect(reason('')).toBe('empty');
  });

  it('keeps a monthly 18:00 Berlin meeting at 18:00 there across daylight-saving changes', () => {
    const { starts } = expandRule(
      parseRule('FREQ=MONTHLY;BYDAY=2TU'),
      '2027-03-09T18:00',
      'Europe/Berlin',
      '2027-12-01T00:00',
    );
    expect(starts).toEqual([
      '2027-03-09T18:00',
      '2027-04-13T18:00',
      '2027-05-11T18:00',
      '2027-06-08T18:00',
      '2027-07-13T18:00',
      '2027-08-10T18:00',
      '2027-09-14T18:00',
      '2027-10-12T18:00',
      '2027-11-09T18:00',
    ]);
    const utc = starts.map((s) => zonedToInstant(s, 'Europe/Berlin').toISOString().slice(11, 16));
    expect(utc).toEqual(['17:00', '16:00', '16:00', '16:00', '16:00', '16:00', '16:00', '16:00', '17:00']);
  });

  it('counts DTSTART toward COUNT, stops at UNTIL, and takes the last weekday of a month', () => {
    expect(expandRule(parseRule('FREQ=WEEKLY;COUNT=3'), '2027-01-04T09:00', 'UTC', '2028-01-01T00:00')).toEqual({
      starts: ['2027-01-04T09:00', '2027-01-11T09:00', '2027-01-18T09:00'],
      ended: true,
    });
    const until = expandRule(
      parseRule('FREQ=MONTHLY;BYDAY=-1FR;UNTIL=20270430'),
      '2027-01-29T12:00',
      'UTC',
      '2028-01-01T00:00',
    );
    expect(until).toEqual({
      starts: ['2027-01-29T12:00', '2027-02-26T12:00', '2027-03-26T12:00', '2027-04-30T12:00'],
      ended: true,
    });
    const open = expandRule(
      parseRule('FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH'),
      '2027-01-04T09:00',
      'UTC',
      '2027-01-30T00:00',
    );
    expect(open).toEqual({
      starts: ['2027-01-04T09:00', '2027-01-07T09:00', '2027-01-18T09:00', '2027-01-21T09:00'],
      ended: false,
    });
  });
});
