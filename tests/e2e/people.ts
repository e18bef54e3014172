// People for end-to-end tests: each in a browser context of their own, signed up (or logged in) through the
// API, so the page shares the session cookie.
import { expect, type Browser, type Page } from '@playwright/test';

export const E2E_PASSWORD = 'e2e person password 123';

export interface E2ePerson {
  page: Page;
  /** The session's CSRF token, for API calls made with page.request. */
  csrf: string;
  id: string;
}

/** Signs up `name` (or, with `password`, logs in an existing account) in a new browser context. */
export async function personPage(browser: Browser, name: string, password?: string): Promise<E2ePerson> {
  const page = await (await browser.newContext()).newPage();
  const session = await page.request.get('/api/v1/session');
  const { csrfToken } = (await session.json()) as { csrfToken: string };
  const res = password
    ? await page.request.post('/api/v1/session', {
        data: { username: name, password },
        headers: { 'x-csrf-token': csrfToken },
      })
    : await page.request.post('/api/v1/accounts', {
        data: { username: name, password: E2E_PASSWORD },
        headers: { 'x-csrf-token': csrfToken },
      });
  expect(res.status(), `signing ${name} up or in`).toBeLessThan(300);
  const body = (await res.json()) as { csrfToken: string; user: { id: string } };
  return { page, csrf: body.csrfToken, id: body.user.id };
}
