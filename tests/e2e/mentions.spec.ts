// Mentions in the browser: `@Name With Spaces` written in a debate's discussion notifies that person and shows as
// a link to them; suggestions after `@` by keyboard (arrows browse, Enter inserts); the debate page shows the
// comments on the debate, with JavaScript and without; axe in English and Arabic, with the suggestions open.
import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, hydrated, visit, watchConsole } from './axe';
import { personPage, type E2ePerson } from './people';

async function api(p: E2ePerson, path: string, data: object) {
  const res = await p.page.request.post(`/api/v1${path}`, { data, headers: { 'x-csrf-token': p.csrf } });
  expect(res.status(), await res.text()).toBe(201);
  return (await res.json()) as { id: string };
}

/** The debate's own discussion (each argument has a thread of replies too). */
const discussion = (page: Page, debateId: string) =>
  page.locator('section.ldn-thread', { has: page.locator(`#comments-debate-${debateId}`) });

test('a mention with spaces notifies and links; suggestions by keyboard; the debate shows its discussion', async ({
  browser,
}) => {
  const suffix = Date.now().toString(36);
  const bilalName = `Bilal Tester ${suffix}`;
  const bilal = await personPage(browser, bilalName);
  const writer = await personPage(browser, `Writer ${suffix}`);
  const problems = watchConsole(writer.page);
  const title = `Should every group keep minutes? ${suffix}`;
  const debate = await api(writer, '/debates', { title, framing: 'Minutes help newcomers; they also take time.' });
  // Bilal takes part, so he comes first among the people suggested here.
  await api(bilal, `/debates/${debate.id}/arguments`, { stance: 'for', body: 'Newcomers catch up faster.' });

  const page = writer.page;
  const url = `/debates/${debate.id}`;
  await visit(page, url);
  const thread = discussion(page, debate.id);
  await expect(thread.getByRole('heading', { name: 'Comments' })).toBeVisible();
  await expect(thread.getByText('with spaces or underscores: @Ada Lovelace or @Ada_Lovelace')).toBeVisible();
  const box = thread.getByLabel('Your comment');

  // Written by hand, with spaces: a link to Bilal's page.
  await box.fill(`Thanks @${bilalName}, good point.`);
  await thread.getByRole('button', { name: 'Post', exact: true }).click();
  const first = thread.locator('.ldn-comment', { hasText: 'good point' });
  await expect(first).toHaveCount(1);
  const link = first.getByRole('link', { name: `@${bilalName}` });
  await expect(link).toHaveAttribute('href', `/people/Bilal_Tester_${suffix}`);

  // Suggestions by keyboard: the arrows browse without changing the text, Enter inserts the name.
  await box.click();
  await box.pressSequentially('And @Bil');
  const list = page.getByRole('listbox', { name: 'People to mention' });
  await expect(list).toBeVisible();
  const option = list.getByRole('option').first();
  await expect(option).toContainText(bilalName);
  await expect(option).toContainText('in this discussion');
  await box.press('ArrowDown');
  await expect(box).toHaveValue('And @Bil');
  await expect(option).toHaveAttribute('aria-selected', 'true');
  await expect(box).toHaveAttribute('aria-activedescendant', (await option.getAttribute('id'))!);
  await expectAccessible(page);
  await box.press('Enter');
  await expect(box).toHaveValue(`And @${bilalName} `);
  await expect(list).toHaveCount(0);
  await box.pressSequentially('again.');
  await thread.getByRole('button', { name: 'Post', exact: true }).click();
  const second = thread.locator('.ldn-comment', { hasText: 'again.' });
  await expect(second.getByRole('link', { name: `@${bilalName}` })).toHaveAttribute(
    'href',
    `/people/Bilal_Tester_${suffix}`,
  );
  // Escape closes the suggestions; the text stays as typed.
  await box.pressSequentially('@Bil');
  await expect(list).toBeVisible();
  await box.press('Escape');
  await expect(list).toHaveCount(0);
  await expect(box).toHaveValue('@Bil');
  expect(problems).toEqual([]);

  // Bilal is told, twice, and the notification leads to the comment on the debate's page.
  await visit(bilal.page, '/notifications');
  const told = bilal.page.getByRole('link', { name: /mentioned you in a comment on/ });
  await expect(told).toHaveCount(2);
  await told.last().click();
  await bilal.page.waitForURL(new RegExp(`${url}#comment-\\d+$`));
  await hydrated(bilal.page);
  const anchor = new URL(bilal.page.url()).hash;
  await expect(bilal.page.locator(anchor)).toContainText('good point');
  await expect(bilal.page.locator(anchor)).toBeVisible();

  // In Arabic, right to left, with the suggestions open: axe finds nothing; nothing is wider than a phone.
  await page.setViewportSize({ width: 360, height: 740 });
  await visit(page, `${url}?uselang=ar`);
  const arBox = discussion(page, debate.id).locator('textarea');
  await arBox.click();
  await arBox.pressSequentially('@Bil');
  await expect(page.getByRole('listbox')).toBeVisible();
  await expectAccessible(page);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  expect(problems).toEqual([]);

  // Without JavaScript the debate's page shows its discussion, the mention a link.
  const plain = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
  await plain.goto(url);
  const plainThread = discussion(plain, debate.id);
  await expect(plainThread.locator('.ldn-comment')).toHaveCount(2);
  await expect(plainThread.getByRole('link', { name: `@${bilalName}` }).first()).toHaveAttribute(
    'href',
    `/people/Bilal_Tester_${suffix}`,
  );
});
