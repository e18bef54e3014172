// Moderating initiatives in the browser: a member reports an initiative from its page, a moderator (the e2e
// admin) hides a progress update from the page and the initiative from the queue; others see the reasons in
// place and no longer find it on the board, its author still reads it; showing it again brings it back.
// axe on every page, Arabic and a 360 px phone.
import { expect, test } from '@playwright/test';
import { expectAccessible, visit, watchConsole } from './axe';
import { e2eAdmin } from './env';
import { personPage } from './people';

test('an initiative reported, hidden with its reason in place, and shown again', async ({ browser }) => {
  const suffix = Date.now().toString(36);
  const author = await personPage(browser, `Initiator ${suffix}`);
  const reporter = await personPage(browser, `Watcher ${suffix}`);
  const mod = await personPage(browser, e2eAdmin.username, e2eAdmin.password);
  const anon = await (await browser.newContext()).newPage();
  const problems = [author.page, reporter.page, mod.page, anon].map(watchConsole);

  // The author posts an idea with a progress update (through the API, as the page would).
  const title = `Paid coaching offer ${suffix}`;
  const made = await author.page.request.post('/api/v1/initiatives', {
    data: { title, summary: 'Buy my coaching package today.' },
    headers: { 'x-csrf-token': author.csrf },
  });
  expect(made.status()).toBe(201);
  const { id } = (await made.json()) as { id: string };
  const update = await author.page.request.post(`/api/v1/initiatives/${id}/updates`, {
    data: { title: `Discount ${suffix}`, body: 'Half price this week.' },
    headers: { 'x-csrf-token': author.csrf },
  });
  expect(update.status()).toBe(201);
  const url = `/initiatives/${id}`;

  // A member reports the initiative from its page; nobody is offered to report their own.
  await visit(author.page, url);
  await expect(author.page.locator('.ldn-initiative > .ldn-mod-tools')).toHaveCount(0);
  await visit(reporter.page, url);
  const tools = reporter.page.locator('.ldn-initiative > .ldn-mod-tools');
  await tools.getByRole('button', { name: 'Report' }).click();
  await tools.getByRole('radio', { name: 'Spam' }).check();
  await tools.getByLabel('What is wrong?').fill(`Advertising ${suffix}`);
  await expectAccessible(reporter.page);
  await tools.getByRole('button', { name: 'Send report' }).click();
  await expect(tools.getByText('Thank you. The moderators will look at it.')).toBeVisible();

  // The moderator hides the progress update from the page, with a reason.
  await visit(mod.page, url);
  const card = mod.page.locator(`#update-${((await update.json()) as { id: string }).id}`);
  await card.getByRole('button', { name: 'Hide' }).click();
  await card.getByLabel('Reason for hiding').fill('Advertising a paid service');
  await expectAccessible(mod.page);
  await card.getByRole('button', { name: 'Hide' }).click();
  await expect(card).toContainText('Hidden by the moderators. Reason: Advertising a paid service');
  await expect(card).toContainText('You see the text because you moderate.');

  // Then the initiative from the queue.
  await visit(mod.page, '/moderation');
  const report = mod.page.locator('.ldn-report-card', { hasText: `Advertising ${suffix}` });
  await expect(report).toContainText('Initiative');
  await expect(report.getByRole('link', { name: title })).toHaveAttribute('href', url);
  await report.getByRole('button', { name: 'Hide' }).click();
  await report.getByLabel('Reason for hiding').fill('Commercial advertising is not an initiative');
  await report.getByRole('button', { name: 'Hide' }).click();
  await expect(mod.page.locator('.ldn-report-card', { hasText: `Advertising ${suffix}` })).toHaveCount(0);

  // Others see the reason in its place, none of its text, and no longer find it on the board.
  await visit(anon, url);
  await expect(anon.getByRole('heading', { level: 1 })).toHaveText('Hidden content');
  await expect(
    anon.getByText('Hidden by the moderators. Reason: Commercial advertising is not an initiative'),
  ).toBeVisible();
  await expect(anon.getByText(title)).toHaveCount(0);
  await expect(anon.getByText('Buy my coaching package')).toHaveCount(0);
  await visit(anon, '/initiatives?stage=idea');
  await expect(anon.getByText(title)).toHaveCount(0);

  // The author still reads it, with the reasons, and where to appeal.
  await visit(author.page, url);
  await expect(author.page.getByRole('heading', { level: 1 })).toHaveText(title);
  await expect(author.page.getByText('Others see only this notice; you still see your text.').first()).toBeVisible();
  await expect(author.page.getByText('Half price this week.')).toBeVisible();

  // In Arabic on a phone, the hidden page passes axe and fits.
  await anon.setViewportSize({ width: 360, height: 740 });
  await visit(anon, `${url}?uselang=ar`);
  await expect(anon.locator('html')).toHaveAttribute('dir', 'rtl');
  expect(await anon.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

  // Shown again, it is back for everyone.
  await visit(mod.page, url);
  const top = mod.page.locator('.ldn-initiative > .ldn-mod-tools');
  await top.getByRole('button', { name: 'Show again' }).click();
  await top.getByLabel('Reason for showing it again').fill('The author rewrote it as a free programme');
  await top.getByRole('button', { name: 'Show again' }).click();
  await expect(mod.page.locator('.ldn-initiative > .ldn-hidden')).toHaveCount(0);
  await visit(anon, url);
  await expect(anon.getByRole('heading', { level: 1 })).toHaveText(title);
  await visit(anon, '/initiatives?stage=idea');
  await expect(anon.getByText(title)).toBeVisible();
  for (const p of problems) expect(p).toEqual([]);
});
