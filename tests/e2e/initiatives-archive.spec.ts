// The archive of past initiatives in the browser: search and filters with and without JavaScript, download
// links that carry the filters and answer CSV and JSON, a filter value that does not exist named on the page;
// axe on every page, Arabic (RTL) and a 360 px phone.
import { expect, test, type APIRequestContext } from '@playwright/test';
import { expectAccessible, visit, watchConsole } from './axe';
import { personPage } from './people';

async function call(request: APIRequestContext, csrf: string, method: 'post' | 'put', url: string, data: unknown) {
  const res = await request[method](url, { data, headers: { 'x-csrf-token': csrf } });
  expect(res.status(), `${method} ${url}: ${await res.text()}`).toBeLessThan(300);
  return res.json();
}

test('search and filter past initiatives, with and without JavaScript, and download what matches', async ({
  browser,
}) => {
  // Many pages, each checked with axe, on a machine shared with other work.
  test.setTimeout(180_000);
  const suffix = Date.now().toString(36);
  const word = `zarchive${suffix}`;
  const lead = await personPage(browser, `Archivist ${suffix}`);
  const api = lead.page.request;
  // One completed with an evaluation whose lessons hold the word; one discontinued with the word in its title.
  const done = await call(api, lead.csrf, 'post', '/api/v1/initiatives', {
    title: `Mentoring circles ${suffix}`,
    summary: 'Monthly circles.',
    regions: ['LAC'],
    languages: ['es'],
  });
  for (const stage of ['active', 'evaluating'])
    await call(api, lead.csrf, 'post', `/api/v1/initiatives/${done.id}/stage`, { stage });
  await call(api, lead.csrf, 'put', `/api/v1/initiatives/${done.id}/evaluation`, {
    outcomes: [{ goal: 'Train ten organizers', result: 'met' }],
    reached: [{ region: 'LAC', language: 'es', count: 12 }],
    lessons: `Short sessions kept people coming: ${word}.`,
    documentation: ['https://meta.wikimedia.org/wiki/Circles/Report'],
  });
  await call(api, lead.csrf, 'post', `/api/v1/initiatives/${done.id}/stage`, { stage: 'archived' });
  const stopped = await call(api, lead.csrf, 'post', '/api/v1/initiatives', {
    title: `Translation sprint ${word}`,
    summary: 'Two weeks.',
  });
  await call(api, lead.csrf, 'post', `/api/v1/initiatives/${stopped.id}/stage`, { stage: 'discontinued' });

  // With JavaScript: the form navigates in place.
  const page = lead.page;
  const problems = watchConsole(page);
  await visit(page, '/initiatives/archive');
  await expect(page.getByRole('heading', { level: 1, name: 'Archive of past initiatives' })).toBeVisible();
  await page.getByLabel('Search').fill(word);
  await page.getByRole('button', { name: 'Show' }).click();
  await page.waitForURL(new RegExp(`q=${word}`));
  const results = page.getByRole('list').filter({ has: page.getByRole('heading', { level: 3 }) });
  await expect(results.getByRole('heading', { level: 3 })).toHaveText([
    `Translation sprint ${word}`,
    `Mentoring circles ${suffix}`,
  ]);
  const card = page
    .getByRole('listitem')
    .filter({ has: page.getByRole('link', { name: `Mentoring circles ${suffix}` }) });
  await expect(card).toContainText('Every goal met');
  await expect(card).toContainText('People reached: 12');
  await expect(card.getByRole('link', { name: 'meta.wikimedia.org/wiki/Circles/Report' })).toHaveAttribute(
    'href',
    'https://meta.wikimedia.org/wiki/Circles/Report',
  );
  await expectAccessible(page);

  // The downloads carry the filters and answer CSV and JSON with what matches.
  const csvHref = await page.getByRole('link', { name: 'Download as CSV' }).getAttribute('href');
  const jsonHref = await page.getByRole('link', { name: 'Download as JSON' }).getAttribute('href');
  expect(csvHref).toBe(`/initiatives/archive.csv?q=${word}`);
  expect(jsonHref).toBe(`/initiatives/archive.json?q=${word}`);
  const csv = await api.get(csvHref!);
  expect(csv.status()).toBe(200);
  expect(csv.headers()['content-type']).toContain('text/csv');
  expect(csv.headers()['content-disposition']).toContain('attachment');
  // The same two as the search: one by its title, one by its lessons learned.
  expect(await csv.text()).toContain(`Translation sprint ${word}`);
  expect(await csv.text()).toContain(`Mentoring circles ${suffix}`);
  const json = await api.get(jsonHref!);
  expect(json.status()).toBe(200);
  expect(json.headers()['content-type']).toContain('application/json');
  expect(JSON.stringify(await json.json())).toContain(`Translation sprint ${word}`);

  // Without JavaScript the same form reloads the page with the filters in the address.
  const plain = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
  await plain.goto('/initiatives/archive');
  await plain.getByLabel('Search').fill(word);
  await plain.getByLabel('Outcome').selectOption('discontinued');
  await plain.getByRole('button', { name: 'Show' }).click();
  await plain.waitForURL(/outcome=discontinued/);
  await expect(plain.getByRole('link', { name: `Translation sprint ${word}` })).toBeVisible();
  await expect(plain.getByRole('link', { name: `Mentoring circles ${suffix}` })).toHaveCount(0);
  await expect(plain.getByLabel('Outcome')).toHaveValue('discontinued');
  const plainCsv = await plain.getByRole('link', { name: 'Download as CSV' }).getAttribute('href');
  expect(new URL(plainCsv!, 'http://x').searchParams.get('outcome')).toBe('discontinued');
  expect((await plain.request.get(plainCsv!)).status()).toBe(200);
  // axe runs in the page, so it checks the same address with JavaScript on.
  await visit(page, new URL(plain.url()).pathname + new URL(plain.url()).search);

  // A filter value that does not exist is left out and named, instead of failing the page.
  await plain.goto('/initiatives/archive?region=XX&outcome=great');
  await expect(plain.getByRole('status')).toContainText('Region, Outcome');
  await visit(page, '/initiatives/archive?region=XX&outcome=great');
  await expect(page.getByRole('status')).toContainText('Region, Outcome');

  // Arabic, right to left.
  await visit(page, `/initiatives/archive?uselang=ar&q=${word}`);
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.getByRole('link', { name: `Translation sprint ${word}` })).toBeVisible();

  // A 360 px phone: nothing wider than the screen.
  await page.setViewportSize({ width: 360, height: 740 });
  await visit(page, `/initiatives/archive?q=${word}`);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  expect(problems).toEqual([]);
});
