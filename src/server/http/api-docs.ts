// OpenAPI 3.1 at /api/openapi.json, generated from the route schemas, and a browsable reference at /api/docs.
import type { FastifyInstance } from 'fastify';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import { errorAnswers, problemSchema } from './error-answers';
import { IDEMPOTENCY_HEADER, REPLAYED_HEADER } from './idempotency';
import { policyOf } from './route-policy';

type JsonObject = { properties?: Record<string, unknown>; [k: string]: unknown };

/** The `Idempotency-Key` request header of a creating operation (http/idempotency.ts), beside its other headers. */
function withIdempotencyKey(headers: JsonObject | undefined): JsonObject {
  return {
    type: 'object',
    ...headers,
    properties: {
      ...headers?.properties,
      [IDEMPOTENCY_HEADER]: {
        type: 'string',
        minLength: 16,
        maxLength: 255,
        pattern: '^[\\x21-\\x7e]+$',
        description:
          'A random value (a UUID) made once per submission and sent again with each retry of it. A retry by the ' +
          `same person within 24 hours gets the first successful answer again (marked \`${REPLAYED_HEADER}: true\`) ` +
          'and creates nothing; the same key with a different request, or while the first is still being handled, ' +
          'is a 409. Refusals and failures are not kept: the key stays free.',
      },
    },
  };
}

export async function registerApiDocs(app: FastifyInstance): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Leadership Development Network API',
        version: '1',
        description:
          'Sign in with a session cookie (send the token of GET /api/v1/session as X-CSRF-Token on every change) ' +
          'or with a personal token as `Authorization: Bearer …`. ' +
          'Operations that create something take an `Idempotency-Key` header: send a new random key (a UUID) with ' +
          'each submission and the same key with its retries, and a retry never creates twice.',
      },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer' },
          cookie: { type: 'apiKey', in: 'cookie', name: 'ldn_session' },
        },
        schemas: { Problem: problemSchema },
      },
    },
    // Each operation lists the error answers its route can give (http/error-answers.ts), all problem+json.
    transform: (input) => {
      const out = jsonSchemaTransform(input);
      const response = { ...((out.schema as { response?: Record<string, unknown> }).response ?? {}) };
      for (const [status, answer] of errorAnswers(input.route)) response[status] ??= answer;
      const headers = policyOf(input.route.config)?.idempotent
        ? withIdempotencyKey((out.schema as { headers?: JsonObject }).headers)
        : (out.schema as { headers?: JsonObject }).headers;
      return { ...out, schema: { ...out.schema, response, ...(headers ? { headers } : {}) } };
    },
  });
  app.get('/api/openapi.json', { schema: { hide: true }, config: { policy: { access: 'anyone' } } }, () =>
    app.swagger(),
  );
  await app.register(swaggerUi, {
    routePrefix: '/api/docs',
    // Tags start folded: with some 150 operations, Swagger UI rendering every one of them at once stalls the
    // page for many seconds on a phone; a reader opens the tag they came for.
    uiConfig: { url: '/api/openapi.json', docExpansion: 'none' } as never,
    // The reference keeps the site's policy (its scripts are files of our origin) except that Swagger UI
    // injects <style> elements: allow inline styles on these pages only (a nonce would make browsers
    // ignore 'unsafe-inline', so it is dropped from style-src here).
    staticCSP: false,
    transformStaticCSP: (header) => header.replace(/style-src [^;]*/, "style-src 'self' 'unsafe-inline'"),
  });
}
