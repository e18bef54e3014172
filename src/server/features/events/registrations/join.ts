// The meeting link reaches registrants only, from 15 minutes before an occurrence's start to its end, through
// /events/<id>/join: checked on every request, answered with a redirect or a problem saying when it opens, and
// never kept (no shared or browser cache holds it; no kept page or API answer carries it). Organizers read it
// from an organizer-only, never-kept answer (DECISIONS 14).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Ctx } from '../../../http/context';
import { ctxOf } from '../../../http/ctx';
import { ensure, requireUser } from '../../../http/access';
import { HttpError } from '../../../http/errors';
import { isoWithOffset } from '../time/zoned';
import { eventOf, managesEvent } from './event-access';
import { eventParams, occurrenceText } from './schema';

/** How long before the start the link opens. */
export const JOIN_EARLY_MS = 15 * 60_000;
const NEVER_KEPT = { 'cache-control': 'private, no-store' };

const refused = (status: number, detailKey: string, params: unknown[] = [], extensions?: Record<string, unknown>) =>
  new HttpError(status, status === 410 ? 'events-join-closed' : undefined, {
    detailKey,
    params,
    headers: NEVER_KEPT,
    extensions,
  });

/** Where a registrant joins now: the meeting address, or a problem saying when (or why not). */
export async function joinTarget(ctx: Ctx, idText: string, occurrence?: string): Promise<string> {
  const event = await eventOf(ctx.db, idText);
  if (!ctx.actor) throw new HttpError(401, 'error-unauthorized', { headers: NEVER_KEPT });
  if (event.cancelled_at) throw refused(410, 'events-registration-event-cancelled');
  let q = ctx.db
    .selectFrom('event_registrations as r')
    .innerJoin('event_occurrences as o', 'o.id', 'r.occurrence_id')
    .select(['o.starts_at', 'o.ends_at'])
    .where('r.event_id', '=', event.id)
    .where('r.user_id', '=', ctx.actor.id)
    .where('r.status', '=', 'registered')
    .where('o.cancelled', '=', false)
    .where('o.ends_at', '>', ctx.now)
    .orderBy('o.starts_at');
  if (occurrence !== undefined) q = q.where('o.occurrence', '=', occurrence);
  const next = await q.limit(1).executeTakeFirst();
  if (!next) {
    const ever = await ctx.db
      .selectFrom('event_registrations')
      .select('id')
      .where('event_id', '=', event.id)
      .where('user_id', '=', ctx.actor.id)
      .where('status', '=', 'registered')
      .limit(1)
      .executeTakeFirst();
    throw ever ? refused(410, 'events-join-over') : refused(403, 'events-join-registrants-only');
  }
  const opens = new Date(next.starts_at.getTime() - JOIN_EARLY_MS);
  if (opens.getTime() > ctx.now.getTime()) {
    const at = isoWithOffset(opens, event.timezone);
    throw refused(409, 'events-join-not-yet', [at], { opensAt: at });
  }
  if (!event.meeting_url) throw refused(409, 'events-join-no-link');
  return event.meeting_url;
}

/** The meeting link for its organizers (and admins). */
export async function meetingLink(ctx: Ctx, idText: string): Promise<{ url: string | null }> {
  const user = requireUser(ctx);
  const event = await eventOf(ctx.db, idText);
  await ensure(ctx, await managesEvent(ctx.db, user, event, ctx.now), 'event.meeting-link.read', {
    type: 'event',
    id: event.id,
  });
  return { url: event.meeting_url };
}

/** `/events/<id>/join`, registered outside /api/v1 (features/index.ts). */
export function joinRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/events/:id/join',
    {
      config: { policy: { access: 'anyone', errors: [403, 404, 409, 410] } },
      schema: { hide: true, params: eventParams, querystring: z.object({ occurrence: occurrenceText.optional() }) },
    },
    async (req, reply) => {
      const url = await joinTarget(ctxOf(req), req.params.id, req.query.occurrence);
      return reply.header('cache-control', NEVER_KEPT['cache-control']).redirect(url, 303);
    },
  );
  return Promise.resolve();
}
