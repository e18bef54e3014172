// Form state shared by every form: field errors beside their fields, a general error above, and a busy flag.
// What people typed stays in the form when something is refused.
import { ref } from 'vue';
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

  /** Runs a submission: clears old errors, and sorts a refusal into field errors or a general one. */
  async function submit(fn: () => Promise<void>): Promise<boolean> {
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
      return false;
    } finally {
      busy.value = false;
    }
  }

  return { errors, general, busy, status, messages, submit };
}
