// Sources in the browser, for the import, reading lists and initiatives' pages: a BibTeX file with a source
// already in the database, an entry twice in the file and a broken entry is uploaded, read with progress,
// previewed, its choices fixed and committed; a reading list gets two sources, is reordered, noted and
// downloaded; an initiative's lead links a source with a note, which reads without JavaScript. Axe on every
// page, in English and in Arabic (right to left) at 360 px.
import fs from 'node:fs';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { expectAccessible, hydrated, visit, watchConsole } from './axe';
import { personPage } from './people';

async function call(request: APIRequestContext, csrf: string, method: 'post' | 'put', url: string, data: unknown) {
  const res = await request[method](url, { data, headers: { 'x-csrf-token': csrf } });
  expect(res.status(), `${method} ${url}: ${await res.text()}`).toBeLessThan(300);
  return res.json();
}

async function fitsPhone(page: Page) {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow, `horizontal scroll on ${page.url()}`).toBeLessThanOrEqual(0);
}

const bibtex = (suffix: string, doi: string) => `
@book{existing,
  title = {Facilitation that works ${suffix}},
  author = {Okafor, Ngozi},
  year = {2019},
  doi = {${doi}}
}

@article{fresh,
  title = {Meetings where everyone speaks ${suffix}},
  author = {M{\\"u}ller, J{\\"o}rg and {World Health Organization}},
  journal = {Community Journal},
  year = {2021}
}

@article{again,
  title = {Meetings where everyone speaks ${suffix}},
  author = {M{\\"u}ller, J{\\"o}rg and {World Health Organization}},
  journal = {Community Journal},
  year = {2021}
}

@book{broken,
  title = {A book with a wrong number ${suffix}},
  author = {Rao, Priya},
  isbn = {978-0-306-40615-6}
}
`;

test('import a BibTeX file, make a reading list of its sources and link one from an initiative', async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const suffix = Date.now().toString(36);
  const word = `zsrc${suffix}`;
  const doi = `10.5555/e2e-${suffix}`;
  const me = await personPage(browser, `Librarian ${suffix}`);
  const page = me.page;
  const problems = watchConsole(page);
  // A source already in the database, with the DOI of the file's first entry.
  const existing = (await call(page.request, me.csrf, 'post', '/api/v1/sources', {
    kind: 'book',
    title: `Facilitation that works ${word}`,
    authors: [{ family: 'Okafor', given: 'Ngozi' }],
    year: 2019,
    languages: ['en'],
    identifiers: { doi },
    access: 'open',
    skills: [],
  })) as { id: string };

  // The upload page: a file of another kind and one over the limit are refused before anything is sent.
  await visit(page, '/sources/import');
  await expect(page.getByRole('heading', { level: 1, name: 'Import sources from a file' })).toBeVisible();
  const file = page.getByLabel('File');
  await file.setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('hello') });
  await expect(page.getByText('Choose a BibTeX (.bib), RIS (.ris) or CSL-JSON (.json) file')).toBeVisible();
  await file.setInputFiles({
    name: 'huge.bib',
    mimeType: 'application/x-bibtex',
    buffer: Buffer.alloc(10 * 1024 * 1024 + 1, 0x20),
  });
  await page.getByRole('button', { name: 'Upload and read it' }).click();
  await expect(page.getByText('This file is too large: an import may be at most 10 MiB.')).toBeVisible();

  // The file: read, then previewed.
  await file.setInputFiles({
    name: 'library.bib',
    mimeType: 'application/x-bibtex',
    buffer: Buffer.from(bibtex(word, doi)),
  });
  await page.getByRole('button', { name: 'Upload and read it' }).click();
  await page.waitForURL(/\/sources\/import\/\d+$/);
  await hydrated(page);
  await expect(page.getByRole('heading', { level: 2, name: 'The 4 entries in the file' })).toBeVisible({
    timeout: 30_000,
  });
  await expectAccessible(page);
  const card = (title: string) => page.locator('.ldn-import-entry').filter({ hasText: title });
  const known = card(`Facilitation that works ${word}`);
  const cards = page.locator('.ldn-import-entry').filter({ hasText: `Meetings where everyone speaks ${word}` });
  const broken = card(`A book with a wrong number ${word}`);
  await expect(cards).toHaveCount(2);
  // The one in the database is named with a link; the broken one says what is wrong and can only be skipped.
  await expect(known.getByRole('link', { name: `Facilitation that works ${word}` })).toHaveAttribute(
    'href',
    `/sources/${existing.id}`,
  );
  await expect(known).toContainText('same DOI');
  await expect(cards.nth(1)).toContainText(/entry \d+ in this file/);
  await expect(broken).toContainText('This is not a valid ISBN');
  await expect(broken.getByRole('combobox')).toHaveValue('skip');
  await expect(broken.locator('option[value="add"]')).toBeDisabled();
  await expect(cards.first()).toContainText('Müller, Jörg; World Health Organization');

  // Fixing the choices: merge the known one, skip the second copy, add the first.
  // The title in the choice is set apart (Unicode isolates) so that its quotes stay in place in Arabic.
  await expect(known.locator(`option[value="merge:${existing.id}"]`)).toHaveText(
    `Merge into “\u2068Facilitation that works ${word}\u2069”`,
  );
  await known.getByRole('combobox').selectOption(`merge:${existing.id}`);
  await cards.first().getByRole('combobox').selectOption('add');
  await cards.nth(1).getByRole('combobox').selectOption('skip');
  await expect(page.getByText('1 to add · 2 to skip · 1 to merge')).toBeVisible();
  // The choices are kept: read again, the page shows them.
  await page.reload();
  await hydrated(page);
  await expect(known.getByRole('combobox')).toHaveValue(`merge:${existing.id}`);
  await expect(cards.nth(1).getByRole('combobox')).toHaveValue('skip');

  await page.getByRole('button', { name: 'Commit the import' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Import done' })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText('One source added')).toBeVisible();
  await expect(page.getByText('One entry merged into an existing source')).toBeVisible();
  await expect(page.getByText('2 entries skipped')).toBeVisible();
  await expectAccessible(page);
  const importPath = new URL(page.url()).pathname;
  const opened = await cards.first().getByRole('link', { name: 'Open the source' }).getAttribute('href');
  const created = /\/sources\/(\d+)$/.exec(opened ?? '')?.[1];
  expect(created, 'the new source').toBeTruthy();
  const found = (await (await page.request.get(`/api/v1/sources?q=${word}`)).json()) as { items: { id: string }[] };
  expect(found.items.map((s) => s.id).sort()).toEqual([existing.id, created].sort());

  // A reading list with both sources: the new one first, with a note; then downloaded.
  await visit(page, '/reading-lists/new');
  await page.getByLabel('Title').fill(`Starting out ${word}`);
  await page.getByLabel('Description').fill('For **new** organizers.');
  await page.getByRole('button', { name: 'Make the list' }).click();
  await page.waitForURL(/\/reading-lists\/\d+$/);
  await hydrated(page);
  const listPath = new URL(page.url()).pathname;
  await page.getByRole('button', { name: 'Edit the list' }).click();
  await page.getByLabel('Find a source').fill(word);
  await page.getByRole('button', { name: 'Search' }).click();
  await page.getByRole('button', { name: `Add: Facilitation that works ${word}` }).click();
  await page.getByRole('button', { name: `Add: Meetings where everyone speaks ${word}` }).click();
  await page.getByRole('button', { name: `Move up: Meetings where everyone speaks ${word}` }).click();
  await page
    .getByLabel(new RegExp(`^Note on “.Meetings where everyone speaks ${word}.”$`))
    .fill('Read this one *first*.');
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('button', { name: 'Edit the list' })).toBeVisible();
  const items = page.locator('.ldn-reading-list__item');
  await expect(items.locator('.ldn-reading-list__title')).toHaveText([
    `Meetings where everyone speaks ${word}`,
    `Facilitation that works ${word}`,
  ]);
  await expect(items.first().locator('em')).toHaveText('first');
  await expect(page.locator('.ldn-prose strong')).toHaveText('new');
  await page.getByRole('button', { name: 'Follow' }).click();
  await expect(page.getByRole('button', { name: 'Unfollow' })).toBeVisible();
  await expectAccessible(page);
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'BibTeX file (.bib)' }).click();
  const bib = fs.readFileSync(await (await download).path(), 'utf8');
  expect(bib).toContain(`Meetings where everyone speaks ${word}`);
  expect(bib).toContain(`Facilitation that works ${word}`);
  expect(bib.indexOf('Meetings where')).toBeLessThan(bib.indexOf('Facilitation that'));
  const ris = await page.request.get(`${listPath}/export.ris`);
  expect(ris.status()).toBe(200);
  expect(await ris.text()).toContain(`TI  - Facilitation that works ${word}`);
  const csl = (await (await page.request.get(`${listPath}/export.json`)).json()) as { title: string }[];
  expect(csl.map((c) => c.title)).toEqual([
    `Meetings where everyone speaks ${word}`,
    `Facilitation that works ${word}`,
  ]);
  // The person's page lists it.
  await visit(page, `/people/Librarian_${suffix}`);
  await expect(page.getByRole('link', { name: `Starting out ${word}` })).toHaveAttribute('href', listPath);

  // An initiative's lead links a source with a note.
  const initiative = (await call(page.request, me.csrf, 'post', '/api/v1/initiatives', {
    title: `Reading circle ${word}`,
    summary: 'Monthly readings.',
  })) as { id: string };
  await visit(page, `/initiatives/${initiative.id}`);
  const section = page.locator('#sources');
  await expect(section).toContainText('No sources recorded yet.');
  await section.locator('summary', { hasText: 'Add a source' }).click();
  await section.getByLabel('Find a source').fill(word);
  await section.getByRole('button', { name: 'Search' }).click();
  await section.getByRole('button', { name: `Choose: Facilitation that works ${word}` }).click();
  await section.getByLabel('Note').fill('We followed its third chapter.');
  await section.getByRole('button', { name: 'Add to the initiative' }).click();
  await expect(section.getByRole('link', { name: `Facilitation that works ${word}` })).toBeVisible();
  await expect(section).toContainText('We followed its third chapter.');
  await expectAccessible(page);

  // In Arabic, right to left, at 360 px: the import, the list and the initiative.
  await page.setViewportSize({ width: 360, height: 740 });
  for (const path of [importPath, '/sources/import', listPath, `/initiatives/${initiative.id}`]) {
    await visit(page, `${path}?uselang=ar`);
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    await fitsPhone(page);
  }
  await visit(page, `${listPath}?uselang=ar`);
  await page.getByRole('button', { name: 'حرّر القائمة' }).click();
  await expectAccessible(page);
  await fitsPhone(page);
  expect(problems).toEqual([]);

  // Without JavaScript, anyone reads the list and the initiative's sources.
  const context = await browser.newContext({ javaScriptEnabled: false });
  const reader = await context.newPage();
  await reader.goto(listPath);
  await expect(reader.getByRole('link', { name: `Meetings where everyone speaks ${word}` })).toBeVisible();
  await expect(reader.getByText('Read this one')).toBeVisible();
  await reader.goto(`/initiatives/${initiative.id}?uselang=ar`);
  await expect(reader.getByRole('link', { name: `Facilitation that works ${word}` })).toBeVisible();
  await expect(reader.getByText('We followed its third chapter.')).toBeVisible();
  await context.close();
});

test('an import refused as too large by the server, and a commit already under way, are said plainly', async ({
  browser,
}) => {
  const suffix = Date.now().toString(36);
  const me = await personPage(browser, `Cataloguer ${suffix}`);
  const page = me.page;
  await visit(page, '/sources/import?uselang=ar');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await visit(page, '/sources/import');
  const file = {
    name: 'one.ris',
    mimeType: 'application/x-research-info-systems',
    buffer: Buffer.from(`TY  - BOOK\nTI  - One book ${suffix}\nAU  - Rao, Priya\nPY  - 2020\nER  - \n`),
  };
  // The server's 413 (a proxy's limit, say) reads as the size message too.
  await page.route('**/api/v1/source-imports', (route) =>
    route.fulfill({ status: 413, contentType: 'application/problem+json', body: '{"title":"Too large","status":413}' }),
  );
  await page.getByLabel('File').setInputFiles(file);
  await page.getByRole('button', { name: 'Upload and read it' }).click();
  await expect(page.getByText('This file is too large: an import may be at most 10 MiB.')).toBeVisible();
  await page.unroute('**/api/v1/source-imports');
  await page.getByRole('button', { name: 'Upload and read it' }).click();
  await page.waitForURL(/\/sources\/import\/\d+$/);
  await hydrated(page);
  await expect(page.getByRole('heading', { level: 2, name: 'The entry in the file' })).toBeVisible({
    timeout: 30_000,
  });
  // Someone (another tab) committed it first: the answer is a 409.
  await page.route('**/api/v1/source-imports/*/commit', (route) =>
    route.fulfill({ status: 409, contentType: 'application/problem+json', body: '{"title":"Conflict","status":409}' }),
  );
  await page.getByRole('button', { name: 'Commit the import' }).click();
  await expect(page.getByText('This import is already being committed.')).toBeVisible();
  await expectAccessible(page);
});
