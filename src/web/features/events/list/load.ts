// Loader of /events: the occurrences from the API, grouped by day in the viewer's zone (state.timeZone), with
// the filters as the address holds them. Times are made text here, so the server's first paint and the
// browser's hydration show the same strings whatever each runtime's Intl data.
import type { LocationQuery } from 'vue-router';
import type { LoadContext } from '../../../state';
import { query } from '../../../api';
import type { EventList, EventListItem } from '../../../../contracts/events';
import { formatDay, formatTimeRange, localDay } from '../../../../contracts/time-ranges';
import { UI_LANGUAGES } from '../../../../contracts/languages';
import { languageNames, languagesNamed, queryString, type LanguageChoice } from '../../communities';

export interface EventFilters {
  kind: string;
  mode: string;
  language: string;
  region: string;
  community: string;
  from: string;
  to: string;
  past: string;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function filtersOf(q: LocationQuery): EventFilters {
  const date = (v: unknown) => (DATE.test(queryString(v)) ? queryString(v) : '');
  return {
    kind: queryString(q.kind),
    mode: queryString(q.mode),
    language: queryString(q.language),
    region: queryString(q.region),
    community: queryString(q.community),
    from: date(q.from),
    to: date(q.to),
    past: queryString(q.past) === '1' ? '1' : '',
  };
}

export interface ShownItem extends EventListItem {
  when: string;
}

export interface EventsPageData {
  filters: EventFilters;
  days: { day: string; heading: string; items: ShownItem[] }[];
  next: string | null;
  languages: LanguageChoice[];
  names: Record<string, string>;
  communities: { slug: string; name: string }[];
  /** The viewer's day, 'YYYY-MM-DD' in their zone. */
  today: string;
}

const addDays = (day: string, n: number) =>
  new Date(Date.parse(`${day}T12:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** Past events: the last year, unless the form names dates. */
const PAST_DAYS = 365;

export async function loadEvents(ctx: LoadContext): Promise<EventsPageData> {
  const { lang, timeZone } = ctx.state;
  const f = filtersOf(ctx.route.query);
  const today = localDay(new Date(), timeZone);
  const from = f.from || (f.past ? addDays(today, -PAST_DAYS) : today);
  const to = f.to || (f.past ? addDays(today, -1) : '');
  const cursor = queryString(ctx.route.query.cursor);
  const [list, groups] = await Promise.all([
    ctx.api.get<EventList>(
      `/events${query({ from, to, timezone: timeZone, kind: f.kind, mode: f.mode, language: f.language, region: f.region, community: f.community, cursor })}`,
    ),
    ctx.api.get<{ items: { slug: string; name: string }[] }>('/communities?limit=100'),
  ]);
  const items = f.past && !f.from ? [...list.items].reverse() : list.items;
  const days: EventsPageData['days'] = [];
  for (const item of items) {
    const day = localDay(item.start, timeZone);
    let group = days[days.length - 1];
    if (group?.day !== day) days.push((group = { day, heading: formatDay(day, lang), items: [] }));
    group.items.push({ ...item, when: formatTimeRange(item.start, item.end, lang, timeZone) });
  }
  return {
    filters: f,
    days,
    next: list.next,
    // The interface languages, those of the events shown and the one asked for: not every language there is.
    languages: languagesNamed(
      [...new Set([...UI_LANGUAGES, ...items.flatMap((i) => i.languages), ...(f.language ? [f.language] : [])])],
      lang,
    ),
    names: languageNames(
      items.flatMap((i) => i.languages),
      lang,
    ),
    communities: groups.items.map((g) => ({ slug: g.slug, name: g.name })),
    today,
  };
}
