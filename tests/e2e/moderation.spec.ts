// Moderation in the browser: member A comments under an update, member B reports the comment, a moderator (the
// e2e admin) hides it from the queue with a reason; A sees the placeholder, why, and their own text, and
// appeals; the moderator reverses the appeal and the comment is back. Then a suspension shows on every page.
// axe on every page, Arabic and a 360 px phone.
import { expect, test } from '@playwright/test';
import { expectAccessible, hydrated, visit, watchConsole } from './axe';
import { openNavGroup } from './menus';
import { personPage } from './people';
import { e2eAdmin } from './env';

test('a report, a moderator hiding the comment, the author seeing why and appealing', async ({ browser }) => {
  const suffix = Date.now().toString(36);
  const a = await personPage(browser, `Author ${suffix}`);
  const b = await personPage(browser, `Reporter ${suffix}`);
  const mod = await personPage(browser, e2eAdmin.username, e2eAdmin.password);
  const problems = [watchConsole(a.page), watchConsole(b.page), watchConsole(mod.page)] as const;

  // A comments under a community update.
  await visit(a.page, '/updates');
  await a.page.locator('.ldn-update-summary a').first().click();
  await a.page.waitForURL(/\/updates\/\d+$/);
  await hydrated(a.page);
  const url = new URL(a.page.url()).pathname;
  await expect(
    a.page.getByRole('link', { name: 'Discussions here follow the Universal Code of Conduct' }),
  ).toHaveAttribute('href', /Universal_Code_of_Conduct/);
  const text = `You are all clueless ${suffix}`;
  await a.page.getByLabel('Your comment').fill(text);
  await a.page.getByRole('button', { name: 'Post', exact: true }).click();
  await expect(a.page.locator('.ldn-comment', { hasText: text })).toHaveCount(1);
  // Nobody reports their own words.
  await expect(a.page.locator('.ldn-comment', { hasText: text }).getByRole('button', { name: 'Report' })).toHaveCount(
    0,
  );

  // B reports it: a reason is needed, then it is sent and private.
  await visit(b.page, url);
  const comment = b.page.locator('.ldn-comment', { hasText: text });
  await comment.getByRole('button', { name: 'Report' }).click();
  await expect(comment.getByText('The person reported never learns who reported them.')).toBeVisible();
  await expectAccessible(b.page);
  await comment.getByRole('button', { name: 'Send report' }).click();
  await expect(
    comment
      .getByText('Required', { exact: false })
      .or(comment.getByText('choose', { exact: false }))
      .first(),
  ).toBeVisible();
  problems[1].splice(0);
  await comment.getByRole('radio', { name: 'Harassment' }).check();
  await comment.getByLabel('What is wrong?').fill('Insults the other commenters.');
  await comment.getByRole('button', { name: 'Send report' }).click();
  await expect(comment.getByText('Thank you. The moderators will look at it.')).toBeVisible();

  // The moderator finds it in the queue and hides it with a reason.
  await visit(mod.page, '/moderation');
  const card = mod.page.locator('.ldn-report-card', { hasText: 'Insults the other commenters.' });
  await expect(card).toContainText('Harassment');
  await expect(card).toContainText(`Reporter ${suffix}`);
  await card.getByRole('button', { name: 'Hide' }).click();
  await card.getByLabel('Reason for hiding').fill('Personal attacks on other members');
  await expectAccessible(mod.page);
  await card.getByRole('button', { name: 'Hide' }).click();
  await expect(mod.page.locator('.ldn-report-card', { hasText: 'Insults the other commenters.' })).toHaveCount(0);
  await visit(mod.page, '/moderation?view=log');
  await expect(mod.page.locator('.ldn-card', { hasText: 'Personal attacks on other members' }).first()).toContainText(
    'Hidden',
  );

  // Everyone else sees the placeholder with the reason, not the words.
  await visit(b.page, url);
  await expect(b.page.getByText('Hidden by the moderators. Reason: Personal attacks on other members')).toBeVisible();
  await expect(b.page.getByText(text)).toHaveCount(0);

  // A sees why, still sees their text, and never who reported.
  await visit(a.page, url);
  const own = a.page.locator('.ldn-comment', { hasText: 'Personal attacks on other members' });
  await expect(own).toContainText(text);
  await expect(own).toContainText('Others see only this notice');
  await expect(a.page.getByText(`Reporter ${suffix}`)).toHaveCount(0);
  await own.getByRole('link', { name: 'Moderation of my account' }).click();
  await a.page.waitForURL(/\/moderation\/mine$/);
  await hydrated(a.page);
  await expectAccessible(a.page);
  const action = a.page.locator('.ldn-card', { hasText: 'Personal attacks on other members' });
  await expect(action).toContainText('Hidden');
  await expect(a.page.getByText(`Reporter ${suffix}`)).toHaveCount(0);
  await action.getByRole('button', { name: 'Appeal' }).click();
  await action
    .getByLabel('Why should the moderators reconsider?')
    .fill('I was quoting a film, not talking about anyone here.');
  await action.getByRole('button', { name: 'Send the appeal' }).click();
  await expect(a.page.getByText('Your appeal was sent.')).toBeVisible();
  await expect(action).toContainText('Waiting for an answer');
  await expect(action.getByRole('button', { name: 'Appeal' })).toHaveCount(0);
  await expectAccessible(a.page);

  // The appeal is in the moderators' queue; reversing it brings the comment back.
  await visit(mod.page, '/moderation?view=appeals');
  const appeal = mod.page.locator('.ldn-appeal-card', { hasText: 'I was quoting a film' });
  await appeal.getByRole('button', { name: 'Answer' }).click();
  await appeal.getByRole('radio', { name: 'Reverse the action' }).check();
  await appeal.getByLabel('Answer to the person').fill('Understood; the comment is visible again.');
  await expectAccessible(mod.page);
  await appeal.getByRole('button', { name: 'Send the answer' }).click();
  await expect(mod.page.locator('.ldn-appeal-card', { hasText: 'I was quoting a film' })).toHaveCount(0);
  await visit(b.page, url);
  await expect(b.page.getByText(text)).toBeVisible();
  await visit(a.page, '/moderation/mine');
  await expect(a.page.locator('.ldn-card', { hasText: 'I was quoting a film' })).toContainText(
    'Understood; the comment is visible again.',
  );

  // In Arabic, right to left, and on a 360 px phone, the author's page still passes axe and fits.
  await a.page.setViewportSize({ width: 360, height: 740 });
  await visit(a.page, '/moderation/mine?uselang=ar');
  await expect(a.page.locator('html')).toHaveAttribute('dir', 'rtl');
  expect(await a.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await mod.page.setViewportSize({ width: 360, height: 740 });
  await visit(mod.page, '/moderation?view=answered');
  expect(await mod.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  for (const p of problems) expect(p).toEqual([]);
});

test('a suspension from the person page: the person reads why on every page and cannot comment', async ({
  browser,
}) => {
  const suffix = Date.now().toString(36);
  const a = await personPage(browser, `Flooder ${suffix}`);
  const mod = await personPage(browser, e2eAdmin.username, e2eAdmin.password);
  const problems = watchConsole(mod.page);

  await visit(mod.page, `/people/Flooder_${suffix}`);
  const tools = mod.page.locator('.ldn-person-mod');
  await expect(tools).toContainText('Neither suspended nor blocked');
  await tools.getByRole('button', { name: 'Suspend' }).click();
  await tools.getByRole('radio', { name: 'Three days' }).check();
  await tools.getByLabel('Reason').fill('Posting the same message everywhere');
  await expectAccessible(mod.page);
  await tools.getByRole('button', { name: 'Suspend' }).click();
  await expect(tools).toContainText('Suspended until');
  expect(problems).toEqual([]);

  // Members do not see the moderators' tools; they may report the person.
  const other = await personPage(browser, `Bystander ${suffix}`);
  await visit(other.page, `/people/Flooder_${suffix}`);
  await expect(other.page.getByRole('button', { name: 'Report this person' })).toBeVisible();
  await expect(other.page.getByRole('button', { name: 'Suspend' })).toHaveCount(0);

  // The suspended person sees the notice on every page, reads why, and is refused with the reason.
  await visit(a.page, '/updates');
  await expect(a.page.getByText(/Your account is suspended until/)).toBeVisible();
  await a.page.getByRole('link', { name: 'Why, and how to appeal' }).click();
  await a.page.waitForURL(/\/moderation\/mine$/);
  await hydrated(a.page);
  await expect(a.page.getByText('Posting the same message everywhere').first()).toBeVisible();
  await expectAccessible(a.page);
  await (await openNavGroup(a.page, 'Discuss')).getByRole('link', { name: 'Community Updates' }).click();
  await a.page.waitForURL(/\/updates$/);
  await a.page.locator('.ldn-update-summary a').first().click();
  await a.page.waitForURL(/\/updates\/\d+$/);
  await hydrated(a.page);
  await a.page.getByLabel('Your comment').fill('Buy now');
  await a.page.getByRole('button', { name: 'Post', exact: true }).click();
  await expect(
    a.page.getByText(/You cannot post, comment or report until .*Posting the same message everywhere/),
  ).toBeVisible();
});
