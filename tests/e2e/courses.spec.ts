// Courses in the browser: a member adds a course (bad input named beside its field), adds a run (a malformed
// Open edX id refused beside its field), marks it completed and shows it on their page; the count reads "fewer
// than 5" while private; the catalogue's GET filters without JavaScript; axe in English and Arabic (RTL).
import { expect, test, type Browser, type Page } from '@playwright/test';
import { expectAccessible, hydrated, watchConsole } from './axe';
import { chooseLanguage } from './language-picker';

async function visit(page: Page, url: string) {
  await page.goto(url);
  await hydrated(page);
  await expectAccessible(page);
}

async function person(browser: Browser, name: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const session = await page.request.get('/api/v1/session');
  const { csrfToken } = (await session.json()) as { csrfToken: string };
  const res = await page.request.post('/api/v1/accounts', {
    data: { username: name, password: 'course password 123' },
    headers: { 'x-csrf-token': csrfToken },
  });
  expect(res.status()).toBe(201);
  return page;
}

test('a course gets a run and a completion', async ({ browser }) => {
  const suffix = Date.now().toString(36);
  const page = await person(browser, `Learner ${suffix}`);
  const problems = watchConsole(page);
  await visit(page, '/courses');
  await expect(page.getByRole('heading', { level: 1, name: 'Courses' })).toBeVisible();
  await page.getByRole('link', { name: 'Add a course' }).click();
  await page.waitForURL('**/courses/new');
  await hydrated(page);
  await expectAccessible(page);

  // A missing title is named beside its field; what was typed stays.
  await page.getByLabel('Summary').fill('Run a meeting where **everyone** is heard.');
  await page.getByRole('button', { name: 'Add the course' }).click();
  await expect(page.getByText('This field is required.')).toBeVisible();
  await expect(page.getByLabel('Summary')).toHaveValue('Run a meeting where **everyone** is heard.');
  const title = `Facilitation ${suffix}`;
  await page.getByLabel('Title').fill(title);
  await page.locator('#course-skills').selectOption('facilitation');
  await page.locator('#course-skills').press('Enter');
  await page.locator('#course-phases').selectOption('design');
  await page.locator('#course-phases').press('Enter');
  await page.locator('#course-level').selectOption('intermediate');
  await page.getByRole('button', { name: 'Add the course' }).click();
  await page.waitForURL(/\/courses\/\d+$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  const path = new URL(page.url()).pathname;
  await expectAccessible(page);

  // A run: a malformed course id is refused beside its field, then a good one is added.
  await page.locator('summary', { hasText: 'Add a run' }).click();
  const add = page.locator('.ldn-course__add');
  await chooseLanguage(add, 'Language', 'en');
  await add.getByLabel('Open edX course id').fill('LDN-101');
  await add.locator('#run-new-status').selectOption('open');
  await add.getByRole('button', { name: 'Add a run' }).click();
  await expect(page.getByText('An Open edX course id looks like course-v1:Org+Course+Run.')).toBeVisible();
  const key = `course-v1:LDN+E2E${suffix}+2026`;
  await add.getByLabel('Open edX course id').fill(key);
  await add.getByLabel('Starts on').fill('2027-01-10');
  await add.getByRole('button', { name: 'Add a run' }).click();
  const run = page.locator('.ldn-course__run').first();
  await expect(run.getByText(key)).toBeVisible();
  await expect(run.getByRole('link', { name: 'Go to the course' })).toHaveAttribute(
    'href',
    `https://learn.wiki/courses/${key}/about`,
  );
  await expectAccessible(page);

  // A completion: private, it counts as "fewer than 5"; shown, it is on the learner's page.
  await run.getByRole('button', { name: 'Completed' }).click();
  await expect(run.getByRole('button', { name: 'Completed' })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByText('Fewer than 5 people completed it').first()).toBeVisible();
  await run.getByLabel('Show on my page').check();
  await expect(run.getByLabel('Show on my page')).toBeChecked();
  await expect(page.getByText('One person completed it').first()).toBeVisible();
  await expectAccessible(page);
  await visit(page, `/people/Learner_${suffix}`);
  await expect(page.getByRole('link', { name: title })).toBeVisible();

  // In Arabic, right to left, and at 360 px.
  await page.setViewportSize({ width: 360, height: 740 });
  await visit(page, `${path}?uselang=ar`);
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.getByRole('heading', { level: 2, name: 'الدورات' })).toBeVisible();
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
  await visit(page, '/courses?uselang=ar');
  expect(problems).toEqual([]);
});

test('the catalogue filters without JavaScript', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/courses');
  await page.locator('#courses-filter-language').selectOption('es');
  await page.getByRole('button', { name: 'Filter' }).click();
  await page.waitForURL(/language=es/);
  await expect(page.getByRole('link', { name: 'Facilitating volunteer meetings' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Your first leadership project' })).toHaveCount(0);
  await page.goto('/courses?level=introductory&uselang=ar');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.getByRole('link', { name: 'Your first leadership project' })).toBeVisible();
  await context.close();
});
