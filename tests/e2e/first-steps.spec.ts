// The first steps after signing up: the sign-up form lands on /welcome; steps show done as the person fills in
// the profile, joins a group and marks the other two; the list hides from the user menu and comes back. Without
// JavaScript the steps are marked and hidden with plain forms; visitors are asked to log in. The settings lead to
// the profile, which says "Skills". axe in English and Arabic.
import { expect, test } from '@playwright/test';
import { expectAccessible, hydrated, visit, watchConsole } from './axe';
import { openUserMenu } from './menus';

test('signing up leads to the first steps, which follow what the person does and can be hidden', async ({
  browser,
}) => {
  const page = await (await browser.newContext()).newPage();
  const problems = watchConsole(page);
  const name = `First Stepper ${Date.now().toString(36)}`;
  await visit(page, '/signup');
  await page.getByLabel('Username', { exact: true }).fill(name);
  await page.getByLabel('Password', { exact: true }).fill('a fine long passphrase');
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.waitForURL((url) => url.pathname === '/welcome');
  await hydrated(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your first steps');
  // The name is isolated (U+2068 … U+2069), so a right-to-left name keeps its place in the sentence.
  await expect(page.getByText(`Welcome to the network, \u2068${name}\u2069.`, { exact: false })).toBeVisible();
  await expect(page.getByText('0 of 4 done')).toBeVisible();
  await expect(page.getByRole('heading', { level: 2 })).toHaveText([
    'Complete your profile',
    'Join your group, or register it',
    'Join the Telegram channel',
    'Read the guides',
  ]);
  await expect(page.getByRole('link', { name: 'Open the Telegram channel' })).toHaveAttribute(
    'href',
    /^https:\/\/t\.me\//,
  );
  await expectAccessible(page);

  // Marking a step: the same button stays focused and says what it would do now.
  const telegram = page.getByRole('button', { name: 'Mark as done: Join the Telegram channel' });
  await telegram.click();
  await expect(page.getByText('1 of 4 done')).toBeVisible();
  const undo = page.getByRole('button', { name: 'Mark as not done: Join the Telegram channel' });
  await expect(undo).toBeFocused();
  await expect(page.locator('.ldn-welcome__step', { hasText: 'Join the Telegram channel' })).toContainText('Done');

  // The profile and a group make their steps done.
  const csrf = ((await (await page.request.get('/api/v1/session')).json()) as { csrfToken: string }).csrfToken;
  const headers = { 'x-csrf-token': csrf };
  const profile = await page.request.patch('/api/v1/me/profile', {
    data: { region: 'SSA', languages: ['ha'], interests: ['coaching'] },
    headers,
  });
  expect(profile.status()).toBe(200);
  const group = (
    (await (await page.request.get('/api/v1/communities?limit=1')).json()) as { items: { slug: string }[] }
  ).items[0]!;
  expect((await page.request.post(`/api/v1/communities/${group.slug}/members`, { headers })).status()).toBe(201);
  await visit(page, '/welcome');
  await expect(page.getByText('3 of 4 done')).toBeVisible();
  await expect((await openUserMenu(page)).getByRole('link', { name: 'First steps' })).toBeVisible();

  // The last step: every one done, the menu no longer offers them.
  await page.getByRole('button', { name: 'Mark as done: Read the guides' }).click();
  await expect(page.getByText('Every step is done. Welcome aboard!')).toBeVisible();
  await expect((await openUserMenu(page)).getByRole('link', { name: 'First steps' })).toHaveCount(0);
  await expectAccessible(page);

  // Hidden and shown again.
  await page.getByRole('button', { name: 'Mark as not done: Read the guides' }).click();
  await expect((await openUserMenu(page)).getByRole('link', { name: 'First steps' })).toBeVisible();
  await page.getByRole('button', { name: 'Hide these steps' }).click();
  await expect(page.getByText('You hid these steps: they are no longer in your menu.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Show them in my menu again' })).toBeFocused();
  await expect((await openUserMenu(page)).getByRole('link', { name: 'First steps' })).toHaveCount(0);
  await page.reload();
  await hydrated(page);
  await expect((await openUserMenu(page)).getByRole('link', { name: 'First steps' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Show them in my menu again' }).click();
  await expect((await openUserMenu(page)).getByRole('link', { name: 'First steps' })).toBeVisible();

  await visit(page, '/welcome?uselang=ar');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('خطواتك الأولى');
  await expect(page.getByText('أُنجز ٣ من ٤').or(page.getByText('أُنجز 3 من 4'))).toBeVisible();
  expect(problems).toEqual([]);
  await page.context().close();
});

test('the first steps work without JavaScript, and ask visitors to log in', async ({ browser }) => {
  const plain = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
  await plain.goto('/welcome');
  await expect(plain.getByRole('main').getByRole('link', { name: 'Log in' })).toHaveAttribute(
    'href',
    '/login?returnTo=/welcome',
  );
  const { csrfToken } = (await (await plain.request.get('/api/v1/session')).json()) as { csrfToken: string };
  const res = await plain.request.post('/api/v1/accounts', {
    data: { username: `Plain Stepper ${Date.now().toString(36)}`, password: 'a fine long passphrase' },
    headers: { 'x-csrf-token': csrfToken },
  });
  expect(res.status()).toBe(201);
  await plain.goto('/welcome');
  await expect(plain.getByText('0 of 4 done')).toBeVisible();
  await expect(plain.getByRole('link', { name: 'Edit your profile' })).toHaveAttribute('href', '/settings/profile');
  await expect(plain.getByRole('link', { name: 'Find your group' })).toHaveAttribute('href', '/communities');
  // Marking a step and hiding the list are plain forms: the page comes back with the change.
  await plain.getByRole('button', { name: 'Mark as done: Join the Telegram channel' }).click();
  await plain.waitForURL('**/welcome');
  await expect(plain.getByText('1 of 4 done')).toBeVisible();
  await expect(plain.getByRole('button', { name: 'Mark as not done: Join the Telegram channel' })).toBeVisible();
  await plain.getByRole('button', { name: 'Hide these steps' }).click();
  await expect(plain.getByText('You hid these steps: they are no longer in your menu.')).toBeVisible();
  await plain.context().close();
});

test('the settings lead to the profile, which says “Skills”', async ({ browser }) => {
  const page = await (await browser.newContext()).newPage();
  const { csrfToken } = (await (await page.request.get('/api/v1/session')).json()) as { csrfToken: string };
  await page.request.post('/api/v1/accounts', {
    data: { username: `Settings Person ${Date.now().toString(36)}`, password: 'a fine long passphrase' },
    headers: { 'x-csrf-token': csrfToken },
  });
  for (const [lang, link, skills] of [
    ['en', 'Edit your profile', 'Skills'],
    ['ar', 'تعديل ملفك الشخصي', 'المهارات'],
  ]) {
    await visit(page, `/settings?uselang=${lang}`);
    await page.getByRole('main').getByRole('link', { name: link }).click();
    await page.waitForURL('**/settings/profile');
    await expect(page.getByRole('group', { name: skills, exact: true })).toBeVisible();
    await expectAccessible(page);
  }
  await page.context().close();
});
