// Debates in the browser: opening one, arguing for and against side by side, supporting, replying under an
// argument, closing with a conclusion; comments under an update; axe on every page and a 360 px phone.
import { expect, test } from '@playwright/test';
import { expectAccessible, hydrated, visit, watchConsole } from './axe';
import { personPage } from './people';

test('a two-column debate: open, argue for and against, support, reply, close', async ({ browser }) => {
  const suffix = Date.now().toString(36);
  const opener = (await personPage(browser, `Opener ${suffix}`)).page;
  const problems = watchConsole(opener);
  await visit(opener, '/debates');
  await expect(
    opener.getByRole('link', { name: /Discussions here follow the Universal Code of Conduct/ }).first(),
  ).toHaveAttribute('href', /Universal_Code_of_Conduct/);

  // A missing framing is named beside its field, and the question typed stays.
  const title = `Should groups elect their coordinators? ${suffix}`;
  await opener.getByLabel('Question').fill(title);
  await opener.getByRole('button', { name: 'Open the debate' }).click();
  await expect(opener.getByText('This field is required.')).toBeVisible();
  await expect(opener.getByLabel('Question')).toHaveValue(title);
  // The browser may log the refused request itself; that one is expected, nothing else is.
  expect(problems.splice(0).filter((p) => !p.includes('status of 400'))).toEqual([]);
  await opener.getByLabel('Framing').fill('Some groups **vote**; others agree informally.');
  await opener.getByRole('button', { name: 'Open the debate' }).click();
  await opener.waitForURL(/\/debates\/\d+$/);
  await expect(opener.getByRole('heading', { level: 1 })).toHaveText(title);
  const url = new URL(opener.url()).pathname;

  await opener.getByLabel('Argument', { exact: true }).fill('Elections give coordinators **legitimacy**.');
  await opener.getByRole('button', { name: 'Post argument' }).click();
  const forColumn = opener.locator('.ldn-debate__side--for');
  await expect(forColumn.locator('.ldn-argument')).toHaveCount(1);

  const other = (await personPage(browser, `Critic ${suffix}`)).page;
  const otherProblems = watchConsole(other);
  await visit(other, url);
  await other.getByRole('radio', { name: 'Against' }).check();
  await other.getByLabel('Argument', { exact: true }).fill('Small groups need no formal elections.');
  await other.getByRole('button', { name: 'Post argument' }).click();
  const againstColumn = other.locator('.ldn-debate__side--against');
  await expect(againstColumn.locator('.ldn-argument')).toHaveCount(1);

  // Support the argument for, then reply under it.
  const forArg = other.locator('.ldn-debate__side--for .ldn-argument').first();
  await forArg.getByRole('button', { name: 'Support' }).click();
  await expect(forArg.getByText('1 supporter')).toBeVisible();
  await expect(forArg.getByRole('button', { name: 'Withdraw support' })).toBeVisible();
  await forArg.getByRole('button', { name: 'Reply to this argument' }).click();
  await forArg.getByLabel('Your comment').fill(`Only if the group is large, @Opener_${suffix}.`);
  await forArg.getByRole('button', { name: 'Post' }).click();
  await expect(forArg.locator('.ldn-comment')).toHaveCount(1);
  await expect(forArg.locator('.ldn-comment')).toContainText('Only if the group is large');
  await expectAccessible(other);

  // Two columns side by side on a wide screen.
  const forBox = await other.locator('.ldn-debate__side--for').boundingBox();
  const againstBox = await other.locator('.ldn-debate__side--against').boundingBox();
  expect(forBox && againstBox && Math.abs(forBox.y - againstBox.y) < 2 && forBox.x !== againstBox.x).toBe(true);
  // Stacked on a 360 px phone, with nothing wider than the screen.
  await other.setViewportSize({ width: 360, height: 740 });
  await visit(other, url);
  const narrowFor = await other.locator('.ldn-debate__side--for').boundingBox();
  const narrowAgainst = await other.locator('.ldn-debate__side--against').boundingBox();
  expect(narrowFor && narrowAgainst && narrowAgainst.y > narrowFor.y).toBe(true);
  expect(await other.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  // The other person may not close it.
  await expect(other.getByRole('heading', { name: 'Close the debate' })).toHaveCount(0);

  // The opener closes it; the conclusion shows and the page stays readable.
  await visit(opener, url);
  await opener.getByLabel('Conclusion').fill('Large groups **elect**; small ones agree informally.');
  await opener.getByRole('button', { name: 'Close with this conclusion' }).click();
  await expect(opener.getByRole('heading', { name: 'Conclusion' })).toBeVisible();
  await expect(opener.locator('.ldn-debate__conclusion strong')).toHaveText('elect');
  await expect(opener.getByRole('button', { name: 'Post argument' })).toHaveCount(0);
  await expectAccessible(opener);
  await visit(opener, '/debates');
  await expect(opener.getByRole('link', { name: title })).toBeVisible();
  expect(problems).toEqual([]);
  expect(otherProblems).toEqual([]);

  // Without JavaScript the closed debate reads in full: both sides, the replies and the conclusion.
  const plain = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
  await plain.goto(url);
  await expect(plain.locator('.ldn-debate__side--against')).toContainText('Small groups need no formal elections.');
  await expect(plain.locator('.ldn-debate__side--for .ldn-comment')).toContainText('Only if the group is large');
  await expect(plain.locator('.ldn-debate__conclusion')).toContainText('small ones agree informally');
});

test('comments under an update: post, reply, edit with history, and read without JavaScript', async ({ browser }) => {
  const suffix = Date.now().toString(36);
  const page = (await personPage(browser, `Commenter ${suffix}`)).page;
  const problems = watchConsole(page);
  await visit(page, '/updates');
  await page.locator('.ldn-update-summary a').first().click();
  await page.waitForURL(/\/updates\/\d+$/);
  await hydrated(page);
  const url = new URL(page.url()).pathname;
  await page.getByLabel('Your comment').fill(`A first comment ${suffix}`);
  await page.getByRole('button', { name: 'Post', exact: true }).click();
  const mine = page.locator('.ldn-comment', { hasText: `A first comment ${suffix}` });
  await expect(mine).toHaveCount(1);
  await mine.getByRole('button', { name: 'Reply' }).click();
  await mine.getByLabel(/Your reply to/).fill(`A reply ${suffix}`);
  await mine.getByRole('button', { name: 'Reply' }).click();
  const reply = page.locator('.ldn-comment--d1', { hasText: `A reply ${suffix}` });
  await expect(reply).toHaveCount(1);
  await reply.getByRole('button', { name: 'Edit' }).click();
  await reply.getByLabel('Your comment (new version)').fill(`A better reply ${suffix}`);
  await reply.getByRole('button', { name: 'Save' }).click();
  const edited = page.locator('.ldn-comment--d1', { hasText: `A better reply ${suffix}` });
  await edited.getByRole('button', { name: 'edited (show versions)' }).click();
  await expect(edited.locator('.ldn-comment__history li')).toHaveCount(2);
  await expectAccessible(page);
  // On a 360 px phone the nested thread fits the screen.
  await page.setViewportSize({ width: 360, height: 740 });
  await visit(page, url);
  await expect(page.locator('.ldn-comment--d1', { hasText: `A better reply ${suffix}` })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  expect(problems).toEqual([]);

  // A link to one comment opens the page with the data it was rendered with (the #fragment never reaches the
  // server): the comment is there, and hydration finds nothing amiss.
  const anchor = await page.locator('.ldn-comment--d1', { hasText: `A better reply ${suffix}` }).getAttribute('id');
  const linked = await page.context().newPage();
  const linkedProblems = watchConsole(linked);
  await visit(linked, `${url}#${anchor}`);
  await expect(linked.locator(`#${anchor}`)).toContainText(`A better reply ${suffix}`);
  await expect(linked.getByRole('heading', { level: 1 })).toBeVisible();
  expect(linkedProblems).toEqual([]);

  // Without JavaScript the comments are in the page.
  const context = await browser.newContext({ javaScriptEnabled: false });
  const plain = await context.newPage();
  await plain.goto(url);
  await expect(plain.getByText(`A better reply ${suffix}`)).toBeVisible();
  await expect(
    plain.getByRole('link', { name: /Discussions here follow the Universal Code of Conduct/ }).first(),
  ).toBeVisible();
});
