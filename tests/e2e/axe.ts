// Every page the end-to-end tests visit is checked with axe (WCAG 2.2 AA) and for console errors.
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

export async function expectAccessible(page: Page): Promise<void> {
  // A button that just appeared may still be fading its colours in (Codex transitions): axe would measure the
  // contrast halfway. Let running transitions and finite animations finish first (a spinner never does; nor does
  // a transition inside a closed <details>, whose content the browser stops rendering).
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((a) => Number.isFinite(Number(a.effect?.getComputedTiming().endTime)))
        .filter((a) => (a.effect as KeyframeEffect | null)?.target?.checkVisibility() !== false)
        .map((a) => a.finished.catch(() => undefined)),
    ),
  );
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  const summary = results.violations.map(
    (v) =>
      `${v.id}: ${v.help} (${v.nodes
        .map((n) => n.target.join(' '))
        .slice(0, 3)
        .join(', ')})`,
  );
  expect(summary, `axe violations on ${page.url()}`).toEqual([]);
}

/**
 * Collects console errors and hydration warnings of a page; assert it is empty at the end. The browser reports
 * each refused form submission (an API answer of 400) as a failed resource: that one is expected.
 */
export function watchConsole(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (msg) => {
    const text = msg.text();
    const refusedForm =
      /Failed to load resource/.test(text) && /status of 400/.test(text) && msg.location().url.includes('/api/v1/');
    if (!refusedForm && (msg.type() === 'error' || /hydration/i.test(text))) problems.push(`${msg.type()}: ${text}`);
  });
  page.on('pageerror', (err) => problems.push(`pageerror: ${err.message}`));
  return problems;
}

/** Waits until the page has hydrated (the client marks <html data-hydrated>). */
export async function hydrated(page: Page): Promise<void> {
  await page.waitForSelector('html[data-hydrated="true"]');
}

/** Opens a page, waits until it has hydrated and checks it with axe; answers the navigation's response. */
export async function visit(page: Page, url: string) {
  const res = await page.goto(url);
  await hydrated(page);
  await expectAccessible(page);
  return res;
}
