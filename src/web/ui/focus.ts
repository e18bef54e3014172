// Keeping the keyboard's place when part of a page is swapped: a form opened in place of the button that opened
// it takes the focus, and gives it back to that button (or what stands in its place) when it closes.
import type { ComponentPublicInstance } from 'vue';

/** A template ref: an element, or a component whose root element is taken. */
export type FocusTarget = Element | ComponentPublicInstance | null | undefined;

export function elementOf(target: FocusTarget): HTMLElement | null {
  if (!target) return null;
  const el = target instanceof Element ? target : (target.$el as unknown);
  return el instanceof HTMLElement ? el : null;
}

const FIELDS = 'input:not([type="hidden"]):not([disabled]), textarea:not([disabled]), select:not([disabled])';

/** Moves focus to the first field inside `target` (its first button when it has none). Answers whether it moved. */
export function focusInside(target: FocusTarget): boolean {
  const el = elementOf(target);
  const first = el?.querySelector<HTMLElement>(FIELDS) ?? el?.querySelector<HTMLElement>('button:not([disabled])');
  first?.focus();
  return !!first && document.activeElement === first;
}

/** Moves focus to the first of `targets` that is on the page (making a message focusable when it is not). */
export function focusOn(...targets: FocusTarget[]): boolean {
  for (const t of targets) {
    const el = elementOf(t);
    if (!el?.isConnected) continue;
    if (!el.matches('a[href], button, input, select, textarea, [tabindex]')) el.setAttribute('tabindex', '-1');
    el.focus();
    if (document.activeElement === el) return true;
  }
  return false;
}
