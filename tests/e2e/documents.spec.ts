// Documents in the browser, in English and Arabic with axe on every page: an admin edits a unit of the English
// source, the Arabic translation of that unit shows as outdated (and an untranslated unit falls back to English,
// lang="en" dir="ltr"), a translator sees the source's diff and catches up; a group's coordinator reviews an
// upstream change in the group's adaptation; an amendment gets positions, is accepted and shows in the history.
import { expect, test, type Browser, type Page } from '@playwright/test';
import { expectAccessible, hydrated, visit, watchConsole } from './axe';
import { e2eAdmin } from './env';
import { personPage, type E2ePerson } from './people';

const suffix = `${Date.now().toString(36)}${Math.floor(Math.random() * 1000)}`;
const SOURCE = [
  '<!--T:1-->\n## Why leadership matters',
  '<!--T:2-->\nLeaders in our movement help others grow.',
  '<!--T:3-->\nEvery community chooses how it develops its leaders.',
  '<!--T:4-->\nThis plan is reviewed every year.',
].join('\n\n');
const ARABIC: Record<number, string> = {
  0: 'تعريف تجريبي للقيادة',
  1: '## لماذا تهم القيادة',
  2: 'يساعد القادة في حركتنا الآخرين على النمو.',
  3: 'يختار كل مجتمع كيف يطوّر قادته.',
};

async function fitsPhone(page: Page) {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow, `${page.url()} is wider than the screen`).toBeLessThanOrEqual(0);
}

/** A JSON API call made with the person's session; answers the body, after checking the status. */
async function call<T>(who: E2ePerson, method: string, path: string, data?: unknown, status = 200): Promise<T> {
  const res = await who.page.request.fetch(`/api/v1${path}`, {
    method,
    data,
    headers: { 'x-csrf-token': who.csrf },
  });
  expect(res.status(), `${method} ${path}: ${await res.text()}`).toBe(status);
  return (res.status() === 204 ? null : await res.json()) as T;
}

async function admin(browser: Browser) {
  return personPage(browser, e2eAdmin.username, e2eAdmin.password);
}

/** A new document with its Arabic translation of every unit but T:4; answers its slug. */
async function documentWithArabic(browser: Browser, name: string): Promise<{ slug: string; boss: E2ePerson }> {
  const boss = await admin(browser);
  const slug = `e2e-${name}-${suffix}`;
  await call(
    boss,
    'POST',
    '/documents',
    { slug, title: `Test definition ${name}`, markdown: SOURCE, summary: 'First text' },
    201,
  );
  const translator = await personPage(browser, `Arabic Translator ${name} ${suffix}`);
  for (const [unit, text] of Object.entries(ARABIC))
    await call(translator, 'PUT', `/documents/${slug}/units/${unit}/translations/ar`, { text, baseRevision: 0 });
  await translator.page.context().close();
  return { slug, boss };
}

test('an admin edits a unit; the Arabic unit shows outdated until a translator catches up', async ({ browser }) => {
  const { slug, boss } = await documentWithArabic(browser, 'edit');
  const page = boss.page;
  const problems = watchConsole(page);

  // The list shows the Arabic bar: 4 of 5 units translated.
  await visit(page, '/documents');
  const item = page.locator('.ldn-card').filter({ hasText: `Test definition edit` });
  await expect(item.getByText('80% translated, 0 outdated')).toBeVisible();

  // The admin edits T:2 of the English source.
  await visit(page, `/documents/${slug}?lang=en`);
  await page.getByRole('link', { name: 'Edit the English source' }).click();
  await page.waitForURL(new RegExp(`/documents/${slug}/edit$`));
  await hydrated(page);
  await expectAccessible(page);
  const unit = page.locator('#unit-2');
  await unit.getByRole('button', { name: 'Edit' }).click();
  await unit.getByLabel('Text of T:2 (Markdown)').fill('Leaders in our movement help many others grow and lead.');
  await unit.getByLabel('Summary of the change').fill('Say more about what leaders do');
  await unit.getByRole('button', { name: 'Save unit' }).click();
  await expect(page.getByText('Unit saved.')).toBeVisible();
  await expect(unit).toContainText('help many others grow and lead');

  // Readers of Arabic see T:2 marked outdated, T:4 in English (its own lang and dir), the rest in Arabic.
  await visit(page, `/documents/${slug}?lang=ar&uselang=ar`);
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.locator('#unit-2')).toHaveClass(/ldn-unit--outdated/);
  await expect(page.locator('#unit-2')).toContainText('ترجمة قديمة');
  const fallback = page.locator('#unit-4 .ldn-unit__text');
  await expect(fallback).toHaveAttribute('lang', 'en');
  await expect(fallback).toHaveAttribute('dir', 'ltr');
  await expect(page.locator('#unit-3 .ldn-unit__text')).toHaveAttribute('dir', 'rtl');
  await page.setViewportSize({ width: 360, height: 740 });
  await fitsPhone(page);
  await page.setViewportSize({ width: 1280, height: 720 });

  // The translator sees what changed in English and fixes the translation.
  const translator = await personPage(browser, `Arabic Fixer ${suffix}`);
  const tp = translator.page;
  const tProblems = watchConsole(tp);
  await visit(tp, `/documents/${slug}/translate/ar`);
  const row = tp.locator('.ldn-tr-unit').filter({ hasText: 'T:2' });
  await expect(row.getByText('Outdated', { exact: true })).toBeVisible();
  await expect(row.locator('.ldn-diff ins').first()).toContainText('many');
  await expect(row.locator('textarea')).toHaveAttribute('dir', 'rtl');
  await row.locator('textarea').fill('يساعد القادة في حركتنا كثيرين غيرهم على النمو والقيادة.');
  await row.getByRole('button', { name: 'Save translation' }).click();
  await expect(row.getByText('Saved.')).toBeVisible();
  await expect(row.getByText('Translated', { exact: true })).toBeVisible();
  await expectAccessible(tp);

  // Someone else saves T:3 while the translator's page is open: the translator's save meets both texts.
  const other = await personPage(browser, `Other Translator ${suffix}`);
  await call(other, 'PUT', `/documents/${slug}/units/3/translations/ar`, {
    text: 'يختار كل مجتمع بنفسه كيف يطوّر قادته.',
    baseRevision: 1,
  });
  const row3 = tp.locator('.ldn-tr-unit').filter({ hasText: 'T:3' });
  await row3.locator('textarea').fill('نص آخر للوحدة الثالثة.');
  await row3.getByRole('button', { name: 'Save translation' }).click();
  await expect(row3.getByRole('alert')).toContainText(`Other Translator ${suffix}`);
  await expect(row3.locator('.ldn-tr-unit__theirs')).toHaveText('يختار كل مجتمع بنفسه كيف يطوّر قادته.');
  await expectAccessible(tp);
  await row3.getByRole('button', { name: 'Use their text' }).click();
  await expect(row3.locator('textarea')).toHaveValue('يختار كل مجتمع بنفسه كيف يطوّر قادته.');

  // Another person proofreads the fixed unit; its translator may not.
  await expect(row.getByRole('button', { name: 'Mark as proofread' })).toHaveCount(0);
  const op = other.page;
  await visit(op, `/documents/${slug}/translate/ar`);
  const otherRow = op.locator('.ldn-tr-unit').filter({ hasText: 'T:2' });
  await otherRow.getByRole('button', { name: 'Mark as proofread' }).click();
  await expect(otherRow.getByText('Proofread', { exact: true })).toBeVisible();

  await visit(tp, `/documents/${slug}?lang=ar&uselang=ar`);
  await expect(tp.locator('#unit-2')).not.toHaveClass(/ldn-unit--outdated/);
  await expect(tp.locator('#unit-2')).not.toHaveClass(/ldn-unit--unproofread/);
  await expect(tp.locator('#unit-2 .ldn-unit__text')).toHaveAttribute('lang', 'ar');
  // The browser logs the conflict's 409 as a failed resource: that one is expected.
  expect([...problems, ...tProblems].filter((p) => !p.includes('status of 409'))).toEqual([]);
});

test('a coordinator reviews an upstream change in the group’s adaptation', async ({ browser }) => {
  const { slug, boss } = await documentWithArabic(browser, 'adapt');
  const coordinator = await personPage(browser, `Coordinator ${suffix}`);
  const group = await call<{ slug: string }>(
    coordinator,
    'POST',
    '/communities',
    { name: `Adapters ${suffix}`, kind: 'user_group', region: 'MENA' },
    201,
  );
  const adaptation = await call<{ id: string }>(
    coordinator,
    'POST',
    `/documents/${slug}/adaptations`,
    { community: group.slug, language: 'ar', from: 'translation' },
    201,
  );
  const doc = await call<{ revision: number }>(boss, 'GET', `/documents/${slug}?lang=en`);
  await call(boss, 'PUT', `/documents/${slug}/units/3`, {
    text: 'Every community chooses, with care, how it develops its leaders.',
    baseRevision: doc.revision,
  });
  // The Arabic translation catches up, so the adaptation's base (the translation) changed upstream.
  await call(boss, 'PUT', `/documents/${slug}/units/3/translations/ar`, {
    text: 'يختار كل مجتمع، بعناية، كيف يطوّر قادته.',
    baseRevision: 1,
  });

  const page = coordinator.page;
  const problems = watchConsole(page);
  await visit(page, `/adaptations/${adaptation.id}?uselang=ar`);
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await visit(page, `/adaptations/${adaptation.id}`);
  await expect(page.getByText(/One unit changed in the base since last reviewed/)).toBeVisible();
  // Each unit's text carries its own language: Arabic from the translation, English where the base has none (T:4).
  await expect(page.locator('#unit-2 .ldn-adapted__text')).toHaveAttribute('lang', 'ar');
  await expect(page.locator('#unit-2 .ldn-adapted__text')).toHaveAttribute('dir', 'rtl');
  await expect(page.locator('#unit-4 .ldn-adapted__text')).toHaveAttribute('lang', 'en');
  await expect(page.locator('#unit-4 .ldn-adapted__text')).toHaveAttribute('dir', 'ltr');
  const unit = page.locator('#unit-3');
  await expect(unit.locator('.ldn-diff ins').first()).toContainText('بعناية');
  await unit.getByRole('button', { name: 'Take the new base' }).click();
  await expect(page.getByText('Reviewed.')).toBeVisible();
  await expect(unit.locator('.ldn-adapted__upstream')).toHaveCount(0);
  await expect(unit.locator('.ldn-adapted__text')).toContainText('بعناية');
  await expectAccessible(page);
  expect(problems).toEqual([]);
});

test('a reader follows the Arabic translation and hears when a source change outdates it', async ({ browser }) => {
  const { slug, boss } = await documentWithArabic(browser, 'follow');
  const reader = await personPage(browser, `Arabic Reader ${suffix}`);
  const page = reader.page;
  const problems = watchConsole(page);
  await visit(page, `/documents/${slug}?lang=ar`);
  await hydrated(page);
  const language = page.locator('.ldn-document__follow-language');
  await expect(language).toContainText('Its Arabic translation:');
  await language.getByRole('button', { name: 'Follow' }).click();
  await expect(language.getByRole('button', { name: 'Unfollow' })).toBeVisible();
  await expectAccessible(page);

  const doc = await call<{ revision: number }>(boss, 'GET', `/documents/${slug}?lang=en`);
  await call(boss, 'PUT', `/documents/${slug}/units/2`, {
    text: 'Leaders in our movement help others grow and learn.',
    baseRevision: doc.revision,
  });
  const told = await call<{ items: { kind: string }[] }>(reader, 'GET', '/notifications');
  expect(told.items.map((n) => n.kind)).toContain('translation_outdated');
  expect(problems).toEqual([]);
});

test('an amendment gets positions, is accepted and shows in the history', async ({ browser }) => {
  const { slug, boss } = await documentWithArabic(browser, 'amend');
  const author = await personPage(browser, `Amender ${suffix}`);
  const page = author.page;
  const problems = watchConsole(page);
  await visit(page, `/documents/${slug}/amendments`);
  await page.getByLabel('Unit to change').selectOption('4');
  await page.getByLabel('Proposed text (Markdown)').fill('This plan is reviewed every year by the whole network.');
  await page.getByLabel('Why this change?').fill('Say who reviews it.');
  await page.getByRole('button', { name: 'Propose', exact: true }).click();
  await page.waitForURL(/\/amendments\/\d+$/);
  await hydrated(page);
  await expect(page.locator('.ldn-diff ins')).toContainText('by the whole network');
  await expectAccessible(page);
  const id = new URL(page.url()).pathname.split('/').pop()!;

  // Two others take positions: one in Arabic through the page, with a comment for the thread; one by the API.
  const supporter = await personPage(browser, `Supporter ${suffix}`);
  const sp = supporter.page;
  const sProblems = watchConsole(sp);
  await visit(sp, `/amendments/${id}?uselang=ar`);
  await expect(sp.locator('html')).toHaveAttribute('dir', 'rtl');
  await sp.getByRole('radio', { name: 'تأييد' }).check();
  await sp.getByLabel('تعليق (اختياري، يُنشر في النقاش)').fill('فكرة جيدة.');
  await sp.getByRole('button', { name: 'احفظ موقفي' }).click();
  await expect(sp.getByText('موقفك: تأييد')).toBeVisible();
  await expect(sp.locator('.ldn-comment').filter({ hasText: 'فكرة جيدة.' })).toBeVisible();
  await expectAccessible(sp);
  const opponent = await personPage(browser, `Opponent ${suffix}`);
  await call(opponent, 'PUT', `/amendments/${id}/position`, { position: 'oppose' });

  // The admin accepts it; the history credits its author.
  const bp = boss.page;
  const bProblems = watchConsole(bp);
  await visit(bp, `/amendments/${id}`);
  await expect(bp.getByText('Support: 1, oppose: 1, neutral: 0').first()).toBeVisible();
  await bp.getByRole('button', { name: 'Accept' }).click();
  await expect(bp.getByText(/Accepted by E2E Admin/)).toBeVisible();
  await bp.getByRole('link', { name: /See revision/ }).click();
  await bp.waitForURL(/\/compare\?/);
  await hydrated(bp);
  await expect(bp.locator('.ldn-diff ins').first()).toContainText('by the whole network');
  await expectAccessible(bp);
  await visit(bp, `/documents/${slug}/history`);
  await expect(bp.getByText(`Proposed by Amender ${suffix}.`)).toBeVisible();
  await expect(bp.getByRole('link', { name: `Amendment ${id}` })).toBeVisible();
  await bp.setViewportSize({ width: 360, height: 740 });
  await fitsPhone(bp);
  expect([...problems, ...sProblems, ...bProblems]).toEqual([]);
});

test('an admin creates a document from a Translate page; a group’s coordinator adapts it', async ({ browser }) => {
  const boss = await admin(browser);
  const page = boss.page;
  const problems = watchConsole(page);
  const slug = `e2e-new-${suffix}`;
  const wikitext = (body: string) => `<languages/>\n<translate>\n${body}\n</translate>\n`;
  const units = [
    '<!--T:1-->\n== Why groups meet ==',
    "<!--T:3-->\nGroups meet to '''learn''' together.",
    '<!--T:5-->\nEvery meeting keeps notes.',
  ].join('\n\n');

  await visit(page, '/documents');
  await page.getByRole('link', { name: 'New document' }).click();
  await page.waitForURL(/\/documents\/new$/);
  await hydrated(page);
  await expectAccessible(page);
  await page.getByLabel('Address name (slug)').fill(slug);
  await page.getByLabel('Title', { exact: true }).fill(`Meeting guide ${suffix}`);
  await page.getByLabel('Wikitext of a Translate page from Meta').check();
  // Unreadable wikitext: the error beside the text names the line.
  await page.getByLabel('Text', { exact: true }).fill(`<translate>\n${units}\n`);
  await page.getByLabel('Summary of the change').fill('Imported from Meta');
  await page.getByRole('button', { name: 'Create the document' }).click();
  await expect(page.getByText(/Line 1: this wikitext cannot be read/)).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel('Text', { exact: true }).fill(wikitext(units));
  await page.getByRole('button', { name: 'Create the document' }).click();
  await page.waitForURL(new RegExp(`/documents/${slug}$`));
  // The markers kept their ids.
  await expect(page.locator('#unit-1')).toContainText('Why groups meet');
  await expect(page.locator('#unit-3 strong')).toHaveText('learn');
  await expect(page.locator('#unit-5')).toContainText('Every meeting keeps notes.');

  // The form in Arabic, right to left, on a phone.
  await visit(page, '/documents/new?uselang=ar');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await page.setViewportSize({ width: 360, height: 740 });
  await fitsPhone(page);
  expect(problems).toEqual([]);

  // Anyone else is refused the page.
  const coordinator = await personPage(browser, `New Doc Coordinator ${suffix}`);
  const cp = coordinator.page;
  const cProblems = watchConsole(cp);
  expect((await cp.goto('/documents/new'))?.status()).toBe(403);
  const group = await call<{ slug: string; name: string }>(
    coordinator,
    'POST',
    '/communities',
    { name: `Meeting adapters ${suffix}`, kind: 'user_group', region: 'MENA' },
    201,
  );

  // A coordinator adapts it for their group, from the English source.
  await visit(cp, `/documents/${slug}?lang=en`);
  const form = cp.locator('.ldn-adapt');
  await expect(form.getByRole('heading', { name: 'Adapt for your group' })).toBeVisible();
  await expectAccessible(cp);
  await expect(form.getByLabel('Group', { exact: true })).toHaveValue(group.slug);
  await expect(form.getByLabel('Language', { exact: true })).toHaveValue('en');
  await expect(form.getByLabel('The translation in that language')).toBeDisabled();
  await form.getByRole('button', { name: 'Adapt', exact: true }).click();
  await cp.waitForURL(/\/adaptations\/\d+$/);
  const adaptation = cp.url().replace(/.*\/adaptations\//, '');
  await hydrated(cp);
  await expect(cp.locator('#unit-3')).toContainText('learn');

  // Adapting it again in the same language: the refusal links to the group's adaptation.
  await visit(cp, `/documents/${slug}?lang=en`);
  await cp.locator('.ldn-adapt').getByRole('button', { name: 'Adapt', exact: true }).click();
  const existing = cp.getByRole('link', { name: 'Open the existing adaptation' });
  await expect(existing).toHaveAttribute('href', `/adaptations/${adaptation}`);
  await expectAccessible(cp);
  await cp.setViewportSize({ width: 360, height: 740 });
  await fitsPhone(cp);
  expect(cProblems.filter((p) => !/status of (403|409)/.test(p))).toEqual([]);
});
