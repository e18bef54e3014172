// iCalendar text (RFC 5545): content lines end in CRLF and are folded at 75 octets (3.1), text values escape
// backslash, semicolon, comma and newlines (3.3.11). A series is one VEVENT with DTSTART;TZID=… and its RRULE as
// stored (a date UNTIL is written as the UTC instant it stands for, as 3.3.10 asks when DTSTART has a zone),
// EXDATE for cancelled occurrences, and one VEVENT with RECURRENCE-ID for each moved one; each zone used gets its
// VTIMEZONE from timezones-ical-library (Node has Intl's offsets but no VTIMEZONE of its own). Feeds list events,
// never people (no ATTENDEE, no ORGANIZER) and never the meeting link.
import { tzlib_get_ical_block } from 'timezones-ical-library';
import { formatRule, parseRule } from '../time/recurrence';
import { addLocalMinutes, instantToLocal, localMinutesBetween, zonedToInstant } from '../time/zoned';

export const CRLF = '\r\n';

/** Octets of one code point in UTF-8. */
const utf8Length = (cp: number): number => (cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4);

/** A TEXT value: backslash, semicolon, comma and newlines escaped. */
export const escapeText = (s: string): string =>
  s
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');

/** Folds one content line: at most 75 octets a line, continued after CRLF and a space, never inside a character. */
export function foldLine(line: string): string {
  // Most lines are short: one length count, no splitting (a feed has thousands of lines).
  if (line.length <= 75 && Buffer.byteLength(line) <= 75) return line;
  const out: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const size = utf8Length(ch.codePointAt(0) ?? 0);
    // The first line has 75 octets; each continuation has its leading space and 74 more.
    if (octets + size > 75) {
      out.push(current);
      current = ' ';
      octets = 1;
    }
    current += ch;
    octets += size;
  }
  out.push(current);
  return out.join(CRLF);
}

/** 'YYYY-MM-DDTHH:mm' as a DATE-TIME of local form: 20270309T180000. */
export const icsLocal = (local: string): string => `${local.replace(/[-:]/g, '')}00`;
/** An instant in UTC form: 20270309T170000Z. */
export const icsUtc = (t: Date): string => `${t.toISOString().replace(/[-:]/g, '').slice(0, 15)}Z`;

interface Zone {
  tzid: string;
  block: string | null;
}
const zones = new Map<string, Zone>();

/** The VTIMEZONE of an IANA zone and the TZID it names (an alias such as Asia/Calcutta becomes Asia/Kolkata). */
export function zoneOf(timeZone: string): Zone {
  let z = zones.get(timeZone);
  if (!z) {
    const found = tzlib_get_ical_block(timeZone);
    const [block, tzidLine] = Array.isArray(found) ? found : [];
    z = block && tzidLine ? { tzid: tzidLine.replace(/^TZID=/, ''), block } : { tzid: timeZone, block: null };
    zones.set(timeZone, z);
  }
  return z;
}

/** One stored occurrence (one slot of it), as event_occurrences keeps it. */
export interface OccurrenceRow {
  occurrence: string;
  slot: number;
  starts_at: Date;
  ends_at: Date;
  moved: boolean;
  cancelled: boolean;
}

/** What a feed tells of an event. */
export interface CalendarEvent {
  id: number;
  title: string;
  description: string;
  timezone: string;
  startLocal: string;
  endLocal: string;
  rrule: string | null;
  /** Paired slots beyond the main one (slot 1, 2, …). */
  slots: { start: string; end: string }[];
  address: string | null;
  cancelled: boolean;
  revision: number;
  updatedAt: Date;
  occurrences: OccurrenceRow[];
  /** Only these slots (a person's registration); all when undefined. */
  onlySlots?: number[];
  /** Only these occurrences as single VEVENTs, no rule (registrations for some occurrences of a series). */
  onlyOccurrences?: string[];
}

export interface FeedOptions {
  /** The site's address, for URLs and UIDs. */
  baseUrl: string;
  name: string;
  now: Date;
}

/** A date UNTIL (inclusive of that local day, as recurrence.ts reads it) as the UTC instant RFC 5545 wants. */
function ruleForFeed(rrule: string, timeZone: string): string {
  const rule = parseRule(rrule);
  if (rule.until && 'local' in rule.until) rule.until = { instant: zonedToInstant(rule.until.local, timeZone) };
  return formatRule(rule);
}

function eventLines(e: CalendarEvent, o: FeedOptions): string[] {
  const { tzid, block } = zoneOf(e.timezone);
  const host = new URL(o.baseUrl).host;
  const url = `${o.baseUrl}/events/${e.id}`;
  // Without a VTIMEZONE (no zone known to the package), times are written in UTC.
  const at = (prop: string, local: string) =>
    block ? `${prop};TZID=${tzid}:${icsLocal(local)}` : `${prop}:${icsUtc(zonedToInstant(local, e.timezone))}`;
  const atInstant = (prop: string, t: Date) =>
    block ? `${prop};TZID=${tzid}:${icsLocal(instantToLocal(t, e.timezone))}` : `${prop}:${icsUtc(t)}`;
  const description = [e.description.trim(), url].filter(Boolean).join('\n\n');
  const common = (uid: string) => [
    `UID:${uid}`,
    `DTSTAMP:${icsUtc(e.updatedAt)}`,
    `SEQUENCE:${Math.max(0, e.revision - 1)}`,
    `SUMMARY:${escapeText(e.title)}`,
    `DESCRIPTION:${escapeText(description)}`,
    `URL:${url}`,
    ...(e.address ? [`LOCATION:${escapeText(e.address)}`] : []),
  ];
  const lines: string[] = [];
  const slotTimes = [{ start: e.startLocal, end: e.endLocal }, ...e.slots];
  slotTimes.forEach((times, slot) => {
    if (e.onlySlots && !e.onlySlots.includes(slot)) return;
    const uidBase = `event-${e.id}${slot ? `-slot-${slot}` : ''}`;
    const shift = localMinutesBetween(e.startLocal, times.start);
    const length = localMinutesBetween(times.start, times.end);
    /** The slot's original local start in the occurrence that began at `occurrence` (the main slot's start). */
    const original = (occurrence: string) => addLocalMinutes(occurrence, shift);
    const rows = e.occurrences.filter((r) => r.slot === slot);
    const status = (cancelled: boolean) => (e.cancelled || cancelled ? ['STATUS:CANCELLED'] : ['STATUS:CONFIRMED']);
    if (e.onlyOccurrences) {
      // Single occurrences of a series, each its own VEVENT where it is now.
      for (const r of rows.filter((x) => e.onlyOccurrences?.includes(x.occurrence))) {
        lines.push('BEGIN:VEVENT', ...common(`${uidBase}-${icsLocal(r.occurrence)}@${host}`));
        lines.push(atInstant('DTSTART', r.starts_at), atInstant('DTEND', r.ends_at), ...status(r.cancelled));
        lines.push('END:VEVENT');
      }
      return;
    }
    if (!e.rrule) {
      // A single event: where its one occurrence is now (it may have been moved), or as written.
      const r = rows[0];
      lines.push('BEGIN:VEVENT', ...common(`${uidBase}@${host}`));
      if (r) lines.push(atInstant('DTSTART', r.starts_at), atInstant('DTEND', r.ends_at));
      else lines.push(at('DTSTART', times.start), at('DTEND', addLocalMinutes(times.start, length)));
      lines.push(...status(r?.cancelled ?? false), 'END:VEVENT');
      return;
    }
    lines.push('BEGIN:VEVENT', ...common(`${uidBase}@${host}`));
    lines.push(at('DTSTART', times.start), at('DTEND', times.end), `RRULE:${ruleForFeed(e.rrule, e.timezone)}`);
    for (const r of rows.filter((x) => x.cancelled)) lines.push(at('EXDATE', original(r.occurrence)));
    lines.push(...status(false), 'END:VEVENT');
    for (const r of rows.filter((x) => x.moved && !x.cancelled)) {
      lines.push('BEGIN:VEVENT', ...common(`${uidBase}@${host}`));
      lines.push(at('RECURRENCE-ID', original(r.occurrence)));
      lines.push(atInstant('DTSTART', r.starts_at), atInstant('DTEND', r.ends_at), ...status(false), 'END:VEVENT');
    }
  });
  return lines;
}

/** A whole calendar: its VTIMEZONEs, then each event's VEVENTs, folded, CRLF throughout. */
export function calendarText(events: CalendarEvent[], o: FeedOptions): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//LDN//Events//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(o.name)}`,
  ];
  const blocks = new Map<string, string>();
  for (const e of events) {
    const z = zoneOf(e.timezone);
    if (z.block) blocks.set(z.tzid, z.block);
  }
  for (const block of blocks.values()) lines.push(...block.split(/\r\n|\n/).filter(Boolean));
  for (const e of events) lines.push(...eventLines(e, o));
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join(CRLF) + CRLF;
}
