// Helpers of the accounts forms (their error handling is the shared useFormErrors).
export { useFormEcho, useFormErrors } from '../../ui/form';

/** Where to go after logging in: only a path on this site, never another origin. */
export function safeReturnTo(value: unknown): string {
  return typeof value === 'string' && value.startsWith('/') && !value.startsWith('//') && !value.startsWith('/\\')
    ? value
    : '/';
}

/** Failures of "Log in with Wikimedia" the server can send back as ?error=wikimedia-<code>. */
const WIKIMEDIA_ERRORS = [
  'disabled',
  'denied',
  'state',
  'unavailable',
  'linked-elsewhere',
  'already-linked',
  'blocked',
];

/** The message key for a ?error= value, or null for anything unknown (never shown as text). */
export function wikimediaErrorKey(value: unknown): string | null {
  if (typeof value !== 'string' || !value.startsWith('wikimedia-')) return null;
  const code = value.slice('wikimedia-'.length);
  return WIKIMEDIA_ERRORS.includes(code) ? `accounts-wikimedia-error-${code}` : null;
}
