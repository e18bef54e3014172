// The OpenAPI document states every operation's error answers with one shared problem+json schema.
import { describe, expect, it } from 'vitest';
import { testApp } from '../testing/harness';

interface Op {
  responses: Record<string, { content?: Record<string, { schema?: { $ref?: string } }> }>;
}

describe('the OpenAPI document', () => {
  it('gives every operation its error answers as problem+json of one shared schema', async () => {
    const app = await testApp();
    const doc = (await app.inject({ url: '/api/openapi.json' })).json() as {
      paths: Record<string, Record<string, Op>>;
      components: { schemas: Record<string, unknown> };
    };
    expect(doc.components.schemas.Problem).toBeTruthy();
    const ops = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([m, op]) => ({ id: `${m} ${path}`, op })),
    );
    expect(ops.length).toBeGreaterThan(100);
    for (const { id, op } of ops) {
      const errors = Object.entries(op.responses).filter(([status]) => Number(status) >= 400);
      const refs = errors.map(([, r]) => r.content?.['application/problem+json']?.schema?.$ref);
      expect(
        refs.every((r) => r === '#/components/schemas/Problem'),
        id,
      ).toBe(true);
      // A write can always meet a missing CSRF token or a refusal.
      if (!id.startsWith('get '))
        expect(
          errors.map(([s]) => s),
          id,
        ).toContain('403');
    }
  });
});
