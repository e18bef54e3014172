// The language picker in one form (the profile's languages), by keyboard only: typing finds a language by its own
// name or its code, arrow keys only browse the suggestions, Enter adds the highlighted one, a chip's button
// removes it; every language reads by its names, never a bare code. Without JavaScript the same field is native
// elements that still send valid codes. Axe in English and Arabic, no console errors.
import { expect, test } from '@playwright/test';
import { expectAccessible, hydrated, visit, watchConsole } from './axe';
import { personPage } from './people';

test('languages are added by Enter, never by browsing with arrow keys, and removed by their chip', async ({
  browser,
}) => {
  const { page } = await personPage(browser, `Polyglot ${Date.now().toString(36)}`);
  const problems = watchConsole(page);
  await visit(page, '/settings/profile');
  const box = page.getByRole('combobox', { name: 'Languages', exact: true });
  const chips = page.locator('.ldn-language-lookup__chip');
  await expect(chips).toHaveCount(0);

  // Found by its own name; the best match is highlighted, the arrow keys move the highlight and add nothing.
  await box.focus();
  await page.keyboard.type('deu');
  const options = page.getByRole('option');
  await expect(options.first()).toContainText('German');
  await expect(options.first()).toContainText('Deutsch');
  await expect(options.first().locator('[lang="de"]')).toHaveText('Deutsch');
  await expect(box).toHaveAttribute('aria-expanded', 'true');
  const first = await options.first().getAttribute('id');
  await expect(box).toHaveAttribute('aria-activedescendant', first ?? '');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(box).not.toHaveAttribute('aria-activedescendant', first ?? '');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await expect(chips).toHaveCount(0);
  await expect(box).toHaveValue('deu');
  await expectAccessible(page);

  // Enter adds the highlighted language, says so, and empties the field for the next one.
  await page.keyboard.press('Enter');
  await expect(chips).toHaveCount(1);
  await expect(chips.first()).toHaveText(/German \(Deutsch\)/);
  await expect(page.locator('.ldn-language-lookup__said')).toHaveText('German added.');
  await expect(box).toHaveValue('');

  // By its code: Arabic first for "ar"; what matches nothing says so, and Escape closes the list.
  await page.keyboard.type('ar');
  await expect(options.first()).toContainText('Arabic');
  await page.keyboard.press('Enter');
  await expect(chips).toHaveCount(2);
  await page.keyboard.type('qqqzz');
  await expect(page.getByText('No language matches “qqqzz”.')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(box).toHaveAttribute('aria-expanded', 'false');
  await box.fill('');

  // A chip's button removes its language; focus comes back to the field.
  await page.getByRole('button', { name: 'Remove German' }).focus();
  await page.keyboard.press('Enter');
  await expect(chips).toHaveCount(1);
  await expect(box).toBeFocused();
  await expect(page.locator('.ldn-language-lookup__said')).toHaveText('German removed.');

  await page.getByRole('button', { name: 'Save profile' }).click();
  await expect(page.getByText('Your profile was saved.')).toBeVisible();
  await visit(page, '/settings/profile');
  await expect(chips).toHaveText([/Arabic \(العربية\)/]);

  // In Arabic: the names in Arabic beside the own names, the field still found by a Latin own name.
  await visit(page, '/settings/profile?uselang=ar');
  const arBox = page.getByRole('combobox', { name: 'اللغات', exact: true });
  await arBox.focus();
  await page.keyboard.type('Deutsch');
  await expect(options.first()).toContainText('الألمانية');
  await expectAccessible(page);
  await page.keyboard.press('Escape');
  expect(problems).toEqual([]);
});

test('without JavaScript the languages are native fields that send valid codes, each by its names', async ({
  browser,
}) => {
  const { page: withJs } = await personPage(browser, `Plain ${Date.now().toString(36)}`);
  const context = await browser.newContext({ javaScriptEnabled: false });
  await context.addCookies(await withJs.context().cookies());
  const page = await context.newPage();
  await page.goto('/settings/profile');
  const add = page.locator('#profile-languages');
  await expect(add).toHaveJSProperty('tagName', 'SELECT');
  await expect(add).toHaveAttribute('name', 'languages');
  const texts = await add
    .locator('option')
    .evaluateAll((os) => os.map((o) => [(o as HTMLOptionElement).value, (o.textContent ?? '').trim()]));
  expect(texts.length).toBeGreaterThan(500);
  expect(texts.filter(([code = '', text = '']) => code && (text === code || text.endsWith(`(${code})`)))).toEqual([]);
  expect(texts).toContainEqual(['de', 'German (Deutsch)']);
  expect(texts).toContainEqual(['aa', 'Afar (Qafár af)']);
  await context.close();
});

test('the picker is hydrated without console errors on a page that offers every language by its own name', async ({
  browser,
}) => {
  const { page } = await personPage(browser, `Debater ${Date.now().toString(36)}`);
  const problems = watchConsole(page);
  await page.goto('/debates?uselang=ar');
  await hydrated(page);
  const box = page.getByRole('combobox', { name: 'اللغة', exact: true });
  await expect(box).toHaveValue('العربية');
  await expectAccessible(page);
  expect(problems).toEqual([]);
});
