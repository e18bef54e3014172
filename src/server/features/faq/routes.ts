import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { createFaqBody, faqEntry, faqList, faqQuery, idParams, orderFaqBody, patchFaqBody } from './schema';
import { createFaqEntry, listFaq, orderFaq, patchFaqEntry, removeFaqEntry } from './service';

export async function faqRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['faq'];

  app.get('/faq', {
    schema: {
      tags,
      summary: 'The FAQ in order, in the language asked for (the interface language by default) or in English when it has none',
      querystring: faqQuery,
      response: { 200: faqList },
    },
  }, (req) => listFaq(fastify, req, req.query.language));

  app.post('/faq', {
    schema: { tags, summary: 'Add a question and its answer at the end of its language (admins)', body: createFaqBody, response: { 201: faqEntry } },
  }, async (req, reply) => reply.code(201).send(await createFaqEntry(fastify, req, req.body)));

  // Static before parametric: Fastify matches /faq/order here, not as an id.
  app.put('/faq/order', {
    schema: { tags, summary: 'Order the entries of one language (admins): the list names all of them', body: orderFaqBody, response: { 200: faqList } },
  }, (req) => orderFaq(fastify, req, req.body.ids));

  app.patch('/faq/:id', {
    schema: { tags, summary: 'Change a question or its answer (admins)', params: idParams, body: patchFaqBody, response: { 200: faqEntry } },
  }, (req) => patchFaqEntry(fastify, req, req.params.id, req.body));

  app.delete('/faq/:id', {
    schema: { tags, summary: 'Delete a question (admins)', params: idParams },
  }, async (req, reply) => {
    await removeFaqEntry(fastify, req, req.params.id);
    return reply.code(204).send();
  });
}
