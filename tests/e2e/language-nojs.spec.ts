// A language that sticks and forms without JavaScript (issue "First impressions", DECISIONS 23): the footer's
// choice becomes a signed-in person's interface language (a notice with an undo says so), `?uselang=` changes
// one page, a visitor keeps the choice in a cookie; sign up, log in, log out and comment as plain form posts;
// the page shown while the platform starts. Axe in English and Arabic on the pages these change.
import { expect, test, type Browser, type Page } from '@playwright/test';
import { expectAccessible, hydrated, visit, watchConsole } from './axe';
import { openUserMenu } from './menus';
import { E2E_PASSWORD, personPage } from './people';
import { startingHtml } from '../../src/server/pages/starting';

const footer = (page: Page) => page.locator('footer form');
const stamp = () => Date.now().toString(36);

test('a signed-in person’s footer choice becomes their language, with a notice whose undo restores the one before', async ({
  browser,
}) => {
  const { page } = await personPage(browser, `Lingua ${stamp()}`);
  const problems = watchConsole(page);
  await visit(page, '/faq');
  await footer(page).getByRole('button', { name: 'العربية' }).click();
  await hydrated(page);
  await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  const notice = page.getByRole('status').filter({ hasText: 'لغة الواجهة: العربية' });
  await expect(notice).toBeVisible();
  await expectAccessible(page);

  // Undo: English again, here and on the next page.
  await notice.getByRole('button', { name: 'تراجع' }).click();
  await hydrated(page);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('status')).toHaveCount(0);
  await visit(page, '/updates');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');

  // Chosen again: the next pages are Arabic; a ?uselang= link changes one page only.
  await footer(page).getByRole('button', { name: 'العربية' }).click();
  await expect(page.getByRole('status')).toContainText('لغة الواجهة: العربية');
  await visit(page, '/faq');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
  await visit(page, '/faq?uselang=fr');
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await visit(page, '/events');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
  expect(problems).toEqual([]);
});

test('a visitor’s footer choice is kept in this browser, said in English and Arabic pages that pass axe', async ({
  page,
}) => {
  const problems = watchConsole(page);
  await visit(page, '/faq');
  await footer(page).getByRole('button', { name: 'español' }).click();
  await hydrated(page);
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  await expect(page.getByRole('status')).toContainText(
    'Este navegador muestra ahora el sitio en este idioma: español.',
  );
  await visit(page, '/events');
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  await footer(page).getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('status')).toContainText('This browser now shows the site in English.');
  await expectAccessible(page);
  await footer(page).getByRole('button', { name: 'العربية' }).click();
  await expect(page.getByRole('status')).toContainText('يعرض هذا المتصفح الموقع الآن بهذه اللغة: العربية.');
  await hydrated(page);
  await expectAccessible(page);
  expect(problems).toEqual([]);
});

test('the pages whose forms work without JavaScript pass axe in English and Arabic', async ({ browser }) => {
  const { page } = await personPage(browser, `Axe ${stamp()}`);
  const visitor = await (await browser.newContext()).newPage();
  const problems = [...watchConsole(page), ...watchConsole(visitor)];
  for (const lang of ['en', 'ar']) {
    for (const path of ['/login', '/signup', '/logout']) await visit(visitor, `${path}?uselang=${lang}`);
    for (const path of ['/logout', '/settings', '/events']) await visit(page, `${path}?uselang=${lang}`);
  }
  expect(problems).toEqual([]);
});

/** A browser context without JavaScript. */
async function noScript(browser: Browser): Promise<Page> {
  return (await browser.newContext({ javaScriptEnabled: false })).newPage();
}

test('without JavaScript: sign up, log out, a wrong password shown in the page, log in, post a comment', async ({
  browser,
}) => {
  const page = await noScript(browser);
  const name = `Scriptless ${stamp()}`;

  await page.goto('/signup');
  await page.getByLabel('Username', { exact: true }).fill(name);
  await page.getByLabel('Password', { exact: true }).fill('short');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByText('Enter at least 8 characters.')).toBeVisible();
  await expect(page.getByLabel('Username', { exact: true })).toHaveValue(name);
  await page.getByLabel('Password', { exact: true }).fill(E2E_PASSWORD);
  await page.getByRole('button', { name: 'Create account' }).click();
  // Signed up: the first steps, and the person's menu (a disclosure that opens without JavaScript).
  await expect(page).toHaveURL(/\/welcome$/);
  await expect(page.locator('.ldn-account__name')).toHaveText(name);

  await (await openUserMenu(page)).getByRole('button', { name: 'Log out' }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole('link', { name: 'Log in' })).toBeVisible();

  await page.goto('/login?returnTo=/updates');
  await page.getByLabel('Username', { exact: true }).fill(name);
  await page.getByLabel('Password', { exact: true }).fill('not my password');
  const refused = page.waitForResponse((r) => r.request().method() === 'POST');
  await page.getByRole('button', { name: 'Log in', exact: true }).click();
  const answer = await refused;
  expect(answer.status()).toBe(400);
  expect(answer.headers()['content-type']).toMatch(/^text\/html/);
  await expect(page.getByRole('alert')).toContainText('The username or password is not correct.');
  await expect(page.getByLabel('Username', { exact: true })).toHaveValue(name);
  await page.getByLabel('Password', { exact: true }).fill(E2E_PASSWORD);
  await page.getByRole('button', { name: 'Log in', exact: true }).click();
  await expect(page).toHaveURL(/\/updates$/);
  await expect(page.locator('.ldn-account__name')).toHaveText(name);

  // A comment on the first update, posted as a plain form; an empty one is refused beside its field.
  await page.goto('/updates');
  await page.locator('.ldn-update-summary__title a').first().click();
  await page.getByRole('button', { name: 'Post' }).click();
  await expect(page.getByText('This field is required.')).toBeVisible();
  const words = `Read without scripts ${stamp()}`;
  await page.getByLabel('Your comment').fill(words);
  await page.getByRole('button', { name: 'Post' }).click();
  await expect(page).toHaveURL(/#comment-\d+$/);
  await expect(page.locator('.ldn-comment').filter({ hasText: words })).toBeVisible();

  // The footer's choice works without JavaScript too.
  await footer(page).getByRole('button', { name: 'العربية' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
  await expect(page.getByRole('status').filter({ hasText: 'العربية' })).toBeVisible();
  await page.context().close();
});

test('refused forms sent without JavaScript pass axe in English and Arabic', async ({ browser }) => {
  // Scripts blocked, so the forms post as they do without JavaScript, while axe can still run in the page.
  const page = await (await browser.newContext()).newPage();
  await page.route(/\.js(\?|$)/, (route) => route.abort());
  for (const lang of ['en', 'ar']) {
    await page.goto(`/login?uselang=${lang}`);
    await page.locator('input[name="username"]').fill('nobody here');
    await page.locator('input[name="password"]').fill('wrong password');
    await page.locator('form.ldn-form button[type="submit"]').click();
    await expect(page.getByRole('alert')).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
    await expectAccessible(page);
    await page.goto(`/signup?uselang=${lang}`);
    await page.locator('form.ldn-form button[type="submit"]').click();
    await expect(page.locator('.cdx-field__validation-message').first()).toBeVisible();
    await expectAccessible(page);
  }
  await page.context().close();
});

test('the page shown while the platform starts reads in the visitor’s language, passes axe and reloads once ready', async ({
  browser,
}) => {
  for (const lang of ['en', 'ar']) {
    const page = await (await browser.newContext()).newPage();
    let ready = false;
    await page.route('**/starting-check', (route) =>
      ready
        ? route.fulfill({
            status: 200,
            contentType: 'text/html',
            body: '<!doctype html><title>Ready</title><h1>Ready</h1>',
          })
        : route.fulfill({
            status: 503,
            headers: { 'retry-after': '2' },
            contentType: 'text/html; charset=utf-8',
            body: startingHtml(lang, { script: '', style: '' }),
          }),
    );
    await page.route('**/healthz', (route) =>
      route.fulfill({ status: ready ? 200 : 503, contentType: 'application/json', body: '{}' }),
    );
    await page.goto('/starting-check');
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      lang === 'en' ? 'The platform is starting' : 'جارٍ تشغيل المنصة',
    );
    await expectAccessible(page);
    // It asks until the platform is ready, then reloads by itself.
    await page.waitForRequest('**/healthz');
    ready = true;
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ready');
    await page.context().close();
  }
});
