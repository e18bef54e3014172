// The calendars at page addresses (outside /api): `/events/feed.ics`, `/events/<id>.ics`,
// `/communities/<slug>/events.ics` and the private `/calendar/<token>.ics`, each counted in the generous `feed`
// tier (DECISIONS 31); and `POST /api/v1/me/calendar-token`, which makes a new private address.
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { calendarTokenAnswer } from '../../../../contracts/events';
import { ctxOf } from '../../../http/ctx';
import type { RoutePolicy } from '../../../http/route-policy';
import { communityFeed, eventFeed, privateFeed, resetCalendarToken, upcomingFeed } from './service';

const policy: RoutePolicy = { access: 'anyone', rate: ['feed'], contentScope: 'events', errors: [404] };
const file = { 200: z.string() };

const send = (reply: FastifyReply, text: string, name: string, kept: 'public' | 'private') =>
  reply
    .type('text/calendar; charset=utf-8')
    .header('content-disposition', `inline; filename="${name}.ics"`)
    // A private address is nobody else's to keep; public feeds may be kept a few minutes by any cache.
    .header('cache-control', kept === 'public' ? 'public, max-age=300' : 'private, max-age=300')
    .send(text);

export function calendarPageRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.get('/events/feed.ics', { config: { policy }, schema: { hide: true, response: file } }, async (req, reply) =>
    send(reply, await upcomingFeed(ctxOf(req)), 'events', 'public'),
  );
  app.get(
    '/events/:id.ics',
    { config: { policy }, schema: { hide: true, params: z.object({ id: z.string() }), response: file } },
    async (req, reply) => send(reply, await eventFeed(ctxOf(req), req.params.id), `event-${req.params.id}`, 'public'),
  );
  app.get(
    '/communities/:slug/events.ics',
    { config: { policy }, schema: { hide: true, params: z.object({ slug: z.string() }), response: file } },
    async (req, reply) => send(reply, await communityFeed(ctxOf(req), req.params.slug), 'events', 'public'),
  );
  app.get(
    '/calendar/:token.ics',
    { config: { policy }, schema: { hide: true, params: z.object({ token: z.string() }), response: file } },
    async (req, reply) => send(reply, await privateFeed(ctxOf(req), req.params.token), 'calendar', 'private'),
  );
  return Promise.resolve();
}

export function calendarApiRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.post(
    '/me/calendar-token',
    {
      config: { policy: { idempotent: true, access: 'signed_in', privateWrite: true, rate: ['token'] } },
      schema: {
        tags: ['events'],
        summary: 'A new private calendar address of one’s registrations; the previous address stops working',
        response: { 201: calendarTokenAnswer },
      },
    },
    async (req, reply) => reply.code(201).send(await resetCalendarToken(ctxOf(req))),
  );
  return Promise.resolve();
}
