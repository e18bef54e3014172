// The recurrence rules events take: an RRULE subset (RFC 5545 3.3.10) of FREQ=WEEKLY or MONTHLY, INTERVAL,
// BYDAY (weekly: MO,WE; monthly: 2TU, -1FR or plain days), and COUNT or UNTIL. Occurrences are expanded on the
// wall clock of the event's zone, then made instants (zoned.ts), so a monthly 18:00 Berlin meeting stays at
// 18:00 there across daylight-saving changes. As ical.js does, DTSTART is always the first occurrence and counts
// toward COUNT. Anything outside the subset is a RuleError naming what is wrong (a 400 on the `rrule` field).
import { localMillis, localOfMillis, zonedToInstant } from './zoned';

const DAY = 86_400_000;
export const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export interface Rule {
  freq: 'WEEKLY' | 'MONTHLY';
  interval: number;
  /** Weekdays, each with an ordinal in the month (1..5, -1..-5) for monthly rules, or null for every one. */
  byDay: { day: Weekday; nth: number | null }[];
  count: number | null;
  /** An instant (UNTIL=…Z) or a local date-time 'YYYY-MM-DDTHH:mm' (UNTIL=YYYYMMDD, inclusive of that day). */
  until: { instant: Date } | { local: string } | null;
}

export class RuleError extends Error {
  constructor(readonly reason: string) {
    super(reason);
  }
}

/** Reads a rule of the subset ('RRULE:' prefix allowed); throws RuleError otherwise. */
export function parseRule(text: string): Rule {
  const body = text.trim().replace(/^RRULE:/i, '');
  if (!body) throw new RuleError('empty');
  const parts = new Map<string, string>();
  for (const piece of body.split(';')) {
    const [key, value, ...rest] = piece.split('=');
    if (!key || value === undefined || rest.length || !value) throw new RuleError(`unreadable part "${piece}"`);
    const name = key.toUpperCase();
    if (parts.has(name)) throw new RuleError(`${name} given twice`);
    parts.set(name, value.toUpperCase());
  }
  for (const name of parts.keys()) {
    if (!['FREQ', 'INTERVAL', 'BYDAY', 'COUNT', 'UNTIL', 'WKST'].includes(name))
      throw new RuleError(`${name} is not supported`);
  }
  const freq = parts.get('FREQ');
  if (freq !== 'WEEKLY' && freq !== 'MONTHLY') throw new RuleError('FREQ must be WEEKLY or MONTHLY');
  if (parts.has('WKST') && parts.get('WKST') !== 'MO') throw new RuleError('WKST must be MO');
  const interval = parts.has('INTERVAL') ? positiveInt(parts.get('INTERVAL') ?? '', 'INTERVAL', 99) : 1;
  if (parts.has('COUNT') && parts.has('UNTIL')) throw new RuleError('COUNT and UNTIL cannot both be given');
  const count = parts.has('COUNT') ? positiveInt(parts.get('COUNT') ?? '', 'COUNT', 1000) : null;
  const until = parts.has('UNTIL') ? parseUntil(parts.get('UNTIL') ?? '') : null;
  const byDay = parts.has('BYDAY') ? parseByDay(parts.get('BYDAY') ?? '', freq) : [];
  return { freq, interval, byDay, count, until };
}

function positiveInt(value: string, name: string, max: number): number {
  if (!/^\d{1,4}$/.test(value) || Number(value) < 1 || Number(value) > max) {
    throw new RuleError(`${name} must be a whole number from 1 to ${max}`);
  }
  return Number(value);
}

function parseUntil(value: string): Rule['until'] {
  const m = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})(Z)?)?$/.exec(value);
  if (!m) throw new RuleError('UNTIL must be a date (YYYYMMDD) or a UTC time (YYYYMMDDTHHMMSSZ)');
  const date = `${m[1]}-${m[2]}-${m[3]}`;
  if (m[4] === undefined) return { local: `${date}T23:59` };
  if (!m[7]) throw new RuleError('UNTIL with a time must be in UTC (end it with Z)');
  const instant = new Date(`${date}T${m[4]}:${m[5]}:${m[6]}Z`);
  if (Number.isNaN(instant.getTime())) throw new RuleError('UNTIL is not a real time');
  return { instant };
}

function parseByDay(value: string, freq: Rule['freq']): Rule['byDay'] {
  return value.split(',').map((item) => {
    const m = /^([+-]?\d)?(MO|TU|WE|TH|FR|SA|SU)$/.exec(item);
    if (!m) throw new RuleError(`BYDAY "${item}" is not a weekday such as TU, 2TU or -1FR`);
    const nth = m[1] === undefined ? null : Number(m[1]);
    if (nth !== null && freq === 'WEEKLY') throw new RuleError('a weekly BYDAY takes days without numbers');
    if (nth !== null && (nth === 0 || Math.abs(nth) > 5))
      throw new RuleError(`BYDAY "${item}": the number is 1 to 5 or -1 to -5`);
    return { day: m[2] as Weekday, nth };
  });
}

/** Writes a rule back in the order people read it (FREQ first). */
export function formatRule(rule: Rule): string {
  const parts = [`FREQ=${rule.freq}`];
  if (rule.interval !== 1) parts.push(`INTERVAL=${rule.interval}`);
  if (rule.byDay.length) parts.push(`BYDAY=${rule.byDay.map((d) => `${d.nth ?? ''}${d.day}`).join(',')}`);
  if (rule.count !== null) parts.push(`COUNT=${rule.count}`);
  if (rule.until && 'instant' in rule.until) {
    parts.push(`UNTIL=${rule.until.instant.toISOString().replace(/[-:]/g, '').slice(0, 15)}Z`);
  } else if (rule.until) parts.push(`UNTIL=${rule.until.local.slice(0, 10).replace(/-/g, '')}`);
  return parts.join(';');
}

/** Monday = 0 … Sunday = 6, of a day given as milliseconds of UTC fields. */
const weekdayOf = (ms: number): number => (new Date(ms).getUTCDay() + 6) % 7;

/** The days of a month (as milliseconds of midnight) that a monthly BYDAY picks, in order. */
function monthDays(year: number, month: number, byDay: Rule['byDay'], startDay: number): number[] {
  const first = Date.UTC(year, month, 1);
  const daysIn = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  if (!byDay.length) return startDay <= daysIn ? [Date.UTC(year, month, startDay)] : [];
  const picked = new Set<number>();
  for (const { day, nth } of byDay) {
    const wd = WEEKDAYS.indexOf(day);
    const all: number[] = [];
    for (let d = 0; d < daysIn; d++) if (weekdayOf(first + d * DAY) === wd) all.push(first + d * DAY);
    if (nth === null) all.forEach((x) => picked.add(x));
    else {
      const hit = nth > 0 ? all[nth - 1] : all[all.length + nth];
      if (hit !== undefined) picked.add(hit);
    }
  }
  return [...picked].sort((a, b) => a - b);
}

export interface Expansion {
  /** Local starts 'YYYY-MM-DDTHH:mm', the first being DTSTART. */
  starts: string[];
  /** Whether the rule ends within the window (COUNT or UNTIL reached): nothing comes after. */
  ended: boolean;
}

/**
 * The local starts of a series from DTSTART up to `untilLocal` (exclusive, a local time in the same zone),
 * at most `limit` of them. The time of day is DTSTART's throughout.
 */
export function expandRule(rule: Rule, dtstart: string, timeZone: string, untilLocal: string, limit = 2000): Expansion {
  const startMs = localMillis(dtstart);
  const timeOfDay = startMs - Math.floor(startMs / DAY) * DAY;
  const startDay = startMs - timeOfDay;
  const windowEnd = localMillis(untilLocal);
  const starts: string[] = [dtstart];
  const past = (ms: number): boolean => {
    if (!rule.until) return false;
    if ('local' in rule.until) return ms > localMillis(rule.until.local);
    return zonedToInstant(localOfMillis(ms), timeZone).getTime() > rule.until.instant.getTime();
  };
  if (past(startMs)) return { starts: [], ended: true };
  const done = () => (rule.count !== null && starts.length >= rule.count) || starts.length >= limit;
  if (done()) return { starts, ended: rule.count !== null && starts.length >= rule.count };
  for (let period = 0; ; period += rule.interval) {
    let days: number[];
    if (rule.freq === 'WEEKLY') {
      const monday = startDay - weekdayOf(startDay) * DAY + period * 7 * DAY;
      const wanted = rule.byDay.length ? rule.byDay.map((d) => WEEKDAYS.indexOf(d.day)) : [weekdayOf(startDay)];
      days = [...new Set(wanted)].sort((a, b) => a - b).map((wd) => monday + wd * DAY);
      if (monday > windowEnd) return { starts, ended: false };
    } else {
      const d = new Date(startDay);
      const year = d.getUTCFullYear() + Math.floor((d.getUTCMonth() + period) / 12);
      const month = (d.getUTCMonth() + period) % 12;
      if (Date.UTC(year, month, 1) > windowEnd) return { starts, ended: false };
      days = monthDays(year, month, rule.byDay, d.getUTCDate());
    }
    for (const day of days) {
      const ms = day + timeOfDay;
      if (ms <= startMs) continue;
      if (ms >= windowEnd) return { starts, ended: false };
      if (past(ms)) return { starts, ended: true };
      starts.push(localOfMillis(ms));
      if (done()) return { starts, ended: rule.count !== null && starts.length >= rule.count };
    }
  }
}
