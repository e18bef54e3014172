import { describe, expect, it } from 'vitest';
import { defaultRecurrence, fromRrule, nthOf, toRrule, weekdayOf } from './rrule';

describe('the recurrence builder', () => {
  it('starts from the event’s own day: the second Tuesday of March 2027', () => {
    expect(weekdayOf('2027-03-09T18:00')).toBe('TU');
    expect(nthOf('2027-03-09T18:00')).toBe(2);
    expect(nthOf('2027-03-30T18:00')).toBe(-1);
    expect(toRrule(defaultRecurrence('2027-03-09T18:00'))).toBeNull();
  });

  it('writes weekly and monthly rules of the subset', () => {
    const r = defaultRecurrence('2027-03-09T18:00');
    expect(toRrule({ ...r, freq: 'weekly', days: ['TH', 'TU'], interval: 2 })).toBe(
      'FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,TH;COUNT=10',
    );
    expect(toRrule({ ...r, freq: 'monthly', ends: 'until', until: '2027-12-31' })).toBe(
      'FREQ=MONTHLY;BYDAY=2TU;UNTIL=20271231',
    );
    expect(toRrule({ ...r, freq: 'monthly', nth: -1, weekday: 'FR', ends: 'never' })).toBe('FREQ=MONTHLY;BYDAY=-1FR');
  });

  it('reads back what it wrote, and refuses what it cannot show', () => {
    const r = { ...defaultRecurrence('2027-03-09T18:00'), freq: 'monthly' as const, count: 6 };
    expect(fromRrule(toRrule(r), '2027-03-09T18:00')).toEqual(r);
    expect(fromRrule('FREQ=WEEKLY;BYDAY=MO,WE;UNTIL=20270601', '2027-03-09T18:00')).toMatchObject({
      freq: 'weekly',
      days: ['MO', 'WE'],
      ends: 'until',
      until: '2027-06-01',
    });
    expect(fromRrule('FREQ=MONTHLY;BYDAY=1MO,3MO', '2027-03-09T18:00')).toBeNull();
    expect(fromRrule('FREQ=DAILY', '2027-03-09T18:00')).toBeNull();
  });
});
