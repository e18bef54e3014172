import { chromium } from '@playwright/test';
const base = 'http://localhost:8091';
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const report = async (page, name) => {
  const w = await page.evaluate(() => document.documentElement.scrollWidth);
  const h = await page.evaluate(() => document.querySelector('header')?.getBoundingClientRect().height ?? -1);
  const vw = page.viewportSize().width;
  console.log(name, page.url(), 'width', w, w > vw ? 'OVERFLOW' : '', 'header', Math.round(h));
  await page.screenshot({ path: `/tmp/shots15/${name}.png`, fullPage: false });
};
for (const js of [true, false]) {
  const ctx = await b.newContext({ viewport: { width: 390, height: 844 }, javaScriptEnabled: js });
  const page = await ctx.newPage();
  const errors = []; page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.goto(`${base}/signup`);
  await page.getByLabel('Username', { exact: true }).fill(`Walker ${js ? 'js' : 'nojs'} ${Date.now() % 100000}`);
  await page.getByLabel('Password', { exact: true }).fill('a long walking password 42');
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.waitForURL(/welcome/);
  await report(page, `${js}-01-welcome-390`);
  for (const [w, lang] of [[390, 'en'], [390, 'ar'], [1280, 'en'], [1280, 'ar']]) {
    await page.setViewportSize({ width: w, height: 844 });
    for (const p of ['/', '/initiatives', '/debates', '/settings', '/settings/profile']) {
      await page.goto(`${base}${p}?uselang=${lang}`);
      await report(page, `${js}-${w}-${lang}-${p.replaceAll('/', '_') || 'home'}`);
    }
  }
  console.log('console errors', js, errors.slice(0, 5));
  await ctx.close();
}
await b.close();
