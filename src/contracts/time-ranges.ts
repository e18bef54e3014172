// Event times: ranges, days and wall-clock times in a named zone, and one instant in two zones. Apart from
// time.ts (whose formatDateTime the first route's header uses) so that this stays in the events pages' chunk,
// out of the first route's JavaScript budget.
import { cached } from './time';

// Events: ranges, days and times in a named zone. A 24-hour clock and the day before the month (British English
// for English) read the same in every region the network spans, and "18:00" is never taken for the morning.
const eventLocale = (lang: string) => (lang === 'en' ? 'en-GB' : lang);
type DateOptions = Intl.DateTimeFormatOptions;
const dateFormat = (kind: string, lang: string, timeZone: string, options: DateOptions) =>
  cached(`${kind}|${lang}|${timeZone}`, () => new Intl.DateTimeFormat(eventLocale(lang), { ...options, timeZone }));

const DAY_TIME: DateOptions = {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
};
const asDate = (d: string | Date) => (typeof d === 'string' ? new Date(d) : d);

/** The zone's short name at that instant, as the language writes it ("CET", "GMT-10"). */
export function zoneName(at: string | Date, lang: string, timeZone: string): string {
  const parts = dateFormat('zn', lang, timeZone, { timeZoneName: 'short' }).formatToParts(asDate(at));
  return parts.find((p) => p.type === 'timeZoneName')?.value ?? timeZone;
}

/**
 * A start and end in one zone: "Tue, 9 Mar 2027, 18:00–19:30 CET"; a range crossing midnight there shows both
 * dates ("Tue, 9 Mar 2027, 23:00 – Wed, 10 Mar 2027, 01:30 CET"). The zone is named once, after the range.
 */
export function formatTimeRange(start: string | Date, end: string | Date, lang: string, timeZone: string): string {
  const a = asDate(start);
  const b = asDate(end);
  const f = dateFormat('rg', lang, timeZone, DAY_TIME);
  const text = b.getTime() > a.getTime() ? f.formatRange(a, b) : f.format(a);
  return `${text} ${zoneName(a, lang, timeZone)}`;
}

/** The time of day there: "18:00". */
export const formatTime = (at: string | Date, lang: string, timeZone: string): string =>
  dateFormat('tm', lang, timeZone, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(asDate(at));

const pad = (n: number) => String(n).padStart(2, '0');

/** The wall-clock date and time there, 'YYYY-MM-DDTHH:mm' (the form of event inputs). */
export function localDateTime(at: string | Date, timeZone: string): string {
  const parts = dateFormat('lt', 'en', timeZone, {
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    hourCycle: 'h23',
  }).formatToParts(asDate(at));
  const n = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return `${String(n('year')).padStart(4, '0')}-${pad(n('month'))}-${pad(n('day'))}T${pad(n('hour'))}:${pad(n('minute'))}`;
}

/** The calendar day there, 'YYYY-MM-DD': what a list of occurrences is grouped by. */
export const localDay = (at: string | Date, timeZone: string): string => localDateTime(at, timeZone).slice(0, 10);

/** A calendar day as a heading: "Tuesday, 9 March 2027". */
export function formatDay(day: string, lang: string): string {
  const d = new Date(`${day.slice(0, 10)}T12:00:00Z`);
  return dateFormat('dy', lang, 'UTC', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(d);
}

/** A zone's city as people call it: "Europe/Berlin" -> "Berlin", "America/Argentina/Buenos_Aires" -> "Buenos Aires". */
export const zoneCity = (timeZone: string): string => (timeZone.split('/').pop() ?? timeZone).replace(/_/g, ' ');

export interface TwoZones {
  /** The time in the event's zone: "18:00". */
  there: string;
  /** Its city: "Berlin". */
  city: string;
  /** The same instant in the viewer's zone, with the day when it differs from the day there: "03:00 (Wed, 10 Mar)". */
  here: string;
  /** Both zones give the same wall-clock time (nothing to show twice). */
  same: boolean;
}

/** One instant in the event's zone and the viewer's, for "18:00 in Berlin · 03:00 your time". */
export function twoZones(at: string | Date, lang: string, zone: string, viewerZone: string): TwoZones {
  const a = asDate(at);
  const thereLocal = localDateTime(a, zone);
  const hereLocal = localDateTime(a, viewerZone);
  const time = formatTime(a, lang, viewerZone);
  const day =
    thereLocal.slice(0, 10) === hereLocal.slice(0, 10)
      ? ''
      : dateFormat('sd', lang, viewerZone, { weekday: 'short', day: 'numeric', month: 'short' }).format(a);
  return {
    there: formatTime(a, lang, zone),
    city: zoneCity(zone),
    here: day ? `${time} (${day})` : time,
    same: thereLocal === hereLocal,
  };
}

/** The zone's offset from UTC at an instant, in milliseconds (Berlin in winter: 3,600,000). */
function offsetAt(ms: number, timeZone: string): number {
  const whole = Math.floor(ms / 60_000) * 60_000;
  return Date.parse(`${localDateTime(new Date(whole), timeZone)}:00Z`) - whole;
}

/**
 * The instant of a wall-clock time 'YYYY-MM-DDTHH:mm' in a zone, as ISO 8601 in UTC (for fields the API takes as
 * instants, such as when registration closes). A time in a spring gap comes out an hour later, as RFC 5545 says.
 */
export function instantOf(local: string, timeZone: string): string {
  const wall = Date.parse(`${local}:00Z`);
  const first = wall - offsetAt(wall, timeZone);
  return new Date(wall - offsetAt(first, timeZone)).toISOString();
}

/** One instant with its day, in the events' style: "Tue, 9 Mar 2027, 18:00 CET". */
export const formatDayTime = (at: string | Date, lang: string, timeZone: string): string =>
  `${dateFormat('rg', lang, timeZone, DAY_TIME).format(asDate(at))} ${zoneName(at, lang, timeZone)}`;
