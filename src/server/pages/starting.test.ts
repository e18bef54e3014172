// While the platform starts: pages get a small page in the visitor's language that reloads itself, with
// Retry-After; the API keeps its problem+json 503.
import { describe, expect, it } from 'vitest';
import { buildApp } from '../app';
import { testConfig } from '../testing/harness';
import { STARTING_RETRY_SECONDS, startingHtml } from './starting';

describe('the page shown while the platform starts', () => {
  it('is in the language asked for, right-to-left for Arabic, reloads itself and carries the nonces', () => {
    const html = startingHtml('ar', { script: 'scr1pt', style: 'sty1e' });
    expect(html).toMatch(/^<!doctype html><html lang="ar" dir="rtl">/);
    // Without JavaScript the meta refresh; with it, a script that reloads once the health check says ready.
    expect(html).toContain(`<noscript><meta http-equiv="refresh" content="${STARTING_RETRY_SECONDS}"></noscript>`);
    expect(html).toMatch(/<script nonce="scr1pt">[^<]*fetch\('\/healthz'[^<]*location\.reload\(\)/);
    expect(html).toContain('<h1>جارٍ تشغيل المنصة</h1>');
    expect(html).toContain('<style nonce="sty1e">');
    expect(startingHtml('en', { script: '', style: '' })).toContain(
      '<title>The platform is starting – Leadership Development Network</title>',
    );
  });

  it('answers pages with it (503, Retry-After) until the database is ready, and the API with problem+json', async () => {
    const app = await buildApp({ config: testConfig(), db: null, pages: false });
    try {
      const page = await app.inject({
        method: 'GET',
        url: '/events',
        headers: { 'accept-language': 'fr-FR,fr;q=0.9' },
      });
      expect(page.statusCode).toBe(503);
      expect(page.headers['retry-after']).toBe(String(STARTING_RETRY_SECONDS));
      expect(page.headers['content-type']).toMatch(/^text\/html/);
      expect(page.headers['cache-control']).toBe('no-store');
      expect(page.body).toContain('<html lang="fr" dir="ltr">');
      expect(page.body).toContain('La plateforme démarre');
      const csp = String(page.headers['content-security-policy']);
      for (const element of ['style', 'script'])
        expect(csp).toContain(`'nonce-${new RegExp(`<${element} nonce="([^"]+)">`).exec(page.body)?.[1]}'`);
      // The visitor's chosen language wins over the browser's.
      const chosen = await app.inject({
        method: 'GET',
        url: '/',
        headers: { cookie: 'ldn_lang=ar', 'accept-language': 'fr' },
      });
      expect(chosen.body).toContain('<html lang="ar" dir="rtl">');

      const api = await app.inject({ method: 'GET', url: '/api/v1/session' });
      expect(api.statusCode).toBe(503);
      expect(api.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(api.headers['retry-after']).toBe('1');
      expect(JSON.parse(api.body).title).toBe('The platform is starting. Please try again in a moment.');
      expect((await app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(503);
    } finally {
      await app.close();
    }
  });
});
