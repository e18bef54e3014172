// A value the schemas let through but the database refuses (SQLSTATE class 22: out of range, a malformed date,
// a character the encoding cannot hold) is the request's fault: a 400 problem+json, never a 500.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../app';
import { inputFaultCode } from '../db/errors';
import { testConfig, testDatabase } from '../testing/harness';

let app: FastifyInstance;

beforeAll(async () => {
  app = await buildApp({ config: testConfig(), db: (await testDatabase()).db, pages: false });
  // A route as careless as a route could be: its query goes to PostgreSQL unchecked.
  app.get<{ Querystring: { n?: string; day?: string } }>(
    '/api/v1/careless',
    { config: { policy: { access: 'anyone' } } },
    async (req) => {
      const { n = '1', day = '2024-01-01' } = req.query;
      const row = await sql<{ v: number }>`select ${n}::int + 0 as v, ${day}::date as d`.execute(app.db);
      return { v: row.rows[0]?.v };
    },
  );
  await app.ready();
});

afterAll(() => app.close());

describe('database data exceptions', () => {
  it('answer 400 problem+json in the language asked, for numbers out of range and impossible dates', async () => {
    for (const query of ['n=99999999999', 'n=1.5x', 'day=2024-02-30', 'day=2024-13-01']) {
      const res = await app.inject({ url: `/api/v1/careless?${query}&uselang=es` });
      expect(res.statusCode, query).toBe(400);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.json()).toMatchObject({
        status: 400,
        title: expect.any(String),
        detail: expect.stringMatching(/valor/),
      });
    }
    expect((await app.inject({ url: '/api/v1/careless?n=41' })).json()).toEqual({ v: 41 });
  });

  it('are told apart from the server’s own faults by their SQLSTATE', () => {
    expect(inputFaultCode({ code: '22003' })).toBe('22003');
    expect(inputFaultCode({ code: '22P02' })).toBe('22P02');
    expect(inputFaultCode({ code: '54000' })).toBe('54000');
    expect(inputFaultCode({ code: '23505' })).toBeNull();
    expect(inputFaultCode({ code: '42601' })).toBeNull();
    expect(inputFaultCode(new Error('x'))).toBeNull();
  });
});
