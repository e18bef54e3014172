// Every public page of the foundation, in English and in Arabic: its content reads with JavaScript off, it
// hydrates with no console error or mismatch, axe finds nothing, and it fits a 360 px wide phone.
import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, hydrated, watchConsole } from './axe';

/** A demo group's and a demo person's page, found through the directories. */
async function samplePages(page: Page): Promise<string[]> {
  const groups = await (await page.request.get('/api/v1/communities?limit=1')).json();
  const people = await (await page.request.get('/api/v1/participants?limit=1')).json();
  return [`/communities/${groups.items[0].slug}`, `/people/${encodeURIComponent(people.items[0].username.replace(/ /g, '_'))}`];
}

const PAGES = ['/', '/participants', '/communities', '/faq', '/updates', '/login', '/signup'];

for (const lang of ['en', 'ar']) {
  test(`pages read without JavaScript (${lang})`, async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    for (const path of [...PAGES, ...(await samplePages(page))]) {
      const res = await page.goto(`${path}?uselang=${lang}`);
      expect(res?.status(), path).toBe(200);
      await expect(page.locator('html'), path).toHaveAttribute('dir', lang === 'ar' ? 'rtl' : 'ltr');
      await expect(page.locator('main h1').first(), path).toBeVisible();
      expect((await page.locator('main').innerText()).trim().length, path).toBeGreaterThan(40);
    }
    await context.close();
  });

  test(`pages hydrate cleanly, pass axe and fit 360 px (${lang})`, async ({ browser }) => {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    const problems = watchConsole(page);
    for (const path of [...PAGES, ...(await samplePages(page))]) {
      await page.goto(`${path}?uselang=${lang}`);
      await hydrated(page);
      await expectAccessible(page);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `${path} is wider than the screen`).toBeLessThanOrEqual(0);
    }
    expect(problems).toEqual([]);
    await context.close();
  });
}

test('the API reference works under the content security policy', async ({ page }) => {
  const blocked: string[] = [];
  page.on('console', (msg) => {
    if (/Content Security Policy/i.test(msg.text())) blocked.push(msg.text());
  });
  await page.goto('/api/docs');
  await expect(page.getByText('/api/v1/participants').first()).toBeVisible();
  expect(blocked).toEqual([]);
});
