// Accounts in the browser: "Log in with Wikimedia" against the local OAuth stand-in, local sign-up and
// log-in, and the settings page (password, sessions, tokens), with axe on every page visited.
import { expect, test } from '@playwright/test';
import { expectAccessible, hydrated, visit, watchConsole } from './axe';
import { openUserMenu } from './menus';

const unique = (prefix: string) => `${prefix} ${Date.now().toString(36)}${Math.random().toString(36).slice(2, 5)}`;

/**
 * Console errors and hydration warnings, like watchConsole, except what these flows cause on purpose: the
 * browser reports each refused form submission (400) as a failed resource, and the site has no favicon.
 */
test('Log in with Wikimedia ends signed in', async ({ page }) => {
  const problems = watchConsole(page);
  await visit(page, '/login');
  await page.getByRole('link', { name: 'Log in with Wikimedia' }).click();
  // A new account starts at its first steps.
  await page.waitForURL((url) => url.pathname === '/welcome');
  await hydrated(page);
  const menu = await openUserMenu(page);
  await expect(menu.locator('summary')).toHaveText('Wiki Tester');
  await expect(menu.getByRole('button', { name: 'Log out' })).toBeVisible();
  await expectAccessible(page);

  await visit(page, '/settings');
  await expect(page.getByText('Wiki Tester', { exact: true }).first()).toBeVisible();
  await expect(page.getByRole('link', { name: 'Wiki Tester' }).last()).toHaveAttribute(
    'href',
    'https://meta.wikimedia.org/wiki/User:Wiki_Tester',
  );
  await expect(page.getByText('Your account has no password: you log in with Wikimedia.')).toBeVisible();
  expect(problems).toEqual([]);
});

test('signing up, keeping what was typed on errors, then managing password, sessions and tokens', async ({
  page,
  browser,
}) => {
  const problems = watchConsole(page);
  const name = unique('E2E Person');
  await visit(page, '/signup');
  await page.getByLabel('Username', { exact: true }).fill(name);
  await page.getByLabel('Password', { exact: true }).fill('password123');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByText('This password is too common or too easy to guess. Choose another.')).toBeVisible();
  await expect(page.getByLabel('Username', { exact: true })).toHaveValue(name);
  await expectAccessible(page);
  await page.getByLabel('Password', { exact: true }).fill('a fine long passphrase');
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.waitForURL((url) => url.pathname === '/welcome');
  await hydrated(page);
  await expect(page.locator('.ldn-account summary')).toHaveText(name);

  // A second browser of the same person, to see and end from the settings page.
  const other = await browser.newContext({
    userAgent: 'Mozilla/5.0 (Android 14; Mobile; rv:130.0) Gecko/130.0 Firefox/130.0',
  });
  const phone = await other.newPage();
  await phone.goto('/login');
  await hydrated(phone);
  await phone.getByLabel('Username', { exact: true }).fill(name.toUpperCase());
  await phone.getByLabel('Password', { exact: true }).fill('a fine long passphrase');
  await phone.getByRole('button', { name: 'Log in', exact: true }).click();
  await phone.waitForURL((url) => url.pathname === '/');

  await visit(page, '/settings');
  await expect(page.getByText('This device')).toBeVisible();
  await expect(page.getByText('Firefox · Android')).toBeVisible();
  await page.getByRole('button', { name: 'End session' }).click();
  await expect(page.getByText('Firefox · Android')).toHaveCount(0);
  await phone.reload();
  await expect(phone.getByRole('link', { name: 'Log in' }).first()).toBeVisible();
  await other.close();

  await page.getByLabel('Token name').fill('My bot');
  await page.getByRole('button', { name: 'Create token' }).click();
  const secret = await page.getByTestId('new-token').textContent();
  expect(secret).toMatch(/^ldn_/);
  const asBot = await page.request.get('/api/v1/session', { headers: { authorization: `Bearer ${secret}` } });
  expect((await asBot.json()).user.username).toBe(name);
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Revoke' }).click();
  await expect(page.getByText('You have no tokens.')).toBeVisible();

  // A password change revokes the personal tokens: the form says so, naming them.
  await page.getByLabel('Token name').fill('Deploy script');
  await page.getByRole('button', { name: 'Create token' }).click();
  const passwordSection = page.getByRole('region', { name: 'Change password' });
  await expect(passwordSection.getByText('These tokens will stop working:')).toBeVisible();
  await expect(passwordSection.getByRole('listitem').filter({ hasText: 'Deploy script' })).toBeVisible();
  await page.getByLabel('Current password').fill('not the password');
  await page.getByLabel('New password').fill('an even finer passphrase');
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(page.getByText('The current password is not correct.')).toBeVisible();
  await expect(page.getByLabel('New password')).toHaveValue('an even finer passphrase');
  await page.getByLabel('Current password').fill('a fine long passphrase');
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(
    page.getByText(
      'Your password was changed. Your other sessions have ended and your personal API tokens were revoked.',
    ),
  ).toBeVisible();
  await expect(page.getByText('You have no tokens.')).toBeVisible();
  await expect(passwordSection.getByText('These tokens will stop working:')).toBeHidden();
  await expectAccessible(page);
  // The settings page fits a 360 px wide screen.
  await page.setViewportSize({ width: 360, height: 740 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  expect(problems).toEqual([]);
});

test('signed-out visitors of /settings are asked to log in; the log-in page works at 360 px in Arabic', async ({
  browser,
}) => {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
  const page = await context.newPage();
  const problems = watchConsole(page);
  await visit(page, '/settings');
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  await page.getByRole('main').getByRole('link', { name: 'Log in' }).click();
  await page.waitForURL((url) => url.pathname === '/login');
  await visit(page, '/login?uselang=ar');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(360);
  await page.getByRole('button', { name: 'دخول' }).click();
  await expect(page.getByRole('alert').or(page.locator('.cdx-message--error')).first()).toBeVisible();
  await expectAccessible(page);
  await visit(page, '/login?error=wikimedia-denied&uselang=en');
  await expect(page.getByText('You did not allow this site to use your Wikimedia account')).toBeVisible();
  expect(problems).toEqual([]);
  await context.close();
});
