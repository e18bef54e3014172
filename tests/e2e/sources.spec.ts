// Sources in the browser: a member adds a source by its DOI (an unknown DOI said plainly; the lookup answered by
// the local DOI stand-in), finds the lookup naming it once it exists, reviews it and sees the spread of
// judgements and usefulness; a second reviewer's judgement joins the spread; the search finds it without
// JavaScript; axe in English and Arabic (RTL), and nothing wider than a 360 px phone.
import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, hydrated, visit, watchConsole } from './axe';
import { E2E_DOI, E2E_DOI_TITLE } from './doi-standin';
import { personPage } from './people';

test.describe.configure({ mode: 'serial' });

const suffix = Date.now().toString(36);
let sourcePath = '';

async function fitsPhone(page: Page, path: string) {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow, `${path} is wider than the screen`).toBeLessThanOrEqual(0);
}

test('a source is added by its DOI and reviewed', async ({ browser }) => {
  const { page } = await personPage(browser, `Reader ${suffix}`);
  const problems = watchConsole(page);
  await visit(page, '/sources');
  await expect(page.getByRole('heading', { level: 1, name: 'Sources' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Import a file' })).toHaveAttribute('href', '/sources/import');
  await page.getByRole('link', { name: 'Add a source' }).click();
  await page.waitForURL('**/sources/new');
  await hydrated(page);
  await expectAccessible(page);

  // An unknown DOI is said plainly; the known one fills the form.
  const identifier = page.getByLabel('DOI, ISBN or Wikidata id');
  await identifier.fill('10.5555/nothing-here');
  await page.getByRole('button', { name: 'Look it up' }).click();
  await expect(page.getByText('Nothing was found for this identifier.')).toBeVisible();
  await identifier.fill(E2E_DOI);
  await page.getByRole('button', { name: 'Look it up' }).click();
  await expect(page.getByText('Found: check the form below, then add the source.')).toBeVisible();
  await expect(page.getByLabel('Title', { exact: true })).toHaveValue(E2E_DOI_TITLE);
  await expect(page.locator('input[name="doi"]')).toHaveValue(E2E_DOI);
  await expectAccessible(page);
  await page.locator('#source-access').selectOption('paywalled');
  // Browsing the skills with the arrow keys adds none; Enter adds the one chosen.
  const skills = page.locator('#source-skills');
  await skills.focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(skills).not.toHaveValue('');
  await expect(page.locator('.ldn-choice-picker__chip')).toHaveCount(0);
  await skills.selectOption('facilitation');
  await skills.press('Enter');
  await expect(page.locator('.ldn-choice-picker__chip')).toHaveCount(1);
  await page.getByRole('button', { name: 'Add the source' }).click();
  await page.waitForURL(/\/sources\/\d+$/);
  await hydrated(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(E2E_DOI_TITLE);
  sourcePath = new URL(page.url()).pathname;
  await expect(page.getByRole('link', { name: E2E_DOI, exact: true })).toHaveAttribute(
    'href',
    `https://doi.org/${E2E_DOI}`,
  );
  await expect(page.getByText('Okafor, Ngozi; Lindqvist, Åsa').first()).toBeVisible();
  await expect(page.getByLabel('Wiki template')).toHaveValue(/\{\{cite/);
  await expectAccessible(page);

  // My review: judgement, reasons, use and usefulness; the spread counts it.
  await page.getByRole('radio', { name: 'Reliable', exact: true }).check();
  await page.getByLabel('Why').fill('Careful fieldwork across **twelve** communities.');
  await page.getByLabel('How I used it or mean to').fill('A reading for our organizers’ training.');
  await page.getByLabel('For whom').fill('New organizers');
  await page.getByRole('radio', { name: '4 – very useful' }).check();
  await page.getByRole('button', { name: 'Publish my review' }).click();
  await expect(page.getByText('Your review is saved.')).toBeVisible();
  await expect(page.getByText('One review').first()).toBeVisible();
  const judgements = page.getByRole('list', { name: 'Judgements' });
  await expect(judgements.locator('li', { hasText: /^Reliable/ })).toContainText('1');
  await expect(judgements.locator('li', { hasText: /^Unreliable/ })).toContainText('0');
  const usefulness = page.getByRole('list', { name: 'Usefulness' });
  await expect(usefulness.locator('li', { hasText: '4 – very useful' })).toContainText('1');
  await expect(page.locator('.ldn-review').first()).toContainText('Careful fieldwork across twelve communities.');
  await expectAccessible(page);

  // Looking the DOI up again names the source that exists.
  await visit(page, '/sources/new');
  await page.getByLabel('DOI, ISBN or Wikidata id').fill(E2E_DOI);
  await page.getByRole('button', { name: 'Look it up' }).click();
  await expect(page.getByText('This source exists already:')).toBeVisible();
  await expect(page.locator('.ldn-source-duplicates').getByRole('link', { name: E2E_DOI_TITLE })).toHaveAttribute(
    'href',
    sourcePath,
  );
  // The unknown DOI's lookup answered 404, which the browser reports as a failed resource: that one is expected.
  expect(problems.filter((p) => !/status of 404/.test(p))).toEqual([]);
});

test('a second review joins the spread, in Arabic, on a phone', async ({ browser }) => {
  const { page } = await personPage(browser, `Critic ${suffix}`);
  const problems = watchConsole(page);
  await page.setViewportSize({ width: 360, height: 740 });
  await visit(page, `${sourcePath}?uselang=ar`);
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.getByRole('heading', { level: 2, name: 'المراجعات' })).toBeVisible();
  await fitsPhone(page, sourcePath);
  await page.getByRole('radio', { name: 'متفاوت', exact: true }).check();
  await page.getByLabel('لماذا').fill('عينة صغيرة.');
  await page.getByLabel('كيف استخدمته أو أنوي استخدامه').fill('للمقارنة فقط.');
  await page.getByRole('radio', { name: '2 – مفيد قليلًا' }).check();
  await page.getByRole('button', { name: 'انشر مراجعتي' }).click();
  await expect(page.getByText('حُفظت مراجعتك.')).toBeVisible();
  const judgements = page.getByRole('list', { name: 'الأحكام' });
  await expect(judgements.locator('li', { hasText: /^موثوق/ })).toContainText('1');
  await expect(judgements.locator('li', { hasText: /^متفاوت/ })).toContainText('1');
  await expect(page.locator('.ldn-review')).toHaveCount(2);
  await expectAccessible(page);
  await fitsPhone(page, sourcePath);
  for (const path of ['/sources?uselang=ar', '/sources/new?uselang=ar', `${sourcePath}/history?uselang=ar`]) {
    await visit(page, path);
    await fitsPhone(page, path);
  }
  expect(problems).toEqual([]);
});

test('the search finds it without JavaScript', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/sources');
  await page.locator('#sources-q').fill('volunteer communities');
  await page.locator('#sources-filter-access').selectOption('paywalled');
  await page.getByRole('button', { name: 'Search' }).click();
  await page.waitForURL(/q=volunteer/);
  const link = page.getByRole('link', { name: E2E_DOI_TITLE });
  await expect(link).toBeVisible();
  await expect(link).toHaveAttribute('href', sourcePath);
  await expect(page.getByRole('link', { name: 'BibTeX' })).toHaveAttribute(
    'href',
    /^\/sources\/export\.bib\?q=volunteer\+communities&access=paywalled$/,
  );
  await page.goto('/sources?q=volunteer+communities&judgement=unreliable');
  await expect(page.getByRole('link', { name: E2E_DOI_TITLE })).toHaveCount(0);
  await page.goto('/sources?q=volunteer+communities&uselang=ar');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.getByRole('link', { name: E2E_DOI_TITLE })).toBeVisible();
  // The source's page reads without JavaScript: the citation is there to copy from its text area.
  await page.goto(`${sourcePath}?uselang=en`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(E2E_DOI_TITLE);
  await expect(page.getByLabel('Citation')).toHaveValue(/Facilitating Volunteer Communities/);
  await context.close();
});
