// An initiative's page in sections: a table of contents whose links work without JavaScript, the status beside
// the title apart from the plan's phases, the leads' forms behind buttons (disclosures that open without
// JavaScript; with it, focus moves into the form), no sign-up once the initiative is archived; axe in English
// and Arabic, and nothing wider than a 390 px phone.
import { expect, test, type Browser, type Page } from '@playwright/test';
import { expectAccessible, hydrated, visit, watchConsole } from './axe';

const PASSWORD = 'initiative page password 1';

/** A new browser context (with or without JavaScript) signed up as a new person through the API. */
async function person(browser: Browser, name: string, javaScriptEnabled = true) {
  const context = await browser.newContext({ javaScriptEnabled });
  const page = await context.newPage();
  const { csrfToken } = (await (await page.request.get('/api/v1/session')).json()) as { csrfToken: string };
  const res = await page.request.post('/api/v1/accounts', {
    data: { username: name, password: PASSWORD },
    headers: { 'x-csrf-token': csrfToken },
  });
  expect(res.status()).toBe(201);
  const token = ((await res.json()) as { csrfToken: string }).csrfToken;
  const send = (method: 'post' | 'put', url: string, data: unknown) =>
    page.request[method](`/api/v1${url}`, { data, headers: { 'x-csrf-token': token } });
  return { page, send };
}

/** The same person in another context (another browser, say without JavaScript), logged in through the API. */
async function again(browser: Browser, name: string, javaScriptEnabled: boolean) {
  const page = await (await browser.newContext({ javaScriptEnabled })).newPage();
  const { csrfToken } = (await (await page.request.get('/api/v1/session')).json()) as { csrfToken: string };
  const res = await page.request.post('/api/v1/session', {
    data: { username: name, password: PASSWORD },
    headers: { 'x-csrf-token': csrfToken },
  });
  expect(res.status()).toBe(200);
  return page;
}

/** An active initiative with an open call, made by its lead through the API. */
async function activeInitiative(send: Awaited<ReturnType<typeof person>>['send'], title: string) {
  const created = await send('post', '/initiatives', {
    title,
    summary: 'New organizers learn from **experienced** ones.',
    problem: 'Few people who edit go on to organize.',
    regions: ['LAC'],
    languages: ['es'],
  });
  expect(created.status()).toBe(201);
  const { id } = (await created.json()) as { id: string };
  const call = await send('put', `/initiatives/${id}/call`, {
    goals: ['Train ten new organizers'],
    jobs: [{ title: 'Mentor', description: 'Meet a mentee every week.', places: 2 }],
    start: '2090-01-10',
    end: '2090-06-30',
  });
  expect(call.status()).toBe(200);
  expect((await send('post', `/initiatives/${id}/stage`, { stage: 'active' })).status()).toBe(200);
  return id;
}

const SECTIONS = ['overview', 'call', 'team', 'plan', 'progress', 'evaluation', 'discussion'];
const fits = async (page: Page, width: number) =>
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);

test('the page has a table of contents, the status apart from the plan’s phase, and forms behind buttons', async ({
  browser,
}) => {
  const suffix = Date.now().toString(36);
  const name = `Page lead ${suffix}`;
  const { page, send } = await person(browser, name);
  const problems = watchConsole(page);
  const id = await activeInitiative(send, `Circles of practice ${suffix}`);
  await visit(page, `/initiatives/${id}`);

  // The status is a badge beside the title; the plan's phase is named apart and links to the plan.
  await expect(page.locator('.ldn-initiative__badges')).toContainText('Status: Active');
  await expect(page.locator('.ldn-initiative__badges')).toContainText('Plan phase: Define');
  await expect(page.locator('.ldn-initiative__badges')).toContainText('2 open places');

  // Seven sections, each reached from the table of contents.
  const toc = page.getByRole('navigation', { name: 'On this page' });
  await expect(toc.getByRole('link')).toHaveText([
    'Overview',
    'Call for collaborators',
    'Team',
    'Plan',
    'Progress',
    'Evaluation',
    'Comments',
  ]);
  for (const section of SECTIONS) await expect(page.locator(`#${section}`)).toHaveCount(1);
  await toc.getByRole('link', { name: 'Plan' }).click();
  await expect(page).toHaveURL(/#plan$/);
  await expect(page.getByRole('heading', { level: 2, name: 'Plan' })).toBeInViewport();

  // The status changes from its own control; the phase from the plan's steps.
  await expect(page.getByRole('button', { name: 'Set the status to “Evaluating”' })).toBeHidden();
  await page.locator('summary', { hasText: 'Change the status' }).click();
  await expect(page.getByRole('button', { name: 'Set the status to “Evaluating”' })).toBeFocused();
  await expect(page.locator('#plan').getByRole('button', { name: 'Make Design the current phase' })).toBeVisible();
  await page.locator('#plan').getByRole('button', { name: 'Make Design the current phase' }).click();
  await expect(page.locator('.ldn-initiative__badges')).toContainText('Plan phase: Design');

  // A management form opens behind its button, and focus moves into it.
  await expect(page.getByLabel('Update title')).toBeHidden();
  await page.locator('summary', { hasText: 'Post an update' }).click();
  await expect(page.getByLabel('Update title')).toBeFocused();
  await expectAccessible(page);
  // Stepping down does not ask for a new lead unless ticked.
  await page.locator('summary', { hasText: 'Step down as lead' }).click();
  await expect(page.getByLabel('Also ask for a new lead: the page will say it is looking for one')).not.toBeChecked();

  // In Arabic, right to left, with a form open; and on a 390 px phone in both languages.
  await visit(page, `/initiatives/${id}?uselang=ar`);
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await page.locator('main summary').first().click();
  await expectAccessible(page);
  await page.setViewportSize({ width: 390, height: 844 });
  for (const lang of ['en', 'ar']) {
    await visit(page, `/initiatives/${id}?uselang=${lang}`);
    await fits(page, 390);
    await page.locator('main summary').first().click();
    await fits(page, 390);
  }
  expect(problems).toEqual([]);
});

test('without JavaScript the table of contents and the management forms work', async ({ browser }) => {
  const suffix = Date.now().toString(36);
  const name = `Plain lead ${suffix}`;
  const { send } = await person(browser, name);
  const id = await activeInitiative(send, `Plain circles ${suffix}`);
  const plain = await again(browser, name, false);
  await plain.goto(`/initiatives/${id}`);
  await plain.getByRole('navigation', { name: 'On this page' }).getByRole('link', { name: 'Evaluation' }).click();
  await expect(plain).toHaveURL(/#evaluation$/);
  await expect(plain.getByRole('heading', { level: 2, name: 'Evaluation' })).toBeInViewport();
  // The call's form is behind its button and opens without JavaScript.
  await expect(plain.getByLabel('Goals')).toBeHidden();
  await plain.locator('summary', { hasText: 'Change the call' }).click();
  await expect(plain.getByLabel('Goals')).toBeVisible();
  await expect(plain.getByLabel('Goals')).toHaveValue('Train ten new organizers');
  await plain.locator('summary', { hasText: 'Change the status' }).click();
  await expect(plain.getByRole('button', { name: 'Set the status to “Evaluating”' })).toBeVisible();
});

test('an archived initiative shows no sign-up and no open places, and refuses a sign-up', async ({ browser }) => {
  const suffix = Date.now().toString(36);
  const { send } = await person(browser, `Archivist ${suffix}`);
  const id = await activeInitiative(send, `Finished circles ${suffix}`);
  const { page: visitor, send: visitorSends } = await person(browser, `Visitor ${suffix}`);
  await visit(visitor, `/initiatives/${id}`);
  await expect(visitor.locator('.ldn-initiative__job').getByRole('button', { name: 'Sign up' })).toBeVisible();

  for (const stage of ['evaluating', 'archived'])
    expect((await send('post', `/initiatives/${id}/stage`, { stage })).status()).toBe(200);
  await visit(visitor, `/initiatives/${id}`);
  await expect(visitor.locator('.ldn-initiative__badges')).toContainText('Status: Archived');
  await expect(visitor.getByRole('button', { name: 'Sign up' })).toHaveCount(0);
  await expect(visitor.getByRole('button', { name: 'Offer general help' })).toHaveCount(0);
  await expect(visitor.getByText(/open places?/)).toHaveCount(0);
  await expect(visitor.locator('#call')).toContainText('Sign-ups are taken only while the initiative is recruiting');
  await expect(visitor.locator('.ldn-initiative__job')).toContainText('0 of 2 places filled');
  const refused = await visitorSends('post', `/initiatives/${id}/signups`, {});
  expect(refused.status()).toBe(409);
  expect(((await refused.json()) as { detail: string }).detail).toContain('its status is “Archived”');

  // Anonymous visitors are not asked to log in to sign up either.
  const anonymous = await (await browser.newContext()).newPage();
  await anonymous.goto(`/initiatives/${id}`);
  await hydrated(anonymous);
  await expect(anonymous.getByRole('link', { name: 'Log in to sign up' })).toHaveCount(0);
});
