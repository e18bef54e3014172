import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  progressAnswer,
  savedTranslation,
  sourceChangesAnswer,
  translationView as translationViewSchema,
} from '../../../../contracts/documents';
import { ctxOf } from '../../../http/ctx';
import { languageParams, putTranslationBody, slugParams, translationParams } from '../schema';
import { documentProgress } from './progress-service';
import { proofread, saveTranslation, sourceChanges, translationView } from './service';

export function translationsRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['documents'];

  app.put(
    '/documents/:slug/units/:unitId/translations/:lang',
    {
      config: { policy: { access: 'signed_in', rate: ['translate'], errors: [404, 409] } },
      schema: {
        tags,
        summary:
          "Save a unit's translation (anyone signed in) as its next revision; 409 with the current text when someone saved it after baseRevision (0 when it has none)",
        params: translationParams,
        body: putTranslationBody,
        response: { 200: savedTranslation },
      },
    },
    (req) => saveTranslation(ctxOf(req), req.params.slug, req.params.unitId, req.params.lang, req.body),
  );

  app.post(
    '/documents/:slug/units/:unitId/translations/:lang/proofread',
    {
      config: { policy: { access: 'signed_in', rate: ['translate'], errors: [404, 409] } },
      schema: {
        tags,
        summary: "Mark a unit's translation proofread (anyone signed in but its last translator; an edit clears it)",
        params: translationParams,
        response: { 200: savedTranslation },
      },
    },
    (req) => proofread(ctxOf(req), req.params.slug, req.params.unitId, req.params.lang),
  );

  app.get(
    '/documents/:slug/translations/:lang',
    {
      config: { policy: { access: 'anyone', errors: [404] } },
      schema: {
        tags,
        summary:
          "A language's translation unit by unit beside the source: its state, the source's changes when outdated, a suggestion when untranslated",
        params: languageParams,
        response: { 200: translationViewSchema },
      },
    },
    (req) => translationView(ctxOf(req), req.params.slug, req.params.lang),
  );

  app.get(
    '/documents/:slug/translations/:lang/source-changes',
    {
      config: { policy: { access: 'anyone', errors: [404] } },
      schema: {
        tags,
        summary: 'Every outdated unit of a language with what changed in its source since the revision translated',
        params: languageParams,
        response: { 200: sourceChangesAnswer },
      },
    },
    (req) => sourceChanges(ctxOf(req), req.params.slug, req.params.lang),
  );

  app.get(
    '/documents/:slug/progress',
    {
      config: { policy: { access: 'anyone', errors: [404] } },
      schema: {
        tags,
        summary:
          'Translation progress per language (translated, proofread, outdated, untranslated units, the title included)',
        params: slugParams,
        response: { 200: progressAnswer },
      },
    },
    (req) => documentProgress(ctxOf(req), req.params.slug),
  );

  return Promise.resolve();
}
