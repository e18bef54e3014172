// The language picker by keyboard, as a person uses it: type part of a language's name or its code, then Enter
// takes the highlighted (best) suggestion.
import { expect, type Locator, type Page } from '@playwright/test';

export async function chooseLanguage(scope: Page | Locator, label: string, typed: string): Promise<void> {
  const box = scope.getByRole('combobox', { name: label, exact: true });
  await box.fill(typed);
  const list = await box.getAttribute('aria-controls');
  const page = 'page' in scope ? scope.page() : scope;
  await expect(page.locator(`[id="${list}"] [role="option"]`).first()).toBeVisible();
  await box.press('Enter');
}
