// The header's menus in end-to-end tests: <details> disclosures, opened by clicking their button (summary).
import { expect, type Locator, type Page } from '@playwright/test';

/** The signed-in person's menu, opened; answers the menu. */
export async function openUserMenu(page: Page): Promise<Locator> {
  const menu = page.locator('details.ldn-account');
  if (!(await menu.evaluate((d: HTMLDetailsElement) => d.open))) await menu.locator('> summary').click();
  await expect(menu).toHaveAttribute('open', '');
  return menu;
}

/** A group of the main navigation (People, Discuss, Learn), opened; answers the group. */
export async function openNavGroup(page: Page, name: string): Promise<Locator> {
  const group = page.locator('.ldn-nav details', { has: page.locator('> summary', { hasText: name }) });
  await group.locator('> summary').click();
  await expect(group).toHaveAttribute('open', '');
  return group;
}
