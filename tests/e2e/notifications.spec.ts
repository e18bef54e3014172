// Notifications in the browser: A mentions B in a comment; B sees the unread count in the header, the
// notification on /notifications, opens it and lands on the comment, the count gone. Following with the button,
// the e-mail settings, Arabic, a 360 px phone and reading without JavaScript; axe on every page.
import { expect, test } from '@playwright/test';
import { expectAccessible, hydrated, visit, watchConsole } from './axe';
import { openUserMenu } from './menus';
import { personPage } from './people';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A notification's text: names and titles are bidi-isolated (U+2068 … U+2069) in the page. */
const sentence = (actor: string, verb: string, title: string) =>
  new RegExp(`^\u2068?${escape(actor)}\u2069? ${verb} “\u2068?${escape(title)}\u2069?”$`);

test('a mention notifies: unread count, the list, opening it, marking read', async ({ browser }) => {
  const suffix = Date.now().toString(36);
  const a = await personPage(browser, `Mentioner ${suffix}`);
  const b = await personPage(browser, `Mentioned ${suffix}`);
  const problemsA = watchConsole(a.page);
  const problemsB = watchConsole(b.page);

  // A mentions B in a comment under a community update.
  await visit(a.page, '/updates');
  await a.page.locator('.ldn-update-summary a').first().click();
  await a.page.waitForURL(/\/updates\/\d+$/);
  await hydrated(a.page);
  const url = new URL(a.page.url()).pathname;
  const title = (await a.page.getByRole('heading', { level: 1 }).textContent())!.trim();
  await a.page.getByLabel('Your comment').fill(`Could you take them, @Mentioned_${suffix}?`);
  await a.page.getByRole('button', { name: 'Post', exact: true }).click();
  await expect(a.page.locator('.ldn-comment', { hasText: 'Could you take them' })).toHaveCount(1);
  // A, who acted, is not told of it.
  await expect((await openUserMenu(a.page)).getByRole('link', { name: 'Notifications', exact: true })).toBeVisible();

  // B sees the count in the header on any page: on the user menu's button, and beside its link in the menu.
  await visit(b.page, '/');
  const menu = await openUserMenu(b.page);
  await expect(menu.locator('summary')).toHaveText(new RegExp(`Mentioned ${suffix}\\s*1\\s*\\(1 unread\\)`));
  const header = menu.getByRole('link', { name: 'Notifications (1 unread)' });
  await expect(header).toBeVisible();
  await header.click();
  await b.page.waitForURL('**/notifications');
  await expectAccessible(b.page);
  await expect(b.page.getByText('You have one unread notification.')).toBeVisible();
  const item = b.page.getByRole('link', {
    name: sentence(`Mentioner ${suffix}`, 'mentioned you in a comment on', title),
  });
  await expect(item).toBeVisible();

  // Opening it marks it read and goes to the comment; the header count is gone.
  await item.click();
  await b.page.waitForURL(new RegExp(`${url}#comment-\\d+$`));
  await expect(b.page.getByRole('heading', { level: 1 })).toHaveText(title);
  await expect((await openUserMenu(b.page)).getByRole('link', { name: 'Notifications', exact: true })).toBeVisible();
  await expect(b.page.locator('.ldn-account summary')).toHaveText(`Mentioned ${suffix}`);
  await expectAccessible(b.page);

  // B follows the update with the button, and the page says so.
  await b.page.getByRole('button', { name: 'Follow', exact: true }).click();
  await expect(b.page.getByRole('button', { name: 'Unfollow' })).toBeVisible();
  await expect(b.page.getByText('You follow this and are notified of what happens here.')).toBeVisible();

  // A replies; B now has one unread comment, marked read with "Mark all as read".
  await visit(a.page, url);
  await a.page.getByLabel('Your comment').fill('Thank you in advance.');
  await a.page.getByRole('button', { name: 'Post', exact: true }).click();
  await expect(a.page.locator('.ldn-comment', { hasText: 'Thank you in advance.' })).toHaveCount(1);
  await visit(b.page, '/notifications');
  await expect(
    b.page.getByRole('link', { name: sentence(`Mentioner ${suffix}`, 'commented on', title) }),
  ).toBeVisible();
  await b.page.getByRole('button', { name: 'Mark all as read' }).click();
  await expect(b.page.getByText('You have no unread notifications.')).toBeVisible();
  await expect(b.page.locator('.ldn-notification--unread')).toHaveCount(0);

  // The e-mail settings on the settings page.
  await visit(b.page, '/settings');
  const comments = b.page.getByLabel('Comments on what you follow');
  await expect(comments).toHaveValue('daily');
  await comments.selectOption('never');
  await b.page.getByRole('button', { name: 'Save e-mail settings' }).click();
  await expect(b.page.getByText('Saved.')).toBeVisible();
  await visit(b.page, '/settings');
  await expect(b.page.getByLabel('Comments on what you follow')).toHaveValue('never');

  // Arabic, right to left, and a 360 px phone.
  await visit(b.page, '/notifications?uselang=ar');
  await expect(b.page.locator('html')).toHaveAttribute('dir', 'rtl');
  await b.page.setViewportSize({ width: 360, height: 740 });
  await visit(b.page, '/notifications');
  expect(await b.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await visit(b.page, '/settings');
  expect(await b.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

  expect(problemsA).toEqual([]);
  expect(problemsB).toEqual([]);

  // Without JavaScript the notifications read, with their links.
  const plainContext = await browser.newContext({
    javaScriptEnabled: false,
    storageState: await b.page.context().storageState(),
  });
  const plain = await plainContext.newPage();
  await plain.goto('/notifications');
  await expect(
    plain.getByRole('link', { name: sentence(`Mentioner ${suffix}`, 'mentioned you in a comment on', title) }),
  ).toHaveAttribute('href', new RegExp(`${url}#comment-\\d+$`));
});

test('signed-out visitors are asked to log in and see no follow button', async ({ page }) => {
  await visit(page, '/notifications');
  await expect(page.getByText('Log in to see your notifications.')).toBeVisible();
  await visit(page, '/debates');
  await page.locator('.ldn-debate-list a').first().click();
  await hydrated(page);
  await expect(page.getByRole('button', { name: 'Follow', exact: true })).toHaveCount(0);
});
