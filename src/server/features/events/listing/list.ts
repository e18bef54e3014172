// The list of events: one item per occurrence and slot, by start, with places counted from the registrations.
// `from` and `to` are calendar dates read in the zone the query names (`timezone`, the viewer's; UTC when left
// out): from the start of `from` to the end of `to` there. By default, from today for 90 days. A region matches
// an event when one of its organizing groups is of that region, or one of its organizer people shows that region
// publicly on their profile. A keyset cursor (start, id) pages through; a malformed one is a 400.
import { sql, type SqlBool } from 'kysely';
import type { EventList } from '../../../../contracts/events';
import { VersionedCache } from '../../../http/content-cache';
import type { Ctx } from '../../../http/context';
import { badRequest } from '../../../http/errors';
import { decodeTimeIdCursor, page } from '../../../http/pagination';
import type { ListQuery } from '../schema';
import { instantToLocal, isoWithOffset, localMillis, localOfMillis, zonedToInstant } from '../time/zoned';

const DAY = 86_400_000;
export const DEFAULT_DAYS = 90;

const nextDay = (date: string) => localOfMillis(localMillis(`${date}T00:00`) + DAY).slice(0, 10);
const plusDays = (date: string, n: number) => localOfMillis(localMillis(`${date}T00:00`) + n * DAY).slice(0, 10);

/** The instants [from, to) a query's dates name in its zone. */
export function listWindow(q: Pick<ListQuery, 'from' | 'to' | 'timezone'>, now: Date) {
  const zone = q.timezone ?? 'UTC';
  const from = q.from ?? instantToLocal(now, zone).slice(0, 10);
  const to = q.to ?? plusDays(from, DEFAULT_DAYS - 1);
  if (to < from) throw badRequest([{ field: 'to', message: 'events-to-before-from' }]);
  return { from: zonedToInstant(`${from}T00:00`, zone), to: zonedToInstant(`${nextDay(to)}T00:00`, zone) };
}

// The list names no one and nothing of the viewer's: one answer per query and window for everyone, kept until the
// events' version moves (a change to any event or registration, and the jobs at each occurrence's start and end).
const keptLists = new VersionedCache<EventList>('events.list');

export async function listEvents(ctx: Ctx, q: ListQuery): Promise<EventList> {
  const after = decodeTimeIdCursor(q.cursor);
  const window = listWindow(q, ctx.now);
  return keptLists.get(ctx.db, JSON.stringify([q, window]), () => listAfresh(ctx, q, after, window));
}

async function listAfresh(
  ctx: Ctx,
  q: ListQuery,
  after: ReturnType<typeof decodeTimeIdCursor>,
  window: ReturnType<typeof listWindow>,
): Promise<EventList> {
  const rows = await ctx.db
    .selectFrom('event_occurrences as o')
    .innerJoin('events as e', 'e.id', 'o.event_id')
    .select([
      'o.id',
      'o.event_id',
      'o.occurrence',
      'o.slot',
      'o.starts_at',
      'o.ends_at',
      'o.cancelled',
      'e.timezone',
      'e.title',
      'e.kind',
      'e.mode',
      'e.languages',
      'e.capacity',
      'e.cancelled_at',
    ])
    .select((eb) => [
      eb
        .selectFrom('event_registrations as r')
        .select(eb.fn.countAll<string>().as('n'))
        .whereRef('r.occurrence_id', '=', 'o.id')
        .where('r.status', '=', 'registered')
        .as('taken'),
      eb
        .selectFrom('event_registrations as r')
        .select(eb.fn.countAll<string>().as('n'))
        .whereRef('r.occurrence_id', '=', 'o.id')
        .where('r.status', '=', 'waiting')
        .as('waiting'),
    ])
    .where('o.starts_at', '>=', window.from)
    .where('o.starts_at', '<', window.to)
    .$if(!!q.kind, (b) => b.where('e.kind', '=', q.kind!))
    .$if(!!q.mode, (b) => b.where('e.mode', '=', q.mode!))
    .$if(!!q.language, (b) => b.where(sql<SqlBool>`${q.language} = any(e.languages)`))
    .$if(!!q.community, (b) =>
      b.where((eb) =>
        eb.exists(
          eb
            .selectFrom('event_organizers as eo')
            .innerJoin('communities as c', 'c.id', 'eo.community_id')
            .select(sql`1`.as('one'))
            .whereRef('eo.event_id', '=', 'e.id')
            .where('c.slug', '=', q.community!),
        ),
      ),
    )
    .$if(!!q.region, (b) =>
      b.where((eb) =>
        eb.exists(
          eb
            .selectFrom('event_organizers as eo')
            .leftJoin('communities as c', 'c.id', 'eo.community_id')
            .leftJoin('users as u', 'u.id', 'eo.user_id')
            .select(sql`1`.as('one'))
            .whereRef('eo.event_id', '=', 'e.id')
            .where((w) =>
              w.or([
                w('c.region', '=', q.region!),
                w.and([w('u.region', '=', q.region!), sql<SqlBool>`'region' = any(u.public_fields)`]),
              ]),
            ),
        ),
      ),
    )
    .$if(after !== null, (b) =>
      b.where((eb) => {
        const [t, id] = after!;
        const at = new Date(t);
        return eb.or([eb('o.starts_at', '>', at), eb.and([eb('o.starts_at', '=', at), eb('o.id', '>', id)])]);
      }),
    )
    .orderBy('o.starts_at')
    .orderBy('o.id')
    .limit(q.limit + 1)
    .execute();
  const { items, next } = page(rows, q.limit, (r) => [r.starts_at.toISOString(), r.id]);
  return {
    items: items.map((r) => ({
      eventId: String(r.event_id),
      occurrence: r.occurrence,
      slot: r.slot,
      start: isoWithOffset(r.starts_at, r.timezone),
      end: isoWithOffset(r.ends_at, r.timezone),
      timezone: r.timezone,
      title: r.title,
      kind: r.kind,
      mode: r.mode,
      languages: r.languages,
      cancelled: r.cancelled || r.cancelled_at !== null,
      places: { capacity: r.capacity, taken: Number(r.taken ?? 0), waiting: Number(r.waiting ?? 0) },
    })),
    next,
  };
}
