// Accessibility beyond axe, by keyboard: a button rebuilt after an action keeps the focus and its new state is
// announced; a form opened in place takes the focus and gives it back when closed (Escape or Cancel); a refused
// form focuses its first field in error, which names its error (aria-invalid, aria-describedby); buttons that
// share a word on a page are named for their item; the profile reflows at 320 px; motion is cut when asked.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { expectAccessible, hydrated, visit, watchConsole } from './axe';
import { personPage } from './people';

/** Sends a JSON request as the page's person. */
async function send(page: Page, csrf: string, path: string, data: unknown) {
  const res = await page.request.post(`/api/v1${path}`, { data, headers: { 'x-csrf-token': csrf } });
  expect(res.status(), `${path}: ${await res.text()}`).toBeLessThan(300);
  return (await res.json()) as { id: string };
}

/** Presses a key on a control reached by the keyboard (focused, then the key), as a keyboard user does. */
async function press(control: Locator, key: string) {
  await control.focus();
  await control.press(key);
}

/** The text of the elements a control's aria-describedby names. */
const description = (control: Locator) =>
  control.evaluate((el) =>
    (el.getAttribute('aria-describedby') ?? '')
      .split(/\s+/)
      .map((id) => document.getElementById(id)?.textContent?.trim() ?? '')
      .join(' | '),
  );

test('support and follow keep the focus and announce; Report and Reply open with the focus and give it back', async ({
  browser,
}) => {
  const suffix = Date.now().toString(36);
  const author = await personPage(browser, `Author ${suffix}`);
  const initiative = await send(author.page, author.csrf, '/initiatives', {
    title: `Keyboard circles ${suffix}`,
    summary: 'A **keyboard** friendly initiative.',
  });
  const debate = await send(author.page, author.csrf, '/debates', {
    title: `Keyboards or mice? ${suffix}`,
    framing: 'Which do *organizers* use?',
  });
  for (const body of ['Keyboards are faster.', 'Keyboards are quieter.'])
    await send(author.page, author.csrf, `/debates/${debate.id}/arguments`, { stance: 'for', body });
  await send(author.page, author.csrf, '/comments', {
    subject: { type: 'debate', id: debate.id },
    body: 'Mice are fine too.',
  });

  const reader = await personPage(browser, `Reader ${suffix}`);
  const page = reader.page;
  const problems = watchConsole(page);

  // The initiative: Support becomes "Withdraw support" under the keyboard's focus, and the change is said.
  await visit(page, `/initiatives/${initiative.id}`);
  const support = page.locator('.ldn-initiative__actions').getByRole('button', { name: 'Support', exact: true });
  await press(support, 'Enter');
  const withdraw = page.locator('.ldn-initiative__actions').getByRole('button', { name: 'Withdraw support' });
  await expect(withdraw).toBeVisible();
  await expect(withdraw).toBeFocused();
  await expect(page.locator('.ldn-initiative__actions [role="status"]')).toHaveText('You support this initiative.');
  await withdraw.press('Space');
  await expect(support).toBeFocused();
  await expect(page.locator('.ldn-initiative__actions [role="status"]')).toHaveText(
    'You no longer support this initiative.',
  );
  // Follow: the same, its hint (a live region) saying what changed.
  await press(page.getByRole('button', { name: 'Follow', exact: true }), 'Enter');
  await expect(page.getByRole('button', { name: 'Unfollow' })).toBeFocused();
  await expect(page.locator('.ldn-follow [aria-live="polite"]')).toHaveText(/You follow this/);
  await expectAccessible(page);

  // The debate: many "Support", "Report" and "Reply" buttons, each named for its argument.
  await visit(page, `/debates/${debate.id}`);
  const names = async (word: string) =>
    page
      .getByRole('button', { name: word })
      .evaluateAll((els) => els.map((el) => el.getAttribute('aria-label') ?? el.textContent?.trim() ?? ''));
  for (const word of ['Report', 'Reply to this argument']) {
    const all = await names(word);
    expect(all.length, word).toBeGreaterThan(1);
    expect(new Set(all).size, `${word}: ${all.join(', ')}`).toBe(all.length);
  }
  const argument = page.locator('.ldn-argument', { hasText: 'Keyboards are faster.' });
  const supportArgument = argument.getByRole('button', { name: `Support the argument by` });
  await expect(supportArgument).toHaveAccessibleName(
    `Support the argument by \u2068Author ${suffix}\u2069: “\u2068Keyboards are faster.\u2069”`,
  );
  await press(supportArgument, 'Enter');
  const withdrawArgument = argument.getByRole('button', { name: 'Withdraw support from the argument by' });
  await expect(withdrawArgument).toBeFocused();
  await expect(argument.locator('.ldn-argument__support [role="status"]')).toHaveText('You support this argument.');
  await press(page.getByRole('button', { name: 'Follow', exact: true }), 'Enter');
  await expect(page.getByRole('button', { name: 'Unfollow' })).toBeFocused();

  // Report: the form opens with the focus on its first choice; Escape closes it and the focus is back.
  const report = argument.getByRole('button', { name: 'Report: argument by' });
  await press(report, 'Enter');
  const reasons = argument.locator('.ldn-report-form input[type="radio"]');
  await expect(reasons.first()).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(argument.locator('.ldn-report-form')).toHaveCount(0);
  await expect(report).toBeFocused();
  // Sent without a reason: the refusal takes the focus to the choices, which name it.
  await press(report, 'Enter');
  await argument.getByRole('button', { name: 'Send report' }).click();
  await expect(argument.locator('.ldn-report-form__error')).toBeVisible();
  await expect(reasons.first()).toBeFocused();
  // Cancel gives the focus back too.
  await press(argument.getByRole('button', { name: 'Cancel' }), 'Enter');
  await expect(report).toBeFocused();

  // Reply to this argument: the form opens with the focus in its text box; Escape gives it back.
  const reply = argument.getByRole('button', { name: 'Reply to this argument' });
  await press(reply, 'Enter');
  await expect(argument.getByLabel('Your comment')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(reply).toBeFocused();

  // A comment of the discussion: Reply opens with the focus in its text box; Cancel gives it back.
  const comment = page.locator('.ldn-comment', { hasText: 'Mice are fine too.' });
  // Named for its comment, as a thread shows many Reply buttons.
  const replyToComment = comment.getByRole('button', { name: `Reply: comment by \u2068Author ${suffix}\u2069, ` });
  await press(replyToComment, 'Enter');
  await expect(comment.locator('textarea')).toBeFocused();
  await press(comment.getByRole('button', { name: 'Cancel' }), 'Enter');
  await expect(replyToComment).toBeFocused();

  // An empty argument: the refusal focuses the text box, which names its error.
  const box = page.getByLabel('Argument', { exact: true });
  await press(page.getByRole('button', { name: 'Post argument' }), 'Enter');
  await expect(box).toBeFocused();
  await expect(box).toHaveAttribute('aria-invalid', 'true');
  expect(await description(box)).toContain('This field is required.');
  await expectAccessible(page);

  // In Arabic too.
  await visit(page, `/debates/${debate.id}?uselang=ar`);
  expect(problems.filter((p) => !p.includes('status of 400'))).toEqual([]);
});

test('a refused log-in focuses its first field, which names its error; the profile reflows at 320 px', async ({
  browser,
}) => {
  const page = await (await browser.newContext()).newPage();
  const problems = watchConsole(page);
  await visit(page, '/login');
  const username = page.getByRole('textbox', { name: 'Username' });
  const password = page.locator('input[name="password"]');
  await press(page.locator('main form').getByRole('button', { name: 'Log in', exact: true }), 'Enter');
  await expect(username).toBeFocused();
  for (const field of [username, password]) {
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(await description(field)).toContain('Enter at least one character.');
  }
  await expectAccessible(page);
  // Typing and sending again clears the mark of the field now filled.
  await username.fill('somebody');
  await press(password, 'Enter');
  await expect(password).toBeFocused();
  await expect(username).not.toHaveAttribute('aria-invalid', 'true');
  expect(await description(username)).toBe('');

  // The profile at 320 px (a phone, or 1280 px zoomed to 400 %): nothing wider than the screen, in both directions.
  const person = await personPage(browser, `Narrow ${Date.now().toString(36)}`);
  const narrow = person.page;
  await narrow.setViewportSize({ width: 320, height: 800 });
  const res = await narrow.request.patch('/api/v1/me/profile', {
    data: { languages: ['ar', 'en', 'es'], region: 'MENA', timeZone: 'America/Argentina/Buenos_Aires' },
    headers: { 'x-csrf-token': person.csrf },
  });
  expect(res.status()).toBe(200);
  for (const lang of ['en', 'ar']) {
    await visit(narrow, `/settings/profile?uselang=${lang}`);
    const widths = await narrow.evaluate(() => ({
      scroll: document.documentElement.scrollWidth,
      client: document.documentElement.clientWidth,
    }));
    expect(widths.scroll, lang).toBeLessThanOrEqual(widths.client);
  }
  expect(problems.filter((p) => !p.includes('status of 400'))).toEqual([]);
});

test('transitions and animations end at once when the system asks for reduced motion', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto('/login');
  await hydrated(page);
  const button = page.locator('main form').getByRole('button', { name: 'Log in', exact: true });
  const seconds = (s: string) =>
    Math.max(...s.split(',').map((x) => parseFloat(x) * (x.trim().endsWith('ms') ? 0.001 : 1)));
  const reduced = await button.evaluate((el) => getComputedStyle(el).transitionDuration);
  expect(seconds(reduced)).toBeLessThan(0.001);
  // Without the wish, Codex's own transitions stay.
  await page.emulateMedia({ reducedMotion: 'no-preference' });
  const normal = await button.evaluate((el) => getComputedStyle(el).transitionDuration);
  expect(seconds(normal)).toBeGreaterThan(0.01);
});
