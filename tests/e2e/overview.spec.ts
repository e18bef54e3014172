import { expect, test } from '@playwright/test';
import { expectAccessible, hydrated, watchConsole } from './axe';

test('the overview reads without JavaScript', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Leadership Development Network');
  await context.close();
});

test('the overview hydrates without console errors and passes axe', async ({ page }) => {
  const problems = watchConsole(page);
  await page.goto('/');
  await hydrated(page);
  await expectAccessible(page);
  expect(problems).toEqual([]);
});

test('switching to Arabic renders right-to-left', async ({ page }) => {
  const problems = watchConsole(page);
  await page.goto('/');
  await page.getByRole('form', { name: 'Language' }).getByRole('button', { name: 'العربية' }).click();
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
  await hydrated(page);
  await expectAccessible(page);
  expect(problems).toEqual([]);
});
