// The header: grouped sections on one row at 1280 px for every role in the six languages; on a 390 px phone at
// most 64 px tall with a menu button that shows the sections, with and without JavaScript; the user menu with the
// unread count, and moderation and admin only for those roles; menus close on Escape and outside clicks. axe in
// English and Arabic, menus open.
import { expect, test, type Browser, type BrowserContextOptions, type Page } from '@playwright/test';
import { expectAccessible, hydrated, watchConsole } from './axe';
import { e2eAdmin } from './env';
import { openNavGroup, openUserMenu } from './menus';
import { personPage, E2E_PASSWORD } from './people';

type Who = 'anonymous' | 'member' | 'admin';
const LANGS = ['en', 'ar', 'es', 'fr', 'hi', 'ru'];
const suffix = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1000)}`;

/** A page in a new context, signed in as `who` (a member signs up with a long name, the longest a menu shows). */
async function pageOf(browser: Browser, who: Who, options: BrowserContextOptions = {}): Promise<Page> {
  const page = await (await browser.newContext(options)).newPage();
  if (who === 'anonymous') return page;
  const { csrfToken } = (await (await page.request.get('/api/v1/session')).json()) as { csrfToken: string };
  const res =
    who === 'admin'
      ? await page.request.post('/api/v1/session', {
          data: { username: e2eAdmin.username, password: e2eAdmin.password },
          headers: { 'x-csrf-token': csrfToken },
        })
      : await page.request.post('/api/v1/accounts', {
          data: { username: `Header Member With A Long Name ${suffix()}`, password: E2E_PASSWORD },
          headers: { 'x-csrf-token': csrfToken },
        });
  expect(res.status(), `signing in as ${who}`).toBeLessThan(300);
  return page;
}

/** The header's height, and whether its parts (name, sections, user's end) share one row. */
async function headerShape(page: Page) {
  return page.evaluate(() => {
    const parts = [...document.querySelectorAll('.ldn-brand, .ldn-nav__list > li, .ldn-user, .ldn-account')]
      .map((e) => e.getBoundingClientRect())
      .filter((r) => r.height > 0);
    return {
      height: document.querySelector('.ldn-header')!.getBoundingClientRect().height,
      parts: parts.length,
      // One row: every part overlaps every other vertically.
      oneRow: Math.max(...parts.map((r) => r.top)) < Math.min(...parts.map((r) => r.bottom)),
      overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
    };
  });
}

test('at 1280 px the sections fit one row for every role in the six languages; axe with menus open', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  for (const who of ['anonymous', 'member', 'admin'] as const) {
    const page = await pageOf(browser, who, { viewport: { width: 1280, height: 800 } });
    const problems = watchConsole(page);
    for (const lang of LANGS) {
      await page.goto(`/?uselang=${lang}`);
      await hydrated(page);
      const shape = await headerShape(page);
      expect(shape.parts, `${who} ${lang}: name, six sections, the user's end`).toBe(8);
      expect(shape.oneRow, `${who} ${lang}: one row`).toBe(true);
      expect(shape.height, `${who} ${lang}: header height`).toBeLessThanOrEqual(64);
      expect(shape.overflow, `${who} ${lang}`).toBeLessThanOrEqual(0);
      if (lang !== 'en' && lang !== 'ar') continue;
      await expectAccessible(page);
      // A group open (its sections listed under it), then the user menu: one menu open at a time.
      const learn = await openNavGroup(page, lang === 'en' ? 'Learn' : 'التعلّم');
      await expect(learn.getByRole('link')).toHaveCount(4);
      await expectAccessible(page);
      if (who !== 'anonymous') {
        await openUserMenu(page);
        await expect(learn).not.toHaveAttribute('open', '');
        await expectAccessible(page);
      }
    }
    if (who === 'anonymous') {
      // "Log in" and "Sign up" are buttons (Codex's button look on links).
      await page.goto('/?uselang=en');
      await expect(page.locator('.ldn-user .cdx-button')).toHaveText(['Log in', 'Sign up']);
    }
    expect(problems).toEqual([]);
    await page.context().close();
  }
});

test('the user menu: unread count on its button and beside Notifications; moderation and admin by role', async ({
  browser,
}) => {
  const mentioned = await personPage(browser, `Menu Member ${suffix()}`);
  const mentioner = await personPage(browser, `Menu Mentioner ${suffix()}`);
  const username = (
    (await (await mentioned.page.request.get('/api/v1/session')).json()) as { user: { username: string } }
  ).user.username;
  const update = (
    (await (await mentioner.page.request.get('/api/v1/updates?limit=1')).json()) as { items: { id: string }[] }
  ).items[0]!;
  const posted = await mentioner.page.request.post('/api/v1/comments', {
    data: { subject: { type: 'update', id: update.id }, body: `Welcome, @${username.replace(/ /g, '_')}!` },
    headers: { 'x-csrf-token': mentioner.csrf },
  });
  expect(posted.status()).toBe(201);

  const page = mentioned.page;
  const problems = watchConsole(page);
  await page.goto('/');
  await hydrated(page);
  const button = page.locator('.ldn-account > summary');
  await expect(button).toHaveText(new RegExp(`^${username}\\s*1\\s*\\(1 unread\\)$`));
  const menu = await openUserMenu(page);
  await expect(menu.getByRole('link')).toHaveText([
    'Your page',
    'First steps',
    /^Notifications\s*1\s*\(1 unread\)$/,
    'Settings',
  ]);
  await expect(menu.getByRole('link', { name: 'Notifications (1 unread)' })).toHaveAttribute('href', '/notifications');
  await expect(menu.getByRole('button', { name: 'Log out' })).toBeVisible();
  await expectAccessible(page);

  // Keyboard: Escape closes the menu and puts focus back on its button; Enter opens it again, Tab goes in.
  await page.keyboard.press('Escape');
  await expect(menu).not.toHaveAttribute('open', '');
  await expect(button).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(menu).toHaveAttribute('open', '');
  await page.keyboard.press('Tab');
  await expect(menu.getByRole('link', { name: 'Your page' })).toBeFocused();
  // A click outside closes it; a link in it goes there and closes it.
  await page.locator('main h1').click();
  await expect(menu).not.toHaveAttribute('open', '');
  await (await openUserMenu(page)).getByRole('link', { name: 'Settings' }).click();
  await page.waitForURL('**/settings');
  await expect(menu).not.toHaveAttribute('open', '');
  expect(problems).toEqual([]);

  const admin = await pageOf(browser, 'admin');
  await admin.goto('/?uselang=ar');
  await hydrated(admin);
  const adminMenu = await openUserMenu(admin);
  await expect(adminMenu.getByRole('link', { name: 'الإشراف' })).toHaveAttribute('href', '/moderation');
  await expect(adminMenu.getByRole('link', { name: 'الإدارة' })).toHaveAttribute('href', '/admin');
  await expectAccessible(admin);
  await admin.goto('/?uselang=en');
  await (await openUserMenu(admin)).getByRole('link', { name: 'Admin', exact: true }).click();
  await admin.waitForURL('**/admin');
  await admin.context().close();
  await page.context().close();
  await mentioner.page.context().close();
});

for (const javaScriptEnabled of [true, false]) {
  test(`on a 390 px phone the header is at most 64 px tall and the menu button shows the sections (JavaScript ${
    javaScriptEnabled ? 'on' : 'off'
  })`, async ({ browser }) => {
    for (const who of ['anonymous', 'member'] as const) {
      const page = await pageOf(browser, who, { viewport: { width: 390, height: 800 }, javaScriptEnabled });
      for (const lang of ['en', 'ar']) {
        await page.goto(`/?uselang=${lang}`);
        if (javaScriptEnabled) await hydrated(page);
        const shape = await headerShape(page);
        expect(shape.height, `${who} ${lang}`).toBeLessThanOrEqual(64);
        expect(shape.overflow, `${who} ${lang}`).toBeLessThanOrEqual(0);
        const nav = page.getByRole('navigation', { name: lang === 'en' ? 'Main' : 'الرئيسية' });
        await expect(nav).toBeHidden();
        await page.locator('.ldn-navtoggle > summary').click();
        await expect(nav).toBeVisible();
        await expect(nav.getByRole('link', { name: lang === 'en' ? 'Initiatives' : 'المبادرات' })).toBeVisible();
        if (javaScriptEnabled) await expectAccessible(page);
      }
      // A group opens inside the menu; its link goes to the section.
      const guides = (await openNavGroup(page, 'التعلّم')).getByRole('link', { name: 'الأدلة' });
      await guides.click();
      await page.waitForURL('**/guides*');
      if (javaScriptEnabled) {
        // The menu closed behind the link; Escape closes it when open, focus back on its button.
        await expect(page.locator('.ldn-navtoggle')).not.toHaveAttribute('open', '');
        await page.locator('.ldn-navtoggle > summary').click();
        await page.keyboard.press('Escape');
        await expect(page.locator('.ldn-navtoggle')).not.toHaveAttribute('open', '');
        await expect(page.locator('.ldn-navtoggle > summary')).toBeFocused();
      }
      if (who === 'member') {
        // The user menu opens on the phone too.
        await page.goto('/?uselang=ar');
        const menu = await openUserMenu(page);
        await expect(menu.getByRole('link', { name: 'صفحتك' })).toBeVisible();
      }
      await page.context().close();
    }
  });
}

test('a long name is cut with an ellipsis in the header, the whole name in its tooltip, never widening it', async ({
  browser,
}) => {
  for (const width of [1280, 390]) {
    const page = await (await browser.newContext({ viewport: { width, height: 800 } })).newPage();
    const { csrfToken } = (await (await page.request.get('/api/v1/session')).json()) as { csrfToken: string };
    // 85 characters, the longest a username may be, right to left.
    const tag = suffix();
    const name = `${'نادية الهاشمي '.repeat(6).slice(0, 84 - tag.length)} ${tag}`;
    const res = await page.request.post('/api/v1/accounts', {
      data: { username: name, password: E2E_PASSWORD },
      headers: { 'x-csrf-token': csrfToken },
    });
    expect(res.status()).toBe(201);
    await page.goto('/?uselang=en');
    await hydrated(page);
    const shown = page.locator('.ldn-account__name');
    await expect(shown).toHaveAttribute('title', name);
    const cut = await shown.evaluate((e) => e.scrollWidth > e.clientWidth);
    expect(cut, `${width} px: the name is cut`).toBe(true);
    const shape = await headerShape(page);
    expect(shape.height, `${width} px`).toBeLessThanOrEqual(64);
    expect(shape.overflow, `${width} px`).toBeLessThanOrEqual(0);
    await page.context().close();
  }
});
