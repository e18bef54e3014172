// Form state shared by every form: field errors beside their fields, a general error above, and a busy flag.
// What people typed stays in the form when something is refused.
import { ref } from 'vue';
import { ApiError } from '../api';

export function useFormErrors() {
  const errors = ref<Record<string, string>>({});
  const general = ref('');
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
