import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { adaptationDetail, savedAdaptedUnit } from '../../../../contracts/adaptations';
import { ctxOf } from '../../../http/ctx';
import {
  addUnitBody,
  createAdaptationBody,
  dropUnitBody,
  idParams,
  reviewBody,
  saveUnitBody,
  slugParams,
  unitParams,
} from './schema';
import { addUnit, createAdaptation, dropUnit, getAdaptation, reviewUnit, saveUnit } from './service';

export function adaptationsRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['adaptations'];

  app.post(
    '/documents/:slug/adaptations',
    {
      config: {
        policy: {
          idempotent: true,
          access: 'signed_in',
          contentScope: 'documents',
          rate: ['topic', 'topic-day'],
          errors: [404, 409],
        },
      },
      schema: {
        tags,
        summary:
          'Adapt a document for a group in a language, from the source or its translation (the group’s coordinators)',
        params: slugParams,
        body: createAdaptationBody,
        response: { 201: adaptationDetail },
      },
    },
    async (req, reply) => reply.code(201).send(await createAdaptation(ctxOf(req), req.params.slug, req.body)),
  );

  app.get(
    '/adaptations/:id',
    {
      config: { policy: { access: 'anyone', contentScope: 'documents', errors: [404] } },
      schema: {
        tags,
        summary: 'An adaptation: its base, its units against the base, and the base’s changes since last reviewed',
        params: idParams,
        response: { 200: adaptationDetail },
      },
    },
    (req) => getAdaptation(ctxOf(req), req.params.id),
  );

  app.put(
    '/adaptations/:id/units/:unitId',
    {
      config: { policy: { access: 'signed_in', contentScope: 'documents', rate: ['translate'], errors: [404, 409] } },
      schema: {
        tags,
        summary: 'Change a unit of an adaptation, with a note on why (the group’s coordinators)',
        params: unitParams,
        body: saveUnitBody,
        response: { 200: savedAdaptedUnit },
      },
    },
    (req) => saveUnit(ctxOf(req), req.params.id, req.params.unitId, req.body),
  );

  app.delete(
    '/adaptations/:id/units/:unitId',
    {
      config: { policy: { access: 'signed_in', contentScope: 'documents', rate: ['translate'], errors: [404, 409] } },
      schema: {
        tags,
        summary: 'Drop a unit from an adaptation, with a note on why (the group’s coordinators)',
        params: unitParams,
        body: dropUnitBody,
        response: { 200: savedAdaptedUnit },
      },
    },
    (req) => dropUnit(ctxOf(req), req.params.id, req.params.unitId, req.body),
  );

  app.post(
    '/adaptations/:id/units',
    {
      config: {
        policy: {
          idempotent: true,
          access: 'signed_in',
          contentScope: 'documents',
          rate: ['translate'],
          errors: [404],
        },
      },
      schema: {
        tags,
        summary: 'Add a unit of the group’s own after a unit (the group’s coordinators)',
        params: idParams,
        body: addUnitBody,
        response: { 201: savedAdaptedUnit },
      },
    },
    async (req, reply) => reply.code(201).send(await addUnit(ctxOf(req), req.params.id, req.body)),
  );

  app.post(
    '/adaptations/:id/units/:unitId/review',
    {
      config: { policy: { access: 'signed_in', contentScope: 'documents', rate: ['translate'], errors: [404, 409] } },
      schema: {
        tags,
        summary:
          'Settle a base unit changed upstream: take the base, keep the local text, or merge (the group’s coordinators)',
        params: unitParams,
        body: reviewBody,
        response: { 200: savedAdaptedUnit },
      },
    },
    (req) => reviewUnit(ctxOf(req), req.params.id, req.params.unitId, req.body),
  );

  return Promise.resolve();
}
