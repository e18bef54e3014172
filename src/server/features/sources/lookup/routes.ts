// "Add by identifier" in the API: POST /api/v1/sources/lookup.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { sourceLookup } from '../../../../contracts/sources';
import { ctxOf } from '../../../http/ctx';
import { lookupBody } from './schema';
import { lookupSource } from './service';

export function lookupRoutes(fastify: FastifyInstance): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.post(
    '/sources/lookup',
    {
      config: {
        // A lookup saves nothing: no one's kept answers change (privateWrite), but it asks another service (export).
        policy: {
          access: 'signed_in',
          rate: ['export'],
          privateWrite: true,
          contentScope: 'sources',
          errors: [404, 502, 503, 504],
        },
      },
      schema: {
        tags: ['sources'],
        summary: 'Fill a source record from a DOI, an ISBN or a Wikidata id, with the sources it would repeat',
        description:
          'A DOI is looked up by content negotiation (CSL-JSON), an ISBN in Open Library, a Wikidata id in Wikidata. ' +
          'The record is not saved: fields the catalogue gives that the record schema refuses are left empty. ' +
          '`duplicates`: sources with the same ISBN, DOI, URL or Wikidata id, or the same title and first author. ' +
          'Nothing found: 404; the catalogue turned off on this instance: 503; no answer within 5 seconds: 504; an ' +
          'error from the catalogue: 502.',
        body: lookupBody,
        response: { 200: sourceLookup },
      },
    },
    (req) => lookupSource(ctxOf(req), req.body),
  );
}
