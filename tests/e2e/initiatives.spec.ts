// Initiatives in the browser: posting an idea (bad input named beside its field), opening a call, signing up,
// the lead accepting from the waiting list, checklists with guide links, comments; the board's counts and GET
// filters without JavaScript; axe on every page, Arabic (RTL) and a 360 px phone.
import { expect, test, type Browser, type Page } from '@playwright/test';
import { expectAccessible, hydrated, watchConsole } from './axe';

async function visit(page: Page, url: string) {
  await page.goto(url);
  await hydrated(page);
  await expectAccessible(page);
}

/** Opens a management form behind its button (a <details> disclosure). */
const manage = (page: Page, label: string) => page.locator('summary', { hasText: label }).click();

/** A new browser context signed up as a new person through the API (same cookies as the page). */
async function person(browser: Browser, name: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const session = await page.request.get('/api/v1/session');
  const { csrfToken } = (await session.json()) as { csrfToken: string };
  const res = await page.request.post('/api/v1/accounts', {
    data: { username: name, password: 'initiative password 1' },
    headers: { 'x-csrf-token': csrfToken },
  });
  expect(res.status()).toBe(201);
  const token = ((await res.json()) as { csrfToken: string }).csrfToken;
  return { page, token };
}

test('an idea becomes a call: sign up, accept from the waiting list, check the guide’s checklist, comment', async ({
  browser,
}) => {
  const suffix = Date.now().toString(36);
  const { page: lead, token } = await person(browser, `Lead ${suffix}`);
  const problems = watchConsole(lead);
  await visit(lead, '/initiatives');
  await expect(lead.getByRole('heading', { level: 1, name: 'Initiatives' })).toBeVisible();
  await lead.getByRole('link', { name: 'Start an initiative' }).click();
  await lead.waitForURL('**/initiatives/new');
  await hydrated(lead);
  await expectAccessible(lead);

  // A missing summary is named beside its field, and the title typed stays.
  const title = `Mentoring circles ${suffix}`;
  await lead.getByLabel('Title').fill(title);
  await lead.getByRole('button', { name: 'Post the idea' }).click();
  await expect(lead.getByText('This field is required.')).toBeVisible();
  await expect(lead.getByLabel('Title')).toHaveValue(title);
  await lead.getByLabel('Summary').fill('New organizers learn from **experienced** ones.');
  await lead.locator('#initiative-regions').selectOption('LAC');
  await lead.locator('#initiative-regions').press('Enter');
  await lead.locator('#initiative-skills').selectOption('mentoring');
  await lead.locator('#initiative-skills').press('Enter');
  await lead.getByRole('button', { name: 'Post the idea' }).click();
  await lead.waitForURL(/\/initiatives\/\d+$/);
  await expect(lead.getByRole('heading', { level: 1 })).toHaveText(title);
  const url = new URL(lead.url()).pathname;
  const id = url.split('/').pop()!;
  await expectAccessible(lead);
  // The lead links a group through the edit form.
  await lead.getByRole('link', { name: 'Change it' }).click();
  await lead.waitForURL(/\/edit$/);
  await hydrated(lead);
  await expectAccessible(lead);
  await lead.locator('#initiative-groups').selectOption({ index: 1 });
  await lead.locator('#initiative-groups').press('Enter');
  await lead.getByRole('button', { name: 'Save the changes' }).click();
  await lead.waitForURL(/\/initiatives\/\d+$/);
  await expect(lead.getByRole('term').filter({ hasText: 'Groups involved' })).toBeVisible();
  // Each phase links to its guide.
  await expect(lead.getByRole('link', { name: 'Guide to the Define phase' })).toHaveAttribute('href', '/guides/define');
  await lead.locator('#phase-evaluate summary').click();
  await expect(lead.getByRole('link', { name: 'Guide to the Evaluate phase' })).toHaveAttribute(
    'href',
    '/guides/evaluate',
  );

  // The lead opens a call through the form.
  await manage(lead, 'Open a call for collaborators');
  await lead.getByLabel('Goals').fill('Train ten new organizers');
  await lead.getByLabel('What is to be done').fill('Mentor');
  await lead.getByLabel('Description').fill('Meet a mentee every week.');
  await lead.getByLabel('People wanted').fill('1');
  await lead.getByLabel('Start', { exact: true }).fill('2090-01-10');
  await lead.getByLabel('End', { exact: true }).fill('2089-06-30');
  await lead.getByRole('button', { name: 'Save the call' }).click();
  await expect(lead.getByText('The end comes before the start.')).toBeVisible();
  await lead.getByLabel('End', { exact: true }).fill('2090-06-30');
  await lead.getByRole('button', { name: 'Save the call' }).click();
  await expect(lead.locator('#call').getByText('Open for sign-up')).toBeVisible();
  await expect(lead.locator('.ldn-initiative__badges')).toContainText('Status: Recruiting');
  await expectAccessible(lead);

  // Two people sign up for the one place; the second one joins the waiting list.
  const { page: helper } = await person(browser, `Helper ${suffix}`);
  const helperProblems = watchConsole(helper);
  await visit(helper, url);
  await helper.locator('.ldn-initiative__job').getByRole('button', { name: 'Sign up' }).click();
  await helper.getByLabel('Sign up for “Mentor”').fill('I mentored before.');
  await helper.getByRole('button', { name: 'Send' }).click();
  await expect(helper.getByText('Mentor: waiting for an answer')).toBeVisible();
  const { page: late } = await person(browser, `Late ${suffix}`);
  await late.request.post(`/api/v1/initiatives/${id}/jobs/${await firstJob(lead, id)}/signups`, {
    data: {},
    headers: {
      'x-csrf-token': ((await (await late.request.get('/api/v1/session')).json()) as { csrfToken: string }).csrfToken,
    },
  });

  // The lead accepts the first from the waiting list: the place fills and the call closes.
  await visit(lead, url);
  const waiting = lead.locator('.ldn-initiative__waiting > li');
  await expect(waiting).toHaveCount(2);
  await waiting
    .filter({ hasText: `Helper ${suffix}` })
    .getByRole('button', { name: 'Accept' })
    .click();
  await expect(lead.locator('.ldn-initiative__job')).toContainText('1 of 1 place filled');
  await expect(lead.locator('#call').getByText('Every place is filled.')).toBeVisible();
  await expect(waiting).toHaveCount(1);

  // A checklist item of the guide, checked by the lead, reads as done for others.
  const firstItem = lead.locator('#plan .ldn-initiative__checklist input[type=checkbox]').first();
  await firstItem.check();
  await expect(firstItem).toBeChecked();
  await expectAccessible(lead);

  // Comments sit under the initiative.
  await helper.reload();
  await hydrated(helper);
  await expect(helper.locator('.ldn-initiative__job')).toContainText(`Accepted: Helper ${suffix}`);
  await expect(helper.locator('#plan .ldn-initiative__checklist').first()).toContainText('☑');
  await helper.getByLabel('Your comment').fill(`Glad to join ${suffix}`);
  await helper.getByRole('button', { name: 'Post', exact: true }).click();
  await expect(helper.locator('.ldn-comment', { hasText: `Glad to join ${suffix}` })).toHaveCount(1);
  await expectAccessible(helper);

  // On a 360 px phone nothing is wider than the screen; in Arabic the page is right to left and passes axe.
  await helper.setViewportSize({ width: 360, height: 740 });
  await visit(helper, url);
  expect(await helper.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await visit(helper, `${url}?uselang=ar`);
  await expect(helper.locator('html')).toHaveAttribute('dir', 'rtl');
  expect(await helper.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  expect(problems.filter((p) => !p.includes('status of 400'))).toEqual([]);
  expect(helperProblems).toEqual([]);
  void token;
});

async function firstJob(page: Page, id: string): Promise<string> {
  const res = await page.request.get(`/api/v1/initiatives/${id}`);
  const [job] = ((await res.json()) as { callDetail: { jobs: { id: string }[] } }).callDetail.jobs;
  if (!job) throw new Error(`initiative ${id} has no job`);
  return job.id;
}

test('the board counts stages and filters with a plain GET form, without JavaScript too', async ({ browser }) => {
  const suffix = Date.now().toString(36);
  const { page, token } = await person(browser, `Board ${suffix}`);
  const post = (data: Record<string, unknown>) =>
    page.request.post('/api/v1/initiatives', { data, headers: { 'x-csrf-token': token } });
  const a = await post({
    title: `Circles in Lagos ${suffix}`,
    summary: 'Peer circles.',
    regions: ['SSA'],
    languages: ['yo'],
  });
  expect(a.status()).toBe(201);
  await post({ title: `Workshops in Lima ${suffix}`, summary: 'Workshops.', regions: ['LAC'], languages: ['es'] });
  await visit(page, '/initiatives');
  await expect(page.getByRole('navigation', { name: 'Initiatives by status' })).toContainText('Idea');
  await expect(page.getByRole('link', { name: `Circles in Lagos ${suffix}` })).toBeVisible();
  await page.getByLabel('Region').selectOption('SSA');
  await page.getByRole('button', { name: 'Show' }).click();
  await page.waitForURL(/region=SSA/);
  await expect(page.getByRole('link', { name: `Circles in Lagos ${suffix}` })).toBeVisible();
  await expect(page.getByRole('link', { name: `Workshops in Lima ${suffix}` })).toHaveCount(0);
  await expectAccessible(page);
  await visit(page, '/initiatives?matching=me');
  await expect(page.getByRole('heading', { level: 2, name: 'Open calls that match me' })).toBeVisible();
  await visit(page, '/initiatives/archive');
  await expect(page.getByRole('link', { name: 'Download as CSV' })).toBeVisible();

  // Without JavaScript the same form filters by reloading the page.
  const plain = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
  await plain.goto('/initiatives');
  await plain.getByLabel('Region').selectOption('LAC');
  await plain.getByLabel('Status', { exact: true }).selectOption('idea');
  await plain.getByRole('button', { name: 'Show' }).click();
  await plain.waitForURL(/region=LAC/);
  await expect(plain.getByRole('link', { name: `Workshops in Lima ${suffix}` })).toBeVisible();
  await expect(plain.getByRole('link', { name: `Circles in Lagos ${suffix}` })).toHaveCount(0);
  await plain.goto(`/initiatives?uselang=ar`);
  await expect(plain.locator('html')).toHaveAttribute('dir', 'rtl');
});

test('evaluating: the leads record outcomes and lessons, archive it, and it is found in the archive with its export', async ({
  browser,
}) => {
  const suffix = Date.now().toString(36);
  const { page, token } = await person(browser, `Evaluator ${suffix}`);
  const problems = watchConsole(page);
  const send = (method: 'post' | 'put', url: string, data: unknown) =>
    page.request[method](url, { data, headers: { 'x-csrf-token': token } });
  const title = `Facilitation workshops ${suffix}`;
  const created = await (
    await send('post', '/api/v1/initiatives', {
      title,
      summary: 'Workshops on facilitation.',
      regions: ['CEE'],
      languages: ['ru'],
    })
  ).json();
  for (const stage of ['active', 'evaluating'])
    expect((await send('post', `/api/v1/initiatives/${created.id}/stage`, { stage })).status()).toBe(200);
  await visit(page, `/initiatives/${created.id}`);
  await manage(page, 'Record the evaluation');
  await page.getByLabel('Goal', { exact: true }).fill('Train 40 facilitators');
  await page.getByLabel('Number of people').fill('31');
  await page.getByRole('button', { name: 'Save the evaluation' }).click();
  // Lessons are required: the field says so and what was typed stays.
  await expect(page.locator('#evaluation').getByText('This field is required.')).toBeVisible();
  await expect(page.getByLabel('Goal', { exact: true })).toHaveValue('Train 40 facilitators');
  await page.locator('#evaluation textarea[name=lessons]').fill('Short sessions work **better**.');
  await page.getByRole('button', { name: 'Save the evaluation' }).click();
  await expect(page.getByRole('heading', { name: '31 people reached' })).toBeVisible();
  await expect(page.locator('#evaluation strong').first()).toHaveText('Goal met');
  await expectAccessible(page);
  await manage(page, 'Change the status');
  await page.getByRole('button', { name: 'Set the status to “Archived”' }).click();
  await expect(page.locator('.ldn-initiative__badges')).toContainText('Status: Archived');

  await visit(page, `/initiatives/archive?q=${encodeURIComponent(title)}`);
  await expect(page.getByRole('link', { name: title })).toBeVisible();
  const wikitext = await page.request.get(`/initiatives/${created.id}/export.wikitext`);
  expect(wikitext.status()).toBe(200);
  expect(await wikitext.text()).toContain('== Evaluation ==');
  const csv = await page.request.get(`/initiatives/archive.csv?q=${encodeURIComponent(title)}`);
  expect((await csv.text()).split('\r\n')[1]).toContain(`"${title}"`);
  expect(problems.filter((p) => !p.includes('status of 400'))).toEqual([]);
});
