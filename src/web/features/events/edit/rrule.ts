// The recurrence builder's state and the RRULE it writes (the subset the server takes: FREQ=WEEKLY with days or
// FREQ=MONTHLY on the nth weekday, INTERVAL, COUNT or UNTIL as a date), and back from a rule, for editing.
export const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export interface Recurrence {
  freq: 'none' | 'weekly' | 'monthly';
  interval: number;
  /** Weekly: the days. */
  days: Weekday[];
  /** Monthly: the nth (1..4, or -1 for the last) weekday. */
  nth: number;
  weekday: Weekday;
  ends: 'count' | 'until' | 'never';
  count: number;
  /** 'YYYY-MM-DD', the last day an occurrence may fall on. */
  until: string;
}

/** The weekday of a local date-time 'YYYY-MM-DDTHH:mm' (or date), Monday first. */
export function weekdayOf(local: string): Weekday {
  const d = new Date(`${local.slice(0, 10)}T12:00:00Z`).getUTCDay();
  return WEEKDAYS[(d + 6) % 7] ?? 'MO';
}

/** Which of the month's weekdays a date is: 1..4, or -1 when it is the last (the 5th is always the last). */
export function nthOf(local: string): number {
  const day = Number(local.slice(8, 10));
  const nth = Math.ceil(day / 7);
  return nth >= 5 ? -1 : nth;
}

/** The builder's state for a new event starting at `start`: no recurrence, with that day pre-chosen. */
export function defaultRecurrence(start: string): Recurrence {
  const weekday = start ? weekdayOf(start) : 'MO';
  return {
    freq: 'none',
    interval: 1,
    days: [weekday],
    nth: start ? nthOf(start) : 1,
    weekday,
    ends: 'count',
    count: 10,
    until: '',
  };
}

export function toRrule(r: Recurrence): string | null {
  if (r.freq === 'none') return null;
  const parts = [`FREQ=${r.freq.toUpperCase()}`];
  if (r.interval > 1) parts.push(`INTERVAL=${r.interval}`);
  if (r.freq === 'weekly' && r.days.length) parts.push(`BYDAY=${WEEKDAYS.filter((d) => r.days.includes(d)).join(',')}`);
  if (r.freq === 'monthly') parts.push(`BYDAY=${r.nth}${r.weekday}`);
  if (r.ends === 'count') parts.push(`COUNT=${r.count}`);
  if (r.ends === 'until' && r.until) parts.push(`UNTIL=${r.until.replace(/-/g, '')}`);
  return parts.join(';');
}

/** A rule as the builder shows it; a rule it cannot show (plain monthly days, several monthly weekdays) is null. */
export function fromRrule(rule: string | null, start: string): Recurrence | null {
  const r = defaultRecurrence(start);
  if (!rule) return r;
  const parts = new Map(
    rule
      .replace(/^RRULE:/i, '')
      .split(';')
      .map((p) => p.split('=') as [string, string]),
  );
  const freq = parts.get('FREQ');
  if (freq !== 'WEEKLY' && freq !== 'MONTHLY') return null;
  r.freq = freq === 'WEEKLY' ? 'weekly' : 'monthly';
  r.interval = Number(parts.get('INTERVAL') ?? 1);
  const byDay = (parts.get('BYDAY') ?? '').split(',').filter(Boolean);
  if (r.freq === 'weekly') {
    if (byDay.length) r.days = byDay.filter((d): d is Weekday => (WEEKDAYS as readonly string[]).includes(d));
  } else {
    const m = byDay.length === 1 ? /^([+-]?\d)(MO|TU|WE|TH|FR|SA|SU)$/.exec(byDay[0] ?? '') : null;
    if (byDay.length && !m) return null;
    if (m) {
      r.nth = Number(m[1]);
      r.weekday = m[2] as Weekday;
    }
  }
  const count = parts.get('COUNT');
  const until = parts.get('UNTIL');
  if (count) r.count = Number(count);
  else if (until) {
    r.ends = 'until';
    r.until = `${until.slice(0, 4)}-${until.slice(4, 6)}-${until.slice(6, 8)}`;
  } else r.ends = 'never';
  return r;
}
