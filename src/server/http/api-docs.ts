// OpenAPI 3.1 at /api/openapi.json, generated from the route schemas, and a browsable reference at /api/docs.
import type { FastifyInstance } from 'fastify';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import { errorAnswers, problemSchema } from './error-answers';

export async function registerApiDocs(app: FastifyInstance): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Leadership Development Network API',
        version: '1',
        description:
          'Sign in with a session cookie (send the token of GET /api/v1/session as X-CSRF-Token on every change) ' +
          'or with a personal token as `Authorization: Bearer …`.',
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
      return { ...out, schema: { ...out.schema, response } };
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
