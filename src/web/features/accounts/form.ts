// Form state shared by the accounts forms: field errors beside their fields, a general error above, and a
// busy flag. What people typed stays in the form when something is refused.
import { ref } from 'vue';
import { ApiError } from '../../api';

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

/** Where to go after logging in: only a path on this site, never another origin. */
export function safeReturnTo(value: unknown): string {
  return typeof value === 'string' && value.startsWith('/') && !value.startsWith('//') && !value.startsWith('/\\') ? value : '/';
}

/** Failures of "Log in with Wikimedia" the server can send back as ?error=wikimedia-<code>. */
const WIKIMEDIA_ERRORS = ['disabled', 'denied', 'state', 'unavailable', 'linked-elsewhere', 'already-linked', 'blocked'];

/** The message key for a ?error= value, or null for anything unknown (never shown as text). */
export function wikimediaErrorKey(value: unknown): string | null {
  if (typeof value !== 'string' || !value.startsWith('wikimedia-')) return null;
  const code = value.slice('wikimedia-'.length);
  return WIKIMEDIA_ERRORS.includes(code) ? `accounts-wikimedia-error-${code}` : null;
}
