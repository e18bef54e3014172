// The FAQ: /api/v1/faq (everyone reads it; admins write, order and delete its questions).
import type { FastifyPluginCallback } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { faqEntry, faqList } from '../../../contracts/faq';
import { VersionedCache } from '../../http/content-cache';
import { ctxOf } from '../../http/ctx';
import { sendKeptJson } from '../../http/kept-json';
import { createFaqBody, faqQuery, idParams, orderFaqBody, patchFaqBody } from './schema';
import { createFaqEntry, listFaq, orderFaq, patchFaqEntry, removeFaqEntry } from './service';

const keptLists = new VersionedCache<string>('faq.list');

export const faqRoutes: FastifyPluginCallback = (fastify, _opts, done) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['faq'];
  // Writes are for admins; the use cases check it (and log a refusal under its own action, faq.create, …), so
  // the route only asks for someone signed in.

  app.get(
    '/faq',
    {
      config: { policy: { access: 'anyone' } },
      schema: {
        tags,
        summary:
          'The FAQ in order, in the language asked for (the interface language by default) or in English when it has none',
        querystring: faqQuery,
        response: { 200: faqList },
      },
    },
    // The same for every reader of a language: kept until the content changes.
    (req, reply) =>
      sendKeptJson(reply, keptLists, req.server.db, req.query.language ?? `ui:${req.lang}`, faqList, () =>
        listFaq(ctxOf(req), req.query.language),
      ),
  );

  app.post(
    '/faq',
    {
      config: { policy: { idempotent: true, access: 'signed_in' } },
      schema: {
        tags,
        summary: 'Add a question and its answer at the end of its language (admins)',
        body: createFaqBody,
        response: { 201: faqEntry },
      },
    },
    async (req, reply) => reply.code(201).send(await createFaqEntry(ctxOf(req), req.body)),
  );

  // Static before parametric: Fastify matches /faq/order here, not as an id.
  app.put(
    '/faq/order',
    {
      config: { policy: { access: 'signed_in', errors: [409] } },
      schema: {
        tags,
        summary: 'Order the entries of one language (admins): the list names all of them',
        body: orderFaqBody,
        response: { 200: faqList },
      },
    },
    (req) => orderFaq(ctxOf(req), req.body.ids),
  );

  app.patch(
    '/faq/:id',
    {
      config: { policy: { access: 'signed_in', errors: [404] } },
      schema: {
        tags,
        summary: 'Change a question or its answer (admins)',
        params: idParams,
        body: patchFaqBody,
        response: { 200: faqEntry },
      },
    },
    (req) => patchFaqEntry(ctxOf(req), req.params.id, req.body),
  );

  app.delete(
    '/faq/:id',
    {
      config: { policy: { access: 'signed_in', errors: [404] } },
      schema: { tags, summary: 'Delete a question (admins)', params: idParams },
    },
    async (req, reply) => {
      await removeFaqEntry(ctxOf(req), req.params.id);
      return reply.code(204).send();
    },
  );
  done();
};
