// Guides in the browser: reading them in Arabic (right to left, marked when a translation is outdated or when
// English stands in), an admin editing the English text, catching a translation up and removing and adding
// one, and the guided "start an initiative" flow, stepped with JavaScript and one long form without it.
// axe on every page visited; the reading pages fit a 360 px phone.
import { expect, test, type Browser, type Page } from '@playwright/test';
import { expectAccessible, hydrated, visit, watchConsole } from './axe';
import { e2eAdmin } from './env';
import { chooseLanguage } from './language-picker';

async function fitsPhone(page: Page) {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow, `${page.url()} is wider than the screen`).toBeLessThanOrEqual(0);
}

/** Signs the page's context in through the API (same cookies as the page): the admin, or a new member. */
async function signIn(page: Page, who: 'admin' | 'member') {
  const { csrfToken } = (await (await page.request.get('/api/v1/session')).json()) as { csrfToken: string };
  const res =
    who === 'admin'
      ? await page.request.post('/api/v1/session', { data: e2eAdmin, headers: { 'x-csrf-token': csrfToken } })
      : await page.request.post('/api/v1/accounts', {
          data: { username: `Guide Reader ${Date.now().toString(36)}`, password: 'guides password 123' },
          headers: { 'x-csrf-token': csrfToken },
        });
  expect(res.ok()).toBe(true);
}

async function phone(browser: Browser) {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
  return context.newPage();
}

test('the guides read in Arabic, right to left, on a phone', async ({ browser }) => {
  const page = await phone(browser);
  const problems = watchConsole(page);
  await visit(page, '/guides?uselang=ar');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('الأدلة: كيف تصنع مبادرة لتطوير القيادة');
  await expect(page.locator('.ldn-guide-list__item')).toHaveCount(6);
  await expect(page.locator('.ldn-guide-list__phase').nth(1)).toHaveText('المرحلة 1 من 5: التحديد');
  await fitsPhone(page);

  await page.getByRole('link', { name: 'التحديد: من، وما المشكلة، وما الموارد' }).click();
  await page.waitForURL(/\/guides\/define$/);
  const content = page.locator('.ldn-guide__content');
  await expect(content).toHaveAttribute('lang', 'ar');
  await expect(content).toHaveAttribute('dir', 'rtl');
  await expect(page.getByRole('heading', { level: 2, name: 'ما المشكلة التي تحلها؟' })).toBeVisible();
  await expect(page.locator('.ldn-checklist li')).toHaveCount(7);
  await expect(page.locator('.ldn-guide__notice')).toHaveCount(0);
  await expectAccessible(page);
  await fitsPhone(page);
  await page.getByRole('link', { name: /التصميم: الأهداف والشكل/ }).click();
  await page.waitForURL(/\/guides\/design$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('التصميم: الأهداف والشكل');
  expect(problems).toEqual([]);
  await page.context().close();
});

test('an admin edits a guide: the Arabic translation is marked outdated until it catches up', async ({ page }) => {
  const problems = watchConsole(page);
  await visit(page, '/guides/implement');
  await expect(page.getByRole('link', { name: 'Edit this guide' })).toHaveCount(0);
  await signIn(page, 'admin');
  await visit(page, '/guides/implement');
  await page.getByRole('link', { name: 'Edit this guide' }).click();
  await page.waitForURL(/\/guides\/implement\/edit\?lang=en$/);
  await hydrated(page);
  await expectAccessible(page);

  // An empty title is refused beside its field and the rest stays as typed.
  await page.getByLabel('Title').fill('');
  await page.getByLabel('What did you change?').fill('A new checklist item on safety');
  await page.getByRole('button', { name: 'Save the English version' }).click();
  await expect(page.getByText('This field is required.')).toBeVisible();
  await expect(page.getByLabel('What did you change?')).toHaveValue('A new checklist item on safety');

  await page.getByLabel('Title').fill('Implement: run it, keep participants engaged and safe');
  await page.getByRole('button', { name: 'Add an item' }).click();
  await page.getByRole('textbox', { name: 'Item 7' }).fill('Name a contact person for Code of Conduct concerns.');
  await page.getByRole('button', { name: 'Save the English version' }).click();
  await page.waitForURL(/\/guides\/implement\?lang=en$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Implement: run it, keep participants engaged and safe',
  );
  await expect(page.locator('.ldn-checklist li').last()).toHaveText(
    'Name a contact person for Code of Conduct concerns.',
  );
  await expect(page.getByText(/\(revision 2\)/)).toBeVisible();

  // Readers of Arabic are told their translation is behind; the new item shows in English, marked as such.
  await visit(page, '/guides/implement?uselang=ar');
  await expect(page.locator('.ldn-guide__notice')).toContainText('تغيّر النص الإنجليزي لهذا الدليل');
  await expect(page.locator('.ldn-guide__content')).toHaveAttribute('lang', 'ar');
  const newItem = page.locator('.ldn-checklist li').last();
  await expect(newItem).toHaveAttribute('lang', 'en');
  await expect(newItem).toHaveAttribute('dir', 'ltr');
  await visit(page, '/guides?uselang=ar');
  await expect(
    page.locator('.ldn-guide-list__item').filter({ hasText: 'التنفيذ' }).getByText('الترجمة قديمة'),
  ).toBeVisible();

  // The translator sees what changed in English, translates the new item and catches up.
  await visit(page, '/guides/implement/edit?lang=ar&uselang=en');
  await expect(
    page.getByRole('heading', { name: 'Changes in the English text since revision 1 (now revision 2)' }),
  ).toBeVisible();
  await expect(page.locator('.ldn-source-changes ins').filter({ hasText: 'Name a contact person' })).toBeVisible();
  await page
    .getByLabel('Name a contact person for Code of Conduct concerns.')
    .fill('سمِّ شخصًا يُتواصل معه بشأن مخاوف مدونة السلوك.');
  await page.getByRole('button', { name: 'Save the Arabic version' }).click();
  await page.waitForURL(/\/guides\/implement\?lang=ar$/);
  await expect(page.locator('.ldn-guide__notice')).toHaveCount(0);
  await expect(page.locator('.ldn-checklist li').last()).toHaveAttribute('lang', 'ar');
  await expectAccessible(page);
  expect(problems.filter((p) => !p.includes('status of 400'))).toEqual([]);
});

test('a guide without an Arabic version is shown in English, marked as such, until one is added', async ({ page }) => {
  const problems = watchConsole(page);
  await signIn(page, 'admin');
  await visit(page, '/guides/evaluate/edit?lang=ar');
  await page.getByRole('button', { name: 'Remove the Arabic version' }).click();
  await page.getByRole('button', { name: 'Yes, remove it' }).click();
  await page.waitForURL(/\/guides\/evaluate\?lang=ar$/);
  await hydrated(page);

  await visit(page, '/guides/evaluate?uselang=ar');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.locator('.ldn-guide__notice')).toHaveText(
    'هذا الدليل غير متاح بعد باللغة العربية؛ تُعرض النسخة الإنجليزية.',
  );
  const content = page.locator('.ldn-guide__content');
  await expect(content).toHaveAttribute('lang', 'en');
  await expect(content).toHaveAttribute('dir', 'ltr');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Evaluate: what changed, lessons, what to share');
  await visit(page, '/guides?uselang=ar');
  const item = page.locator('.ldn-guide-list__item').filter({ hasText: 'Evaluate:' });
  await expect(item.getByText('بالإنجليزية')).toBeVisible();
  await expect(item.getByRole('link')).toHaveAttribute('lang', 'en');

  // Adding the language back: readers see Arabic again. `?uselang=` is one page's choice for a signed-in person
  // (DECISIONS 23), so each page is asked in Arabic.
  await visit(page, '/guides/evaluate?uselang=ar');
  await expect(page.getByRole('link', { name: 'ترجم هذا الدليل' })).toHaveAttribute(
    'href',
    /\/guides\/evaluate\/edit\?lang=ar$/,
  );
  await visit(page, '/guides/evaluate/edit?lang=ar&uselang=ar');
  await expectAccessible(page);
  await page.getByLabel('العنوان').fill('التقييم: ما الذي تغير');
  await page.getByLabel('الملخص').fill('قِس ما تغير وشارك الدروس.');
  await page.getByLabel('النص', { exact: true }).fill('# قارن بأهدافك\nاكتب ما حدث فعلًا.');
  await page.getByRole('button', { name: 'أضف النسخة باللغة العربية' }).click();
  await page.waitForURL(/\/guides\/evaluate\?lang=ar$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('التقييم: ما الذي تغير');
  await expect(page.locator('.ldn-guide__content')).toHaveAttribute('lang', 'ar');
  await expect(page.locator('.ldn-guide__notice')).toHaveCount(0);
  expect(problems).toEqual([]);
});

test('the guides read without JavaScript, and the start flow is one long form', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/guides');
  await expect(page.locator('.ldn-guide-list__item')).toHaveCount(6);
  await page.goto('/guides/develop?uselang=ru');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Разработка: материалы, фасилитаторы, переводы');
  await expect(page.getByRole('heading', { level: 2, name: 'Контрольный список' })).toBeVisible();
  await page.goto('/guides/start?uselang=en');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Start an initiative');
  for (const step of ['The problem', 'The learners', 'Languages, regions and groups', 'Skills', 'Name your idea']) {
    await expect(page.getByRole('heading', { level: 2, name: new RegExp(step) })).toBeVisible();
  }
  await expect(
    page.getByText('Write the problem in one or two sentences, and note how you know it is real.'),
  ).toBeVisible();
  await expect(page.getByText('Posting the idea needs JavaScript.')).toBeVisible();
  await context.close();
});

test('the start flow walks through the Define phase, keeps answers and posts the idea', async ({ page }) => {
  const problems = watchConsole(page);
  await page.setViewportSize({ width: 360, height: 740 });
  await visit(page, '/guides/start');
  await expect(page.getByText('Log in to post your idea.')).toBeVisible();
  await signIn(page, 'member');
  await visit(page, '/guides/start');
  await fitsPhone(page);

  await expect(page.getByRole('heading', { level: 2, name: /The problem/ })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: /The learners/ })).toBeHidden();
  await page.getByLabel('What problem does it solve?').fill('New editors in our region never become organizers.');
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByRole('heading', { level: 2, name: /The learners/ })).toBeFocused();
  await page.getByLabel('Who is it for?').fill('Editors with a year of experience');

  // A reload keeps the answers and the step.
  await page.reload();
  await hydrated(page);
  await expect(page.getByLabel('Who is it for?')).toHaveValue('Editors with a year of experience');
  await page.getByRole('button', { name: 'Back' }).click();
  await expect(page.getByLabel('What problem does it solve?')).toHaveValue(
    'New editors in our region never become organizers.',
  );
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('button', { name: 'Next' }).click();

  await chooseLanguage(page, 'Languages', 'es');
  await page.getByRole('checkbox', { name: 'Latin America and the Caribbean' }).check();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('checkbox', { name: 'Facilitation' }).check();
  await page.getByRole('button', { name: 'Next' }).click();

  const api = await page.request.get('/api/v1/initiatives');
  test.skip(api.status() === 404, 'POST /api/v1/initiatives has not landed yet');
  // Without a title the idea is refused beside the field, on this step.
  await page.getByRole('button', { name: 'Draft the summary from my answers' }).click();
  // The answers become clauses of one sentence: their own full stops do not double the sentence's.
  await expect(page.getByLabel('Summary')).toHaveValue(
    /^For Editors with a year of experience, who face this problem: New editors in our region never become organizers\. We will help build these skills: Facilitation\. Where: .+\.$/,
  );
  await expect(page.getByLabel('Summary')).not.toHaveValue(/\.[.,]/);
  await page.getByRole('button', { name: 'Post the idea' }).click();
  await expect(page.getByText('This field is required.')).toBeVisible();
  await page.getByLabel('Title').fill(`Organizer training ${Date.now().toString(36)}`);
  await page.getByRole('button', { name: 'Post the idea' }).click();
  await page.waitForURL(/\/initiatives\/\d+$/);
  expect(problems.filter((p) => !p.includes('status of 400'))).toEqual([]);
});
