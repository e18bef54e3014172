// The language cookie a visitor's `?uselang=` (or the footer's choice) leaves is Secure when the site is on https.
import { describe, expect, it } from 'vitest';
import { testApp } from '../testing/harness';
import { TestClient } from '../testing/client';

const langCookie = (setCookie: string | string[] | undefined) =>
  [setCookie ?? []].flat().find((c) => c.startsWith('ldn_lang='));

describe('the language cookie', () => {
  it('is Secure when BASE_URL is https', async () => {
    const app = await testApp({ configOverrides: { secureCookies: true, baseUrl: 'https://ldn.example.org' } });
    const res = await new TestClient(app).get('/api/v1/session?uselang=fr');
    const cookie = langCookie(res.headers['set-cookie']);
    expect(cookie).toMatch(/^ldn_lang=fr;/);
    expect(cookie).toMatch(/; Secure/);
    expect(cookie).toMatch(/; SameSite=Lax/);
  });

  it('is not Secure on a plain http site (it would never be sent back)', async () => {
    const res = await new TestClient(await testApp()).get('/api/v1/session?uselang=fr');
    const cookie = langCookie(res.headers['set-cookie']);
    expect(cookie).toMatch(/^ldn_lang=fr;/);
    expect(cookie).not.toMatch(/Secure/);
  });
});
