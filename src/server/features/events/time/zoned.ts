// Local times in IANA zones, as iCalendar reads them (RFC 5545 3.3.5): a local time that happens twice (the
// autumn fold) is the first of the two; one that does not exist (the spring gap) is read with the offset from
// before the gap, so it moves forward by the gap's length (02:30 on the spring night in Berlin is 03:30 CEST).
// Node has Intl's zone data but no zone arithmetic: offsets are read from Intl.DateTimeFormat, one cached
// formatter per zone.
const MINUTE = 60_000;
const DAY = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterOf(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Whether a zone is a real IANA name (or UTC). */
export function isTimeZone(timeZone: string): boolean {
  try {
    formatterOf(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The wall-clock fields of an instant in a zone, as milliseconds of a UTC date with the same fields. */
function wallClock(t: number, timeZone: string): number {
  const p: Record<string, number> = {};
  for (const part of formatterOf(timeZone).formatToParts(new Date(t))) {
    if (part.type !== 'literal') p[part.type] = Number(part.value);
  }
  return Date.UTC(p.year ?? 1970, (p.month ?? 1) - 1, p.day ?? 1, p.hour ?? 0, p.minute ?? 0, p.second ?? 0);
}

/** The zone's offset from UTC at an instant, in minutes (Berlin in summer: 120). */
export function offsetMinutes(t: Date | number, timeZone: string): number {
  const ms = typeof t === 'number' ? t : t.getTime();
  const whole = Math.floor(ms / 1000) * 1000;
  return Math.round((wallClock(whole, timeZone) - whole) / MINUTE);
}

/** 'YYYY-MM-DDTHH:mm' as milliseconds of the same fields in UTC. */
export function localMillis(local: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!m) throw new RangeError(`not a local time: ${local}`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]));
}

/** Milliseconds of UTC fields back to 'YYYY-MM-DDTHH:mm'. */
export const localOfMillis = (ms: number): string => new Date(ms).toISOString().slice(0, 16);

/** Whether 'YYYY-MM-DDTHH:mm' names a real calendar date and time (no 31 February, no 24:00). */
export function isLocalTime(local: string): boolean {
  try {
    return localOfMillis(localMillis(local)) === local;
  } catch {
    return false;
  }
}

/** The instant of a local time in a zone (RFC 5545's rules for the fold and the gap). */
export function zonedToInstant(local: string, timeZone: string): Date {
  const fields = localMillis(local);
  const before = offsetMinutes(fields - DAY, timeZone);
  const after = offsetMinutes(fields + DAY, timeZone);
  const early = fields - before * MINUTE;
  const late = fields - after * MINUTE;
  const fits = (t: number) => wallClock(t, timeZone) === fields;
  if (fits(early) && fits(late)) return new Date(Math.min(early, late));
  if (fits(early)) return new Date(early);
  if (fits(late)) return new Date(late);
  // In the gap: the offset from before it.
  return new Date(early);
}

/** The local time of an instant in a zone, 'YYYY-MM-DDTHH:mm'. */
export const instantToLocal = (t: Date, timeZone: string): string => localOfMillis(wallClock(t.getTime(), timeZone));

/** An instant as ISO 8601 with the zone's offset there: '2027-03-09T18:00:00+01:00'. */
export function isoWithOffset(t: Date, timeZone: string): string {
  const off = offsetMinutes(t, timeZone);
  const local = new Date(t.getTime() + off * MINUTE).toISOString().slice(0, 19);
  if (off === 0) return `${local}Z`;
  const abs = Math.abs(off);
  const hh = String(Math.floor(abs / 60)).padStart(2, '0');
  const mm = String(abs % 60).padStart(2, '0');
  return `${local}${off < 0 ? '-' : '+'}${hh}:${mm}`;
}

/** Minutes between two local times, as wall clocks (an hour-long meeting stays an hour on paper). */
export const localMinutesBetween = (a: string, b: string): number => (localMillis(b) - localMillis(a)) / MINUTE;

/** A local time plus wall-clock minutes. */
export const addLocalMinutes = (local: string, minutes: number): string =>
  localOfMillis(localMillis(local) + minutes * MINUTE);
