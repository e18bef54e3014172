// The API of taking part in events: registrations (with places and a waiting list), attendance and notes
// afterwards, organizers' messages, the organizer-only meeting link, and attendance of ambassador meetings per
// person and per group. Registered from the events' routes; the join link lives outside /api (joinRoutes).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  attendanceAnswer,
  meetingLinkAnswer,
  registrationCreated,
  registrationsAnswer,
} from '../../../../contracts/events';
import { ctxOf } from '../../../http/ctx';
import type { RoutePolicy } from '../../../http/route-policy';
import { communityAttendance, personAttendance, putAttendance, putNotes } from '../attendance/service';
import { sendMessage } from '../messages/service';
import { meetingLink } from './join';
import {
  attendanceBody,
  cancelQuery,
  eventParams,
  messageBody,
  notesBody,
  occurrenceParams,
  registrationBody,
  registrationParams,
  registrationsQuery,
} from './schema';
import { cancelRegistration, listRegistrations, register } from './service';

const tags = ['events'];
const NEVER_KEPT = 'private, no-store';
const write: RoutePolicy = { access: 'signed_in', rate: ['post'], contentScope: 'events', errors: [404, 409] };

export function registrationsRoutes(fastify: FastifyInstance): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.post(
    '/events/:id/registrations',
    {
      config: { policy: { ...write, idempotent: true } },
      schema: {
        tags,
        summary: 'Register for an occurrence (the next by default) or a series; beyond the places, on the waiting list',
        params: eventParams,
        body: registrationBody,
        response: { 201: registrationCreated },
      },
    },
    async (req, reply) => reply.code(201).send(await register(ctxOf(req), req.params.id, req.body)),
  );

  app.delete(
    '/events/:id/registrations/:registrationId',
    {
      config: { policy: { ...write, openWhileSuspended: true } },
      schema: {
        tags,
        summary: 'Cancel a registration (the person or the organizers); a freed place goes to the first waiting',
        params: registrationParams,
        querystring: cancelQuery,
      },
    },
    async (req, reply) => {
      await cancelRegistration(ctxOf(req), req.params.id, req.params.registrationId, req.query.series === 'true');
      return reply.code(204).send();
    },
  );

  app.get(
    '/events/:id/registrations',
    {
      config: { policy: { access: 'signed_in', contentScope: 'events', errors: [404] } },
      schema: {
        tags,
        summary: "An occurrence's registrants and the answers' totals (organizers and admins)",
        params: eventParams,
        querystring: registrationsQuery,
        response: { 200: registrationsAnswer },
      },
    },
    async (req, reply) => {
      reply.header('cache-control', NEVER_KEPT);
      return listRegistrations(ctxOf(req), req.params.id, req.query.occurrence);
    },
  );

  app.get(
    '/events/:id/meeting-link',
    {
      config: { policy: { access: 'signed_in', contentScope: 'events', errors: [404] } },
      schema: {
        tags,
        summary: 'The meeting link (organizers only; never kept)',
        params: eventParams,
        response: { 200: meetingLinkAnswer },
      },
    },
    async (req, reply) => {
      reply.header('cache-control', NEVER_KEPT);
      return meetingLink(ctxOf(req), req.params.id);
    },
  );

  app.put(
    '/events/:id/occurrences/:occurrence/attendance',
    {
      config: { policy: write },
      schema: {
        tags,
        summary: 'Record who was present and how many walked in (organizers)',
        params: occurrenceParams,
        body: attendanceBody,
      },
    },
    async (req, reply) => {
      await putAttendance(ctxOf(req), req.params.id, req.params.occurrence, req.body);
      return reply.code(204).send();
    },
  );

  app.put(
    '/events/:id/occurrences/:occurrence/notes',
    {
      config: { policy: write },
      schema: {
        tags,
        summary: 'Publish notes, a recording link and follow-up actions (organizers)',
        params: occurrenceParams,
        body: notesBody,
      },
    },
    async (req, reply) => {
      await putNotes(ctxOf(req), req.params.id, req.params.occurrence, req.body);
      return reply.code(204).send();
    },
  );

  app.post(
    '/events/:id/messages',
    {
      config: { policy: { ...write, idempotent: true, errors: [404] } },
      schema: {
        tags,
        summary: 'Write to the registrants (organizers; 5 a day per event)',
        params: eventParams,
        body: messageBody,
        response: { 201: z.object({ id: z.string(), recipients: z.number().int() }) },
      },
    },
    async (req, reply) => reply.code(201).send(await sendMessage(ctxOf(req), req.params.id, req.body)),
  );

  app.get(
    '/people/:username/attendance',
    {
      config: { policy: { access: 'anyone', contentScope: 'events', errors: [404] } },
      schema: {
        tags,
        summary: "A person's attendance of ambassador meetings (the person, their groups' coordinators, admins)",
        params: z.object({ username: z.string().max(100) }),
        response: { 200: attendanceAnswer },
      },
    },
    async (req, reply) => {
      reply.header('cache-control', NEVER_KEPT);
      return personAttendance(ctxOf(req), req.params.username);
    },
  );

  app.get(
    '/communities/:slug/attendance',
    {
      config: { policy: { access: 'anyone', contentScope: 'events', errors: [404] } },
      schema: {
        tags,
        summary: "A group's attendance of ambassador meetings (present when one of its ambassadors was)",
        params: z.object({ slug: z.string().max(100) }),
        response: { 200: attendanceAnswer },
      },
    },
    (req) => communityAttendance(ctxOf(req), req.params.slug),
  );
}
