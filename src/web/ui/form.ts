// Form state shared by every form: field errors beside their fields, a general error above, and a busy flag.
// What people typed stays in the form when something is refused.
//
// Codex shows a field's help and error beside it but names neither to assistive technology, so every shown
// message is tied to its field here (aria-describedby, and aria-invalid while an error shows), and a refused
// submission moves focus to the first field in error, or to the error above the form when no field has one.
import { nextTick, onMounted, ref, watch } from 'vue';
import type { FormEcho } from '../../contracts/page-state';
import { ApiError } from '../api';
import { useAppState } from '../state';

/**
 * The refusal of this form when the page answers it sent without JavaScript (the server renders the page again
 * with what was typed and why, FormTokens.vue names the form), else null.
 */
export function useFormEcho(form: string): FormEcho | null {
  const echo = useAppState().form;
  return echo?.form === form ? echo : null;
}

/** Errors of a form, starting with those of its refusal when it was sent without JavaScript. */
export function useFormErrors(echo: FormEcho | null = null) {
  const errors = ref<Record<string, string>>({ ...echo?.errors });
  const general = ref(echo?.message ?? '');
  const busy = ref(false);
  const status = (field: string): 'error' | 'default' => (errors.value[field] ? 'error' : 'default');
  const messages = (field: string) => (errors.value[field] ? { error: errors.value[field] } : {});
  // A page answering a form refused without JavaScript has no script to tie messages or move focus, so the
  // server-rendered controls carry it: aria-invalid on each field in error, autofocus on the first one (or on the
  // error above the form when no field has one). With JavaScript, tieFieldMessages and revealErrors do the same.
  const firstEchoed = echo ? Object.keys(echo.errors)[0] : undefined;
  let echoPending = echo !== null;
  const control = (field: string) =>
    errors.value[field]
      ? { 'aria-invalid': 'true' as const, ...(echoPending && field === firstEchoed ? { autofocus: true } : {}) }
      : {};
  const summary = () =>
    echoPending && !firstEchoed && general.value ? { tabindex: '-1', autofocus: true } : ({} as object);

  // Messages shown or cleared (by a submission or by the form itself) are tied or untied once the page shows them.
  watch([errors, general], () => tieFieldMessages(), { flush: 'post', deep: true });
  onMounted(() => tieFieldMessages());

  /** Runs a submission: clears old errors, and sorts a refusal into field errors or a general one. */
  async function submit(fn: () => Promise<void>): Promise<boolean> {
    const form = focusedForm();
    echoPending = false;
    busy.value = true;
    errors.value = {};
    general.value = '';
    try {
      await fn();
      return true;
    } catch (err) {
      if (err instanceof ApiError) {
        errors.value = err.fieldErrors();
        if (Object.keys(errors.value).length === 0) general.value = err.problem.detail ?? err.problem.title;
      } else {
        general.value = err instanceof Error ? err.message : String(err);
      }
      void revealErrors(form);
      return false;
    } finally {
      busy.value = false;
    }
  }

  return { errors, general, busy, status, messages, control, summary, submit };
}

/** Ids given here start with this, so they can be told from a component's own. */
const OWN_ID = 'ldn-msg-';
let lastId = 0;
const idOf = (el: Element) => (el.id ||= `${OWN_ID}${++lastId}`);

/** The control of a Codex field: the element its label is for, else its first input. */
function controlOf(field: Element): HTMLElement | null {
  const label = field.querySelector<HTMLLabelElement>(':scope > .cdx-label label[for]');
  const byLabel = label ? document.getElementById(label.htmlFor) : null;
  return byLabel ?? field.querySelector<HTMLElement>(':scope > .cdx-field__control :is(input, textarea, select)');
}

/**
 * Ties the help and the error shown with every Codex field on the page to its control: aria-describedby names
 * them (beside what the control already named), aria-invalid is set while an error shows. A fieldset (a group
 * of checkboxes) is described as a whole. Safe to run again at any time: it only mends what changed.
 */
export function tieFieldMessages(root: ParentNode | undefined = globalThis.document): void {
  if (!root) return;
  for (const field of root.querySelectorAll('.cdx-field')) {
    const fieldset = field.tagName === 'FIELDSET';
    const control = fieldset ? (field as HTMLElement) : controlOf(field);
    if (!control) continue;
    const help = field.querySelector(':scope > .cdx-field__help-text');
    const shown = field.querySelector(':scope > .cdx-field__validation-message');
    const error = shown?.querySelector('.cdx-message--error') ? shown : null;
    const theirs = (control.getAttribute('aria-describedby') ?? '')
      .split(/\s+/)
      .filter((id) => id && !id.startsWith(OWN_ID) && id !== help?.id && id !== error?.id);
    const ids = [...theirs, ...[help, error].filter((el) => el !== null).map(idOf)];
    if (ids.length) control.setAttribute('aria-describedby', ids.join(' '));
    else control.removeAttribute('aria-describedby');
    if (fieldset) continue;
    if (error) {
      control.setAttribute('aria-invalid', 'true');
      control.dataset.ldnInvalid = '';
    } else if (control.dataset.ldnInvalid !== undefined) {
      control.removeAttribute('aria-invalid');
      delete control.dataset.ldnInvalid;
    }
  }
}

/** The form holding the focus (the field where Enter was pressed, or the button clicked), if any. */
export function focusedForm(): HTMLFormElement | null {
  if (typeof document === 'undefined') return null;
  return document.activeElement?.closest('form') ?? null;
}

/** What focus may go to after a refusal, in page order: a field in error, an error message. */
const ERROR_SPOTS = '[aria-invalid="true"], .cdx-message--error, .ldn-field-error';

/**
 * After a refusal has been shown: ties the messages to their fields, then moves focus to the first field in
 * error in `form` (or on the page), or to the first error message there (an error on a group of choices
 * focuses its first choice). Answers whether focus moved.
 */
export async function revealErrors(form: Element | null = focusedForm()): Promise<boolean> {
  if (typeof document === 'undefined') return false;
  await nextTick();
  tieFieldMessages();
  const scope = form?.isConnected ? form : document;
  const spot = scope.querySelector<HTMLElement>(ERROR_SPOTS);
  if (!spot) return false;
  let target = spot;
  if (!spot.matches('[aria-invalid="true"]')) {
    const choice = spot.closest('fieldset')?.querySelector<HTMLElement>('input:not([disabled])');
    if (choice) target = choice;
    else if (!spot.hasAttribute('tabindex')) spot.setAttribute('tabindex', '-1');
  }
  target.focus();
  return document.activeElement === target;
}
