import type { FastifyInstance } from 'fastify';

export function lookupRoutes(_fastify: FastifyInstance): void {}
