import { describe, expect, it } from 'vitest';
import { slotThere, touchesNight } from './night';
import { zonedToInstant } from '../time/zoned';

const at = (h: number, m = 0) => h * 60 + m;

describe('night hours (22:00–07:00 local)', () => {
  it('mark a slot that starts, ends or lies in the night', () => {
    expect(touchesNight(at(7), 60)).toBe(false);
    expect(touchesNight(at(6, 59), 60)).toBe(true);
    expect(touchesNight(at(21), 60)).toBe(false);
    expect(touchesNight(at(21), 61)).toBe(true);
    expect(touchesNight(at(22), 30)).toBe(true);
    expect(touchesNight(at(23, 30), 60)).toBe(true);
    expect(touchesNight(at(0), 30)).toBe(true);
    expect(touchesNight(at(12), 15 * 60)).toBe(true);
    expect(touchesNight(at(7), 15 * 60)).toBe(false);
  });

  it('read each zone’s own wall clock, daylight saving included', () => {
    const start = zonedToInstant('2027-03-09T18:00', 'Europe/Berlin');
    const end = zonedToInstant('2027-03-09T19:00', 'Europe/Berlin');
    expect(slotThere(start, end, 'Europe/Berlin')).toEqual({ local: '2027-03-09T18:00', night: false });
    // Tonga (UTC+13): 06:00 the next morning.
    expect(slotThere(start, end, 'Pacific/Tongatapu')).toEqual({ local: '2027-03-10T06:00', night: true });
    // Honolulu (UTC−10): 07:00 the same day.
    expect(slotThere(start, end, 'Pacific/Honolulu')).toEqual({ local: '2027-03-09T07:00', night: false });
    // Kolkata (UTC+5:30): 22:30.
    expect(slotThere(start, end, 'Asia/Kolkata')).toEqual({ local: '2027-03-09T22:30', night: true });
    // New York after its change (14 March 2027), Berlin before its own (28 March): 6 hours apart, then 5.
    const april = zonedToInstant('2027-03-23T18:00', 'Europe/Berlin');
    expect(slotThere(april, new Date(april.getTime() + 3600_000), 'America/New_York').local).toBe('2027-03-23T13:00');
  });
});
