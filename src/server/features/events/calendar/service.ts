// The feeds' use cases: public calendars (all upcoming events, a group's, one event) for anyone, and a person's
// registrations behind a private address whose token only its hash keeps; a new token voids the old address.
import type { Ctx } from '../../../http/context';
import { audit, actorOf } from '../../../http/audit';
import { requireUser } from '../../../http/access';
import { VersionedCache } from '../../../http/content-cache';
import { notFound } from '../../../http/errors';
import { hashSecret, newSecret } from '../../../http/tokens';
import { calendarText } from './ics';
import { communityIdOf, oneEvent, registeredEvents, upcomingEvents } from './repo';

const options = (ctx: Ctx, name: string) => ({
  baseUrl: ctx.config.baseUrl,
  name: `${name} – ${ctx.t('site-name')}`,
  now: ctx.now,
});

// The public feeds are the same for every reader of a language: kept until the events' version moves (every
// change to an event, and the jobs at each occurrence's start and end), since building one from hundreds of events
// costs far more than a request should.
const keptFeeds = new VersionedCache<string>('events.feeds');

export async function upcomingFeed(ctx: Ctx): Promise<string> {
  return keptFeeds.get(ctx.db, `all|${ctx.lang}`, async () =>
    calendarText(await upcomingEvents(ctx.db, ctx.now), options(ctx, ctx.t('calendar-feed-name'))),
  );
}

export async function communityFeed(ctx: Ctx, slug: string): Promise<string> {
  const id = await communityIdOf(ctx.db, slug);
  if (id === null) throw notFound();
  return keptFeeds.get(ctx.db, `group|${id}|${ctx.lang}`, async () =>
    calendarText(await upcomingEvents(ctx.db, ctx.now, id), options(ctx, slug)),
  );
}

export async function eventFeed(ctx: Ctx, id: string): Promise<string> {
  if (!/^\d{1,15}$/.test(id)) throw notFound();
  const event = await oneEvent(ctx.db, Number(id), ctx.now);
  if (!event) throw notFound();
  return calendarText([event], options(ctx, event.title));
}

/** The registrations of the person whose current token this is; any other token is a 404. */
export async function privateFeed(ctx: Ctx, token: string): Promise<string> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) throw notFound();
  const row = await ctx.db
    .selectFrom('calendar_tokens')
    .select('user_id')
    .where('token_hash', '=', hashSecret(token))
    .executeTakeFirst();
  if (!row) throw notFound();
  return calendarText(
    await registeredEvents(ctx.db, Number(row.user_id), ctx.now),
    options(ctx, ctx.t('calendar-private-name')),
  );
}

/** A new private address for the signed-in person; the previous one stops working. */
export async function resetCalendarToken(ctx: Ctx): Promise<{ url: string }> {
  const user = requireUser(ctx);
  const token = newSecret();
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('calendar_tokens')
      .values({ user_id: user.id, token_hash: hashSecret(token), created_at: ctx.now })
      .onConflict((oc) => oc.column('user_id').doUpdateSet({ token_hash: hashSecret(token), created_at: ctx.now }))
      .execute();
    await audit(trx, { ...actorOf(ctx), action: 'calendar.token_reset', objectType: 'user', objectId: user.id });
  });
  return { url: `${ctx.config.baseUrl}/calendar/${token}.ics` };
}

/** Whether the person has a private address now (the address itself is shown only when made). */
export async function hasCalendarToken(ctx: Ctx): Promise<boolean> {
  const user = requireUser(ctx);
  const row = await ctx.db
    .selectFrom('calendar_tokens')
    .select('created_at')
    .where('user_id', '=', user.id)
    .executeTakeFirst();
  return !!row;
}
