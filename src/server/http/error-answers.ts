// The error answers a route can give, for the OpenAPI document: what its policy and schemas imply (400 for
// input, 401 when signing in is needed, 403 for a refused person or a missing CSRF token on a write, 429 for a
// rate tier) and what the route declares besides (`policy.errors`: 404, 409, …). Every one is problem+json
// (RFC 9457) with the one shared schema below.
import type { RouteOptions } from 'fastify';
import type { OpenAPIV3_1 } from 'openapi-types';
import { isSafeMethod, policyOf } from './route-policy';

export const problemSchema: OpenAPIV3_1.SchemaObject = {
  type: 'object',
  description: "An error (RFC 9457), its title and detail in the request's interface language.",
  required: ['type', 'title', 'status'],
  // Some answers add extension members (RFC 9457 §3.2): an edit conflict's 409 carries `current` (the text,
  // revision, editor and time that won); a source that exists already, `duplicates`.
  additionalProperties: true,
  properties: {
    type: { type: 'string' },
    title: { type: 'string' },
    status: { type: 'integer' },
    detail: { type: 'string' },
    duplicates: {
      type: 'array',
      description: 'Sources that exist already (a 409 when adding or editing a source): what matched each.',
      items: {
        type: 'object',
        required: ['id', 'title', 'reason'],
        properties: {
          id: { type: 'string' },
          title: { type: 'string' },
          reason: { type: 'string', enum: ['isbn', 'doi', 'url', 'wikidata', 'title'] },
        },
      },
    },
    errors: {
      type: 'array',
      description: 'Invalid fields, each with a message in the interface language.',
      items: {
        type: 'object',
        required: ['field', 'message'],
        properties: { field: { type: 'string' }, message: { type: 'string' } },
      },
    },
  },
};

const DESCRIPTIONS: Record<number, string> = {
  400: 'Invalid input (each field named in `errors`)',
  401: 'Signing in is needed',
  403: 'Not allowed (or the CSRF token is missing or wrong)',
  404: 'Not found',
  409: 'A conflict with the current state',
  410: 'Gone',
  413: 'Too large',
  415: 'Unsupported content type',
  422: 'Not processable',
  429: 'Too many requests (see Retry-After)',
  502: 'The upstream service failed',
  503: 'Not available now (see Retry-After)',
  504: 'The upstream service did not answer in time',
};

type RouteLike = Pick<RouteOptions, 'method' | 'schema' | 'config'>;

/** Error statuses of a route, in order. */
export function errorStatuses(route: RouteLike): number[] {
  const p = policyOf(route.config);
  const schema = (route.schema ?? {}) as Record<string, unknown>;
  const methods = Array.isArray(route.method) ? route.method : [route.method];
  const write = methods.some((m) => !isSafeMethod(m));
  const statuses = new Set<number>();
  if (schema.body || schema.querystring || schema.params) statuses.add(400);
  if (p && p.access !== 'anyone') statuses.add(401);
  if (write || p?.access === 'moderator' || p?.access === 'admin') statuses.add(403);
  for (const e of p?.errors ?? []) statuses.add(e);
  // An Idempotency-Key sent again with another request, or while its first request is in flight.
  if (p?.idempotent) statuses.add(409);
  if (p?.rate?.length) statuses.add(429);
  return [...statuses].sort((a, b) => a - b);
}

/** The OpenAPI response objects of a route's error answers, keyed by status. */
export function errorAnswers(route: RouteLike): [string, unknown][] {
  return errorStatuses(route).map((status) => [
    String(status),
    {
      description: DESCRIPTIONS[status] ?? 'Error',
      content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
    },
  ]);
}
