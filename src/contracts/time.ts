// Times are shown in the viewer's zone with the zone named, the same on the server and in the browser.
// Formatters are cached: making an Intl formatter costs far more than using one, and pages format many times.
const formatters = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();

export function cached<T extends Intl.DateTimeFormat | Intl.NumberFormat>(key: string, make: () => T): T {
  let f = formatters.get(key) as T | undefined;
  if (!f) {
    f = make();
    formatters.set(key, f);
  }
  return f;
}

export function formatDateTime(iso: string | Date, lang: string, timeZone: string): string {
  const d = typeof iso === 'string' ? new Date(iso) : iso;
  // dateStyle/timeStyle cannot be combined with timeZoneName (a TypeError): name the fields instead.
  return cached(
    `dt|${lang}|${timeZone}`,
    () =>
      new Intl.DateTimeFormat(lang, {
        year: 'numeric',
        month: 'short',
        day: 'numeric',
        hour: 'numeric',
        minute: '2-digit',
        timeZone,
        timeZoneName: 'short',
      }),
  ).format(d);
}

export function formatDate(isoDate: string, lang: string): string {
  // A calendar date has no zone: read it as noon UTC and print it in UTC so it never shifts a day.
  const d = new Date(`${isoDate.slice(0, 10)}T12:00:00Z`);
  return cached(`d|${lang}`, () => new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeZone: 'UTC' })).format(d);
}

export const formatNumber = (n: number, lang: string) =>
  cached(`n|${lang}`, () => new Intl.NumberFormat(lang)).format(n);
