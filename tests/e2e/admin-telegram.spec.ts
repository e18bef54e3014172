// The admin page in the browser: the network admin logs in, opens /admin from the user menu, connects the
// Telegram channel (bad input first: errors beside the fields, what was typed kept), sees the posts and the
// mail outbox; Arabic and a 360 px phone; anyone else is refused with a page that says why. axe everywhere.
import { expect, test } from '@playwright/test';
import { expectAccessible, hydrated, visit, watchConsole } from './axe';
import { openUserMenu } from './menus';
import { personPage } from './people';
import { e2eAdmin } from './env';

const TOKEN = '7000000001:AAGe2eAdminTokenSecretPartXYZ0123456';

test('the admin connects the Telegram channel and reads the outbox', async ({ page }) => {
  const problems = watchConsole(page);
  await visit(page, '/login?returnTo=/');
  await page.getByLabel('Username', { exact: true }).fill(e2eAdmin.username);
  await page.getByLabel('Password', { exact: true }).fill(e2eAdmin.password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.waitForURL((url) => url.pathname === '/');
  await hydrated(page);

  await (await openUserMenu(page)).getByRole('link', { name: 'Admin', exact: true }).click();
  await page.waitForURL('**/admin');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Network administration');
  await expect(page).toHaveTitle(/Network administration/);
  await expectAccessible(page);
  const status = page.getByTestId('telegram-status');
  await expect(status).toHaveText('Not connected: nothing is posted until a bot token and a chat id are set.');
  await expect(page.getByRole('checkbox', { name: 'A new community update' })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: 'A new debate' })).toBeChecked();

  // Bad input: each field says what is wrong, and what was typed stays.
  await page.getByLabel('Bot token').fill('not a token');
  await page.getByLabel('Chat id').fill('my channel');
  await page.getByRole('button', { name: 'Save Telegram settings' }).click();
  await expect(page.getByText(/^This is not a bot token/)).toBeVisible();
  await expect(page.getByText(/^Enter the chat's number/)).toBeVisible();
  await expect(page.getByLabel('Chat id')).toHaveValue('my channel');
  await expect(status).toContainText('Not connected');
  await expectAccessible(page);

  // Good input: connected, the token never shown back, only its last four characters.
  await page.getByLabel('Bot token').fill(TOKEN);
  await page.getByLabel('Chat id').fill('-1001234567890');
  await page.getByRole('checkbox', { name: 'A new community update' }).uncheck();
  await page.getByRole('button', { name: 'Save Telegram settings' }).click();
  await expect(page.getByText('Telegram settings saved.')).toBeVisible();
  await expect(status).toHaveText('Connected: posts go to -1001234567890.');
  await expect(page.getByLabel('Bot token')).toHaveValue('');
  await expect(page.getByText('A token ending in 3456 is saved here. Leave the field empty to keep it.')).toBeVisible();
  await expectAccessible(page);

  // A fresh page shows what was saved, and holds no token.
  await visit(page, '/admin');
  await expect(status).toHaveText('Connected: posts go to -1001234567890.');
  await expect(page.getByLabel('Chat id')).toHaveValue('-1001234567890');
  await expect(page.getByRole('checkbox', { name: 'A new community update' })).not.toBeChecked();
  await expect(page.getByRole('checkbox', { name: 'A new debate' })).toBeChecked();
  expect(await page.content()).not.toContain(TOKEN.split(':')[1]);
  await expect(page.getByRole('heading', { name: 'Recent posts' })).toBeVisible();

  // The outbox: mail kept because this server has no SMTP_URL.
  await expect(page.getByRole('heading', { name: 'Mail outbox' })).toBeVisible();
  await expect(
    page.getByText('No mail server is configured (SMTP_URL is not set), so mail is kept here instead of being sent.'),
  ).toBeVisible();
  const mails = page.getByTestId('outbox-mail');
  if ((await mails.count()) === 0) await expect(page.getByText('The outbox is empty.')).toBeVisible();
  else {
    await mails.first().getByText('Show the message').click();
    await expect(mails.first().locator('.ldn-admin__text')).toBeVisible();
  }

  // Arabic, right to left, and a 360 px phone: nothing wider than the screen.
  await page.setViewportSize({ width: 360, height: 740 });
  await visit(page, '/admin?uselang=ar');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('إدارة الشبكة');
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await visit(page, '/admin?uselang=en');
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

  // Disconnect again, so nothing this server does later tries to reach Telegram.
  await page.getByRole('button', { name: 'Forget the token and chat id saved here' }).click();
  await expect(page.getByText('The token and chat id saved here are forgotten.')).toBeVisible();
  await expect(status).toContainText('Not connected');
  await expectAccessible(page);
  expect(problems).toEqual([]);
});

test('members and anonymous visitors are refused the admin page, with the reason', async ({ page, browser }) => {
  const problems = watchConsole(page);
  const anonymous = await page.goto('/admin');
  expect(anonymous?.status()).toBe(401);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('You need to log in');
  await expect(
    page.getByText("This page is for the network's admins. Log in with an admin account to use it."),
  ).toBeVisible();
  await hydrated(page);
  await expectAccessible(page);

  const someone = (await personPage(browser, `Member ${Date.now().toString(36)}`)).page;
  const memberProblems = watchConsole(someone);
  const refused = await someone.goto('/admin');
  expect(refused?.status()).toBe(403);
  await hydrated(someone);
  await expect(someone.getByRole('heading', { level: 1 })).toHaveText('You may not do this');
  await expect(
    someone.getByText("Only the network's admins may use the admin pages. Your account is not an admin account."),
  ).toBeVisible();
  await expect((await openUserMenu(someone)).getByRole('link', { name: 'Admin', exact: true })).toHaveCount(0);
  await expectAccessible(someone);
  // The API refuses the same way.
  expect((await someone.request.get('/api/v1/admin/outbox')).status()).toBe(403);
  const ignore401or403 = (p: string) => !/status of 40[13]/.test(p);
  expect(problems.filter(ignore401or403)).toEqual([]);
  expect(memberProblems.filter(ignore401or403)).toEqual([]);
});
