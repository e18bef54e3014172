// The network's first flow: sign up → register a group → an admin marks it partner → a second person joins →
// the coordinator designates them ambassador → the participants directory's ambassador filter shows them.
// Plus the directories without JavaScript, profile editing, and the pages at 360 px. axe on every page.
import { expect, test, type Browser } from '@playwright/test';
import { expectAccessible, hydrated, visit, watchConsole } from './axe';
import { e2eAdmin } from './env';
import { chooseLanguage } from './language-picker';
import { openUserMenu } from './menus';

const unique = (prefix: string) => `${prefix} ${Date.now().toString(36)}${Math.random().toString(36).slice(2, 5)}`;

async function signUp(browser: Browser, name: string) {
  const page = await (await browser.newContext()).newPage();
  const problems = watchConsole(page);
  await visit(page, '/signup');
  await page.getByLabel('Username', { exact: true }).fill(name);
  await page.getByLabel('Password', { exact: true }).fill('a fine long passphrase');
  await page.getByRole('button', { name: 'Create account' }).click();
  // A new account starts at its first steps.
  await page.waitForURL((url) => url.pathname === '/welcome');
  await hydrated(page);
  return { page, problems };
}

async function logIn(browser: Browser, username: string, password: string) {
  const page = await (await browser.newContext()).newPage();
  const problems = watchConsole(page);
  await visit(page, '/login');
  await page.getByLabel('Username', { exact: true }).fill(username);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Log in', exact: true }).click();
  await page.waitForURL((url) => url.pathname === '/');
  await hydrated(page);
  return { page, problems };
}

test('sign up, register a group, partner it, join, designate an ambassador, find them in the directory', async ({
  browser,
}) => {
  const coordinatorName = unique('E2E Coordinator');
  const memberName = unique('E2E Member');
  const groupName = unique('E2E Wikimedians of Testland');

  // 1. Someone signs up and registers a group; they become its coordinator.
  const coordinator = await signUp(browser, coordinatorName);
  const page = coordinator.page;
  await visit(page, '/communities');
  await page.getByRole('link', { name: 'Register a group' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Register a group' })).toBeVisible();
  await expectAccessible(page);
  // A missing kind and region are named beside their fields, and the name typed stays.
  await page.getByLabel('Name', { exact: true }).fill(groupName);
  await page.getByRole('button', { name: 'Register the group' }).click();
  await expect(
    page.locator('.cdx-field--status-error', { hasText: 'Kind' }).getByText('Choose one of the offered values.'),
  ).toBeVisible();
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue(groupName);
  await expectAccessible(page);
  await page.getByLabel('Kind', { exact: true }).selectOption('user_group');
  await page.getByLabel('Region', { exact: true }).selectOption('SA');
  await page.getByLabel('Country').selectOption('IN');
  await chooseLanguage(page, 'Languages', 'hindi');
  await expect(page.getByRole('button', { name: 'Remove Hindi' })).toBeVisible();
  await page.getByLabel('Wikidata item').fill('Q42');
  await page.getByRole('button', { name: 'Register the group' }).click();
  await page.waitForURL(/\/communities\/e2e-wikimedians-of-testland-/);
  await expect(page.getByRole('heading', { level: 1, name: groupName })).toBeVisible();
  await expect(page.getByText('India')).toBeVisible();
  await expect(page.getByText('This group is not an LDN partner, so it has no ambassadors.').first()).toBeVisible();
  await expectAccessible(page);
  const groupUrl = new URL(page.url()).pathname;

  // 2. A network admin marks it as an LDN partner.
  const admin = await logIn(browser, e2eAdmin.username, e2eAdmin.password);
  await visit(admin.page, groupUrl);
  await admin.page.getByRole('button', { name: 'Mark as LDN partner' }).click();
  await expect(admin.page.getByText('The group is now an LDN partner.')).toBeVisible();
  await expect(admin.page.getByText(/^LDN partner since/)).toBeVisible();
  await expect(admin.page.getByText('Marked as an LDN partner')).toBeVisible();
  await expectAccessible(admin.page);

  // 3. A second person joins.
  const member = await signUp(browser, memberName);
  await visit(member.page, groupUrl);
  await member.page.getByRole('button', { name: 'Join this group' }).click();
  await expect(member.page.getByRole('button', { name: 'Leave this group' })).toBeVisible();
  await expect(member.page.locator('#content').getByRole('link', { name: memberName })).toBeVisible();
  await expectAccessible(member.page);

  // 4. The coordinator designates them ambassador, starting today.
  await visit(page, groupUrl);
  await page.getByLabel('Member', { exact: true }).selectOption({ label: memberName });
  await page.getByRole('button', { name: 'Designate', exact: true }).click();
  await expect(page.getByText('The ambassador was designated.')).toBeVisible();
  const ambassadors = page.locator('section', { has: page.getByRole('heading', { name: 'Ambassadors' }) });
  await expect(ambassadors.getByRole('link', { name: memberName })).toBeVisible();
  await expect(page.getByText('Ambassador designated').first()).toBeVisible();
  await expectAccessible(page);

  // 5. The directory's ambassador filter shows them (the GET form, as a visitor would use it).
  const visitor = await (await browser.newContext()).newPage();
  const visitorProblems = watchConsole(visitor);
  await visit(visitor, '/participants');
  await visitor.getByLabel('Name or username').fill(memberName);
  await visitor.getByLabel('Ambassadors only').check();
  await visitor.getByRole('button', { name: 'Search' }).click();
  await visitor.waitForURL((url) => url.searchParams.get('ambassador') === 'true');
  const card = visitor.locator('.ldn-card', { has: visitor.getByRole('link', { name: memberName }) });
  await expect(card).toBeVisible();
  await expect(card.getByText('Ambassador', { exact: true })).toBeVisible();
  await expect(card.getByRole('link', { name: groupName }).first()).toBeVisible();
  await expectAccessible(visitor);
  // And the same address loaded directly.
  await visit(visitor, `/participants?ambassador=true&q=${encodeURIComponent(memberName)}`);
  await expect(visitor.getByRole('link', { name: memberName })).toBeVisible();
  // Their page shows the group and the term.
  await visitor.getByRole('link', { name: memberName }).click();
  await expect(visitor.getByRole('heading', { level: 1, name: memberName })).toBeVisible();
  await expect(visitor.getByRole('heading', { name: 'Ambassador terms' })).toBeVisible();
  await expectAccessible(visitor);

  for (const problems of [coordinator.problems, admin.problems, member.problems, visitorProblems])
    expect(problems).toEqual([]);
});

// axe needs JavaScript: the same pages are checked with it in the 360 px test below.
test('the directories and pages read without JavaScript, and their filters work as a plain form', async ({
  browser,
}) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/participants');
  await expect(page.getByRole('heading', { level: 1, name: 'Participants' })).toBeVisible();
  await page.getByLabel('Region').selectOption('SSA');
  await page.getByLabel('Ambassadors only').check();
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page).toHaveURL(/region=SSA/);
  await expect(page.getByRole('link', { name: 'Amina Diallo (demo)' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Chinedu Okafor (demo)' })).toHaveCount(0);
  await page.goto('/communities?partner=true');
  await expect(page.getByRole('link', { name: 'Andean Wikimedians (demo)' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Kurdish Wiki Writers (demo)' })).toHaveCount(0);
  await page.getByRole('link', { name: 'Andean Wikimedians (demo)' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'History' })).toBeVisible();
  await expect(page.getByText('Ambassador term ended').first()).toBeVisible();
  await page.goto('/people/Amina_Diallo_(demo)');
  await expect(page.getByRole('heading', { level: 1, name: 'Amina Diallo (demo)' })).toBeVisible();
  await expect(page.getByText('Sahel Free Knowledge (demo)').first()).toBeVisible();
  await context.close();
});

test('editing one’s profile: public fields show on the page, private ones only to oneself', async ({ browser }) => {
  const name = unique('E2E Profile');
  const { page, problems } = await signUp(browser, name);
  await (await openUserMenu(page)).getByRole('link', { name: 'Your page' }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await page.getByRole('link', { name: 'Edit your profile' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your profile' })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel('Display name', { exact: true }).fill('Ada of the Tests');
  await page.getByLabel('About me', { exact: true }).fill('I like clear documentation.');
  await page.getByLabel('Show “About me” on my public page').uncheck();
  await chooseLanguage(page, 'Languages', 'pt-br');
  await expect(page.getByRole('button', { name: 'Remove Brazilian Portuguese' })).toBeVisible();
  await page.getByLabel('Region', { exact: true }).selectOption('LAC');
  await page.getByLabel('Time zone', { exact: true }).selectOption('America/Sao_Paulo');
  await page.getByLabel('Mentoring', { exact: true }).check();
  await page.getByRole('button', { name: 'Save profile' }).click();
  await expect(page.getByText('Your profile was saved.')).toBeVisible();
  await expectAccessible(page);

  await visit(page, `/people/${encodeURIComponent(name.replace(/ /g, '_'))}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Ada of the Tests' })).toBeVisible();
  await expect(page.getByText('Brazilian Portuguese')).toBeVisible();
  await expect(page.getByText('I like clear documentation.')).toBeVisible();
  await expect(page.getByText('(private)').first()).toBeVisible();

  const other = await (await browser.newContext()).newPage();
  await visit(other, `/people/${encodeURIComponent(name.replace(/ /g, '_'))}`);
  await expect(other.getByRole('heading', { level: 1, name: 'Ada of the Tests' })).toBeVisible();
  await expect(other.getByText('Latin America and the Caribbean')).toBeVisible();
  await expect(other.getByText('I like clear documentation.')).toHaveCount(0);
  expect(problems).toEqual([]);
});

test('the directories and a group page fit a 360 px screen, in Arabic too', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
  const page = await context.newPage();
  const problems = watchConsole(page);
  const pages = [
    '/participants?region=SSA&ambassador=true',
    '/communities?partner=true',
    '/communities/east-africa-wiki-hub-demo',
    '/communities/andean-wikimedians-demo',
    '/people/Amina_Diallo_(demo)',
    '/communities/new',
    '/settings/profile',
    '/participants?uselang=ar',
  ];
  for (const url of pages) {
    await visit(page, url);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow, url).toBeLessThanOrEqual(0);
  }
  await visit(page, '/communities?uselang=ar');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  expect(problems).toEqual([]);
  await context.close();
});
