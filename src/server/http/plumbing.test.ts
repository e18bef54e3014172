import { describe, expect, it } from 'vitest';
import { buildApp } from '../app';
import { testApp, testConfig, testDatabase } from '../testing/harness';
import { TestClient } from '../testing/client';

describe('health and start-up', () => {
  it('answers 503 until the database is ready, then 200', async () => {
    const app = await buildApp({ config: testConfig(), pages: false });
    expect((await app.inject('/healthz')).statusCode).toBe(503);
    const api = await app.inject('/api/v1/session');
    expect(api.statusCode).toBe(503);
    expect(api.headers['retry-after']).toBe('1');
    app.deps.db = (await testDatabase()).db;
    expect((await app.inject('/healthz')).statusCode).toBe(200);
    expect((await app.inject('/api/v1/session')).statusCode).toBe(200);
    await app.close();
  });
});

describe('errors', () => {
  it('answers unknown API paths with problem+json in the interface language', async () => {
    const c = new TestClient(await testApp());
    const res = await c.get('/api/v1/no-such-thing?uselang=es');
    expect(res.status).toBe(404);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ status: 404, title: 'Página no encontrada' });
  });

  it('picks the language from Accept-Language when no uselang is given', async () => {
    const c = new TestClient(await testApp());
    const res = await c.get('/api/v1/no-such-thing', { 'accept-language': 'ru-RU,ru;q=0.9,en;q=0.5' });
    expect(res.body.title).toBe('Страница не найдена');
  });

  it('answers malformed JSON with a 400 naming the body, never a 500', async () => {
    const app = await testApp();
    const c = await new TestClient(app).start();
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/session',
      headers: {
        'content-type': 'application/json',
        cookie: `ldn_session=${c.cookies.get('ldn_session')}`,
        'x-csrf-token': c.csrf!,
      },
      payload: '{"username": ',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toBe('body');
  });
});

describe('security headers', () => {
  it('sends API answers a static CSP that allows nothing, nosniff and a referrer policy, and no page headers', async () => {
    const res = await (await testApp()).inject('/api/v1/session');
    expect(res.headers['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
    expect(res.headers['x-frame-options']).toBeUndefined();
    expect(res.headers['cross-origin-opener-policy']).toBeUndefined();
  });

  it('sends pages a CSP with fresh nonces for scripts, never unsafe-inline scripts', async () => {
    const app = await testApp();
    // A page-side address that draws no nonce (a redirect, a file) still has the page policy, without nonces.
    const plain = await app.inject('/no-such-page-without-bundle');
    const csp = String(plain.headers['content-security-policy']);
    expect(csp).toMatch(/script-src 'self' 'sha256-[A-Za-z0-9+/]+=*'(;|$)/);
    expect(csp).toMatch(/object-src 'none'/);
    expect(csp).toMatch(/base-uri 'none'/);
    expect(csp).toMatch(/frame-ancestors 'none'/);
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(plain.headers['x-frame-options']).toBe('DENY');
    expect(plain.headers['x-content-type-options']).toBe('nosniff');
  });

  it('marks the session cookie Secure with the __Host- prefix on https', async () => {
    const app = await testApp({ configOverrides: { secureCookies: true, baseUrl: 'https://ldn.example.org' } });
    const res = await app.inject('/api/v1/session');
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/^__Host-ldn_session=/);
    expect(cookie).toMatch(/Secure/);
    expect(cookie).toMatch(/Path=\//);
    expect(res.headers['strict-transport-security']).toMatch(/max-age=\d+/);
  });
});

describe('the API reference', () => {
  it('is a page: the page policy, with inline styles allowed for Swagger UI only', async () => {
    const res = await (await testApp()).inject('/api/docs/');
    expect(res.statusCode).toBe(200);
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toMatch(/style-src 'self' 'unsafe-inline'/);
    expect(csp).toMatch(/script-src 'self' 'sha256-[A-Za-z0-9+/]+=*'(;|$)/);
    expect(res.headers['x-frame-options']).toBe('DENY');
  });
});
