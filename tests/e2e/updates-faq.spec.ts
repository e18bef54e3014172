// Community Updates, the FAQ and the overview in the browser: posting through the page (field errors keep
// what was typed), the list and the Atom feed, the FAQ without JavaScript and its admin tools, axe everywhere.
import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, hydrated, visit, watchConsole } from './axe';
import { e2eAdmin } from './env';
import { chooseLanguage } from './language-picker';

/** Logs the browser context in as the network admin through the API (same cookies as the page). */
async function logInAsAdmin(page: Page) {
  const session = await page.request.get('/api/v1/session');
  const { csrfToken } = (await session.json()) as { csrfToken: string };
  const res = await page.request.post('/api/v1/session', { data: e2eAdmin, headers: { 'x-csrf-token': csrfToken } });
  expect(res.status()).toBe(200);
}

test('the overview shows the network, its counts and the latest updates', async ({ page }) => {
  const problems = watchConsole(page);
  await visit(page, '/');
  await expect(page.getByRole('heading', { name: 'What the network does' })).toBeVisible();
  await expect(page.getByText('participants', { exact: true })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Latest Community Updates' })).toBeVisible();
  await expect(page.locator('.ldn-update-summary')).toHaveCount(3);
  await expect(page.getByRole('link', { name: "Join the network's Telegram channel" })).toHaveAttribute(
    'href',
    'https://t.me/+RjYP6Cp06zI4MTQy',
  );
  await expect(page.getByRole('link', { name: "The network's page on Meta-Wiki" })).toHaveAttribute(
    'href',
    'https://meta.wikimedia.org/wiki/Leadership_Development_Network',
  );
  expect(problems).toEqual([]);
});

test('an update posted through the page appears on /updates and in the feed', async ({ page }) => {
  const problems = watchConsole(page);
  await logInAsAdmin(page);
  await visit(page, '/updates/new');
  const title = `Mentoring workshop ${Date.now().toString(36)}`;

  // A missing title is named beside its field, and the text typed so far stays.
  await page.getByLabel('Group').selectOption({ label: 'Andean Wikimedians (demo)' });
  await chooseLanguage(page, 'Language of the update', 'es');
  await page.getByLabel('Text').fill('We met **twelve** people. <script>alert(1)</script>');
  await page.getByRole('button', { name: 'Publish' }).click();
  await expect(page.getByText('This field is required.')).toBeVisible();
  await expect(page.getByLabel('Text')).toHaveValue('We met **twelve** people. <script>alert(1)</script>');
  await expectAccessible(page);

  await page.getByLabel('Title').fill(title);
  await page.getByRole('button', { name: 'Publish' }).click();
  await page.waitForURL(/\/updates\/\d+$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  await expect(page.locator('.ldn-update__body strong')).toHaveText('twelve');
  await expect(page.locator('.ldn-update__body')).toContainText('<script>alert(1)</script>');
  await expect(page.locator('.ldn-update__body script')).toHaveCount(0);
  await expectAccessible(page);
  const id = new URL(page.url()).pathname.split('/').pop();

  await visit(page, '/updates');
  await expect(page.getByRole('link', { name: title })).toHaveAttribute('href', `/updates/${id}`);
  await visit(page, '/updates?language=es&community=andean-wikimedians-demo');
  await expect(page.getByRole('link', { name: title })).toBeVisible();

  const feed = await page.request.get('/updates/feed.atom');
  expect(feed.headers()['content-type']).toBe('application/atom+xml; charset=utf-8');
  const xml = await feed.text();
  expect(xml).toContain(`<title type="html"><![CDATA[${title}]]></title>`);
  expect(xml).toMatch(new RegExp(`<link href="http://127\\.0\\.0\\.1:\\d+/updates/${id}"/>`));
  expect(xml).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');

  // The author changes it, then deletes it.
  await visit(page, `/updates/${id}`);
  await page.getByRole('link', { name: 'Edit' }).click();
  await page.waitForURL(`**/updates/${id}/edit`);
  await expectAccessible(page);
  await page.getByLabel('Title').fill(`${title} (edited)`);
  await page.getByRole('button', { name: 'Save changes' }).click();
  await page.waitForURL(new RegExp(`/updates/${id}$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${title} (edited)`);
  await page.getByRole('button', { name: 'Delete' }).click();
  await page.getByRole('button', { name: 'Yes, delete' }).click();
  await page.waitForURL(/\/updates$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Community Updates');
  await expect(page.getByRole('link', { name: title })).toHaveCount(0);
  expect(problems).toEqual([]);
});

test('the updates list pages, filters and fits a narrow screen, in Arabic too', async ({ page }) => {
  const problems = watchConsole(page);
  await page.setViewportSize({ width: 360, height: 740 });
  await visit(page, '/updates');
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await page.getByRole('combobox', { name: 'Language' }).selectOption('ar');
  await page.getByRole('button', { name: 'Show updates' }).click();
  await page.waitForURL(/language=ar/);
  await expect(page.locator('.ldn-update-summary')).toHaveCount(1);
  await visit(page, '/updates?uselang=ar');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  expect(problems).toEqual([]);
});

test('the FAQ reads without JavaScript', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/faq');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Frequently asked questions');
  await expect(page.getByRole('heading', { name: 'How do I join?' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'https://t.me/+RjYP6Cp06zI4MTQy' }).first()).toBeVisible();
  await page.goto('/faq?uselang=es');
  await expect(page.getByRole('heading', { name: '¿Cómo me uno?' })).toBeVisible();
  await context.close();
});

test('admins add, reorder and delete FAQ questions', async ({ page }) => {
  const problems = watchConsole(page);
  await visit(page, '/faq');
  await expect(page.getByRole('button', { name: 'Move up' })).toHaveCount(0);

  await logInAsAdmin(page);
  await visit(page, '/faq');
  const question = `Who can see my profile? ${Date.now().toString(36)}`;
  const add = page.getByRole('region', { name: 'Add a question' });
  await add.getByLabel('Question').fill(question);
  await add.getByLabel('Answer').fill('Only the fields you make *public*.');
  await add.getByRole('button', { name: 'Add the question' }).click();
  await expect(page.getByRole('heading', { level: 2, name: question })).toBeVisible();
  await expect(page.locator('.ldn-faq__entry h2').last()).toHaveText(question);

  const tools = page.getByRole('group', { name: `Edit the question: ${question}` });
  await tools.getByRole('button', { name: 'Move up' }).click();
  await expect(page.getByText('The order was saved.')).toBeVisible();
  await expect(page.locator('.ldn-faq__entry h2').nth(-2)).toHaveText(question);
  await expectAccessible(page);
  await page.reload();
  await hydrated(page);
  await expect(page.locator('.ldn-faq__entry h2').nth(-2)).toHaveText(question);

  await tools.getByRole('button', { name: 'Delete' }).click();
  await tools.getByRole('button', { name: 'Yes, delete' }).click();
  await expect(page.getByText('The question was deleted.')).toBeVisible();
  await expect(page.getByRole('heading', { name: question })).toHaveCount(0);
  expect(problems).toEqual([]);
});

test('people who may not post are told why, and the pages pass axe in Arabic', async ({ page }) => {
  const problems = watchConsole(page);
  await visit(page, '/updates/new');
  await expect(page.getByText('Log in to post an update.')).toBeVisible();

  const session = (await (await page.request.get('/api/v1/session')).json()) as { csrfToken: string };
  const signUp = await page.request.post('/api/v1/accounts', {
    data: { username: `E2E Member ${Date.now().toString(36)}`, password: 'a long enough secret' },
    headers: { 'x-csrf-token': session.csrfToken },
  });
  expect(signUp.status()).toBe(201);
  await visit(page, '/updates/new');
  await expect(page.getByText(/You do not hold one of these roles in any group yet/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Publish' })).toHaveCount(0);

  for (const url of ['/?uselang=ar', '/updates?uselang=ar', '/faq?uselang=ar', '/updates/new?uselang=ar']) {
    await visit(page, url);
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  }
  expect(problems).toEqual([]);
});
